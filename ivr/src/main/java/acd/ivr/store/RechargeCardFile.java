package acd.ivr.store;

import acd.core.config.ConfigError;
import acd.core.config.ConfigProblems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The recharge card seed file ({@code config/recharge-cards.csv}): a header row, then one card a
 * row. Columns:
 * <pre>
 * card_number  16 digits
 * pin          the PIN (4 to 20 digits), or its stored hash (pbkdf2-sha256$...)
 * value        what the card credits, in yuan, e.g. 50.00
 * </pre>
 * Every bad row is reported, each as {@code file:line:column: reason}, in one {@link ConfigError}.
 */
public final class RechargeCardFile {
    public static final List<String> COLUMNS = List.of("card_number", "pin", "value");
    static final Pattern CARD_NUMBER = Pattern.compile("\\d{16}");
    static final Pattern PIN = Pattern.compile("\\d{4,20}");

    private RechargeCardFile() {
    }

    /** @throws ConfigError naming every bad row */
    public static List<SeedCard> parse(String source, String text) {
        ConfigProblems problems = new ConfigProblems(List.of(source));
        List<SeedCard> cards = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (CsvTable.Row row : CsvTable.read(source, text, COLUMNS, List.of(), problems)) {
            int before = problems.size();
            String number = row.text("card_number");
            if (!CARD_NUMBER.matcher(number).matches()) {
                CustomerFile.report(problems, source, row, "card_number", "a card number is 16 digits");
            } else {
                Integer earlier = firstLine.putIfAbsent(number, row.line());
                if (earlier != null) {
                    CustomerFile.report(problems, source, row, "card_number",
                            "card " + number + " is already on line " + earlier);
                }
            }
            String pin = row.text("pin");
            // the reasons never quote the PIN: the error ends up in logs
            if (PinHash.isHash(pin)) {
                try {
                    PinHash.check(pin);
                } catch (IllegalArgumentException e) {
                    CustomerFile.report(problems, source, row, "pin", e.getMessage());
                }
            } else if (!PIN.matcher(pin).matches()) {
                CustomerFile.report(problems, source, row, "pin", "a PIN is 4 to 20 digits (or a pbkdf2-sha256 hash)");
            }
            long value = CustomerFile.amount(problems, source, row, "value", false);
            if (problems.size() == before && value == 0) {
                CustomerFile.report(problems, source, row, "value", "a card must be worth more than 0.00");
            }
            if (problems.size() == before) {
                cards.add(new SeedCard(number, pin, value, row.line()));
            }
        }
        problems.throwIfAny();
        return cards;
    }
}
