package acd.ivr.store;

import acd.core.config.ConfigError;
import acd.core.config.ConfigProblems;
import acd.ivr.customer.CustomerProfile;
import acd.ivr.selfservice.Bill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The customers seed file ({@code config/customers.csv}): a header row, then one subscriber a
 * row. Columns:
 * <pre>
 * number           the caller number, digits (a leading + is allowed)      required
 * tier             a tier id from routing.yaml; blank = the default tier
 * brand            a brand id from routing.yaml; blank = none
 * account_manager  an agent id from agents.yaml; blank = none
 * language         zh, en, ...; blank = the hotline's default
 * balance          the opening balance in yuan, e.g. 58.30 (may be negative)   required
 * bill_period      the latest bill's month, yyyymm                         with bill_amount
 * bill_amount      the latest bill in yuan                                  with bill_period
 * service_pin      the account's service PIN, 6 digits (or a pbkdf2-sha256 hash); blank = none
 * </pre>
 * Every bad row is reported, each as {@code file:line:column: reason}, in one {@link ConfigError}.
 */
public final class CustomerFile {
    public static final List<String> REQUIRED = List.of("number", "balance");
    public static final List<String> OPTIONAL = List.of("tier", "brand", "account_manager", "language",
            "bill_period", "bill_amount", "service_pin");

    static final Pattern NUMBER = Pattern.compile("\\+?\\d{3,20}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final Pattern SERVICE_PIN = Pattern.compile("\\d{6}");
    private static final Pattern PERIOD = Pattern.compile("(20\\d\\d|2[1-9]\\d\\d)(0[1-9]|1[0-2])");

    private CustomerFile() {
    }

    /**
     * @param source how errors name the file, e.g. {@code config/customers.csv}
     * @param ids    the ids tiers, brands and account managers are checked against
     * @throws ConfigError naming every bad row
     */
    public static List<SeedCustomer> parse(String source, String text, RoutingIds ids) {
        ConfigProblems problems = new ConfigProblems(List.of(source));
        List<SeedCustomer> customers = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (CsvTable.Row row : CsvTable.read(source, text, REQUIRED, OPTIONAL, problems)) {
            int before = problems.size();
            String number = row.text("number");
            if (!NUMBER.matcher(number).matches()) {
                report(problems, source, row, "number", "'" + number + "' is not a phone number (3 to 20 digits)");
            } else {
                Integer earlier = firstLine.putIfAbsent(number, row.line());
                if (earlier != null) {
                    report(problems, source, row, "number", "number " + number + " is already on line " + earlier);
                }
            }
            String tier = known(problems, source, row, "tier", ids.tiers());
            String brand = known(problems, source, row, "brand", ids.brands());
            String manager = known(problems, source, row, "account_manager", ids.agents());
            String language = blankToNull(row.text("language"));
            if (language != null && !LANGUAGE.matcher(language).matches()) {
                report(problems, source, row, "language", "'" + language + "' is not a language code (e.g. zh, en)");
            }
            long balance = amount(problems, source, row, "balance", true);
            Bill bill = bill(problems, source, row, number);
            String servicePin = servicePin(problems, source, row);
            if (problems.size() == before) {
                customers.add(new SeedCustomer(number, new CustomerProfile(tier, brand, manager, language),
                        balance, bill, servicePin, row.line()));
            }
        }
        problems.throwIfAny();
        return customers;
    }

    private static String servicePin(ConfigProblems problems, String source, CsvTable.Row row) {
        String pin = row.text("service_pin");
        if (pin.isEmpty()) {
            return null;
        }
        // the reasons never quote the PIN: the error ends up in logs
        if (PinHash.isHash(pin)) {
            try {
                PinHash.check(pin);
            } catch (IllegalArgumentException e) {
                report(problems, source, row, "service_pin", e.getMessage());
            }
        } else if (!SERVICE_PIN.matcher(pin).matches()) {
            report(problems, source, row, "service_pin", "a service PIN is 6 digits (or a pbkdf2-sha256 hash)");
        }
        return pin;
    }

    private static Bill bill(ConfigProblems problems, String source, CsvTable.Row row, String number) {
        String period = row.text("bill_period");
        String amount = row.text("bill_amount");
        if (period.isEmpty() && amount.isEmpty()) {
            return null;
        }
        if (period.isEmpty()) {
            report(problems, source, row, "bill_amount", "a bill amount needs its bill_period (yyyymm)");
            return null;
        }
        if (amount.isEmpty()) {
            report(problems, source, row, "bill_period", "a bill period needs its bill_amount (yuan)");
            return null;
        }
        int p = 0;
        if (!PERIOD.matcher(period).matches()) {
            report(problems, source, row, "bill_period", "'" + period + "' is not a billing month as yyyymm (e.g. 202610)");
        } else {
            p = Integer.parseInt(period);
        }
        long fen = amount(problems, source, row, "bill_amount", false);
        return new Bill(number, p, fen);
    }

    private static String known(ConfigProblems problems, String source, CsvTable.Row row, String column,
                                Set<String> ids) {
        String id = blankToNull(row.text(column));
        if (id != null && !ids.contains(id)) {
            String what = column.replace('_', ' ');
            report(problems, source, row, column, "unknown " + what + " '" + id + "'"
                    + (ids.isEmpty() ? "; the routing configuration defines none" : "; known: " + abbreviated(ids)));
        }
        return id;
    }

    static long amount(ConfigProblems problems, String source, CsvTable.Row row, String column, boolean negativeAllowed) {
        String text = row.text(column);
        if (text.isEmpty()) {
            report(problems, source, row, column, column.replace('_', ' ') + " is missing (yuan, e.g. 58.30)");
            return 0;
        }
        try {
            return Yuan.toFen(text, negativeAllowed);
        } catch (IllegalArgumentException e) {
            report(problems, source, row, column, column.replace('_', ' ') + ": " + e.getMessage());
            return 0;
        }
    }

    static void report(ConfigProblems problems, String source, CsvTable.Row row, String column, String reason) {
        problems.add(source, row.line(column), row.column(column), reason);
    }

    private static String abbreviated(Set<String> ids) {
        // agents.yaml may define hundreds of seats; a reason line should stay readable
        List<String> list = new ArrayList<>(ids);
        if (list.size() <= 12) {
            return String.join(", ", list);
        }
        return String.join(", ", list.subList(0, 12)) + " and " + (list.size() - 12) + " more";
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
