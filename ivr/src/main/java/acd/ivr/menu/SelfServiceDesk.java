package acd.ivr.menu;

import acd.ivr.selfservice.Account;
import acd.ivr.selfservice.Bill;
import acd.ivr.selfservice.FaultKind;
import acd.ivr.selfservice.PinCheck;
import acd.ivr.selfservice.RechargeOutcome;
import acd.ivr.selfservice.SelfService;
import acd.ivr.selfservice.SelfServiceUnavailableException;
import acd.ivr.selfservice.ServiceChangeOutcome;
import acd.ivr.selfservice.ServiceOffer;
import acd.ivr.selfservice.SurveyResponse;
import acd.ivr.selfservice.SurveyStore;
import acd.ivr.selfservice.WorkOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Carries out the menu's {@link Step.Action}s against the self-service and survey ports and
 * turns what they return into the outcome key and variables the menu routes and reads back by.
 * It may block on a database, so a driver calls it off its I/O thread and feeds the result to
 * {@link IvrCall#next}. Safe for concurrent use when the ports are.
 *
 * <p>Money goes out as whole yuan and the fen left over, both as owed when negative, so the
 * menu says them with two say-number steps.
 */
public final class SelfServiceDesk {
    private static final Logger LOG = LoggerFactory.getLogger(SelfServiceDesk.class);
    private static final long MINUTE_MS = 60_000;
    private static final long HOUR_MS = 3_600_000;

    private final SelfService selfService;
    private final SurveyStore surveys;
    private final String channel;
    private final LongSupplier clockMs;

    /**
     * @param channel recorded with every change, e.g. {@code ivr}
     * @param clockMs the time changes are recorded at and outcomes carry
     */
    public SelfServiceDesk(SelfService selfService, SurveyStore surveys, String channel, LongSupplier clockMs) {
        this.selfService = Objects.requireNonNull(selfService, "selfService");
        this.surveys = Objects.requireNonNull(surveys, "surveys");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
    }

    /** Runs the action; never throws for a store that is down, which is the {@code unavailable} outcome. */
    public Reply.Outcome perform(Step.Action action) {
        long nowMs = clockMs.getAsLong();
        Map<String, String> values = new HashMap<>();
        String key;
        try {
            key = run(action, nowMs, values);
        } catch (SelfServiceUnavailableException e) {
            LOG.warn("self-service unavailable for {}: {}", action.kind().spelling(), e.getMessage());
            values.clear();
            key = ActionKind.UNAVAILABLE;
        } catch (RuntimeException e) {
            // a store that fails some other way has still not answered: the caller hears the
            // sorry prompt and is offered a person instead of dead air
            LOG.error("self-service failed for {}", action.kind().spelling(), e);
            values.clear();
            key = ActionKind.UNAVAILABLE;
        }
        return new Reply.Outcome(key, values, clockMs.getAsLong());
    }

    private String run(Step.Action action, long nowMs, Map<String, String> values) {
        String number = action.argument("number");
        switch (action.kind()) {
            case BALANCE: {
                Optional<Account> account = selfService.account(number);
                if (account.isEmpty()) {
                    return "unknown-number";
                }
                long fen = account.get().balanceFen();
                money(values, "balance", fen);
                return fen < 0 ? "owing" : "ok";
            }
            case BILL: {
                Optional<Bill> bill = selfService.latestBill(number);
                if (bill.isEmpty()) {
                    return "none";
                }
                money(values, "bill", bill.get().amountFen());
                values.put("billYear", Integer.toString(bill.get().period() / 100));
                values.put("billMonth", Integer.toString(bill.get().period() % 100));
                return "ok";
            }
            case RECHARGE:
                return recharge(action, number, nowMs, values);
            case FAULT_REPORT: {
                FaultKind kind = "complex".equals(action.argument("faultKind")) ? FaultKind.COMPLEX : FaultKind.NORMAL;
                WorkOrder order = selfService.reportFault(number, kind, channel, nowMs);
                values.put("orderNumber", order.orderNumber());
                values.put("dueHours", Long.toString(ceilDiv(order.dueMs() - order.createdMs(), HOUR_MS)));
                return "ok";
            }
            case SERVICES: {
                List<ServiceOffer> offers = selfService.services(number);
                values.put("service.count", Integer.toString(offers.size()));
                for (int i = 0; i < offers.size(); i++) {
                    ServiceOffer o = offers.get(i);
                    String item = "service." + (i + 1) + ".";
                    values.put(item + "code", o.code());
                    values.put(item + "prompt", o.prompt());
                    values.put(item + "subscribed", Boolean.toString(o.subscribed()));
                    values.put(item + "feeYuan", Long.toString(o.monthlyFeeFen() / 100));
                    values.put(item + "feeFen", Long.toString(o.monthlyFeeFen() % 100));
                }
                return offers.isEmpty() ? "none" : "ok";
            }
            case CHANGE_SERVICE: {
                String change = action.argument("change");
                if (!"subscribe".equals(change) && !"unsubscribe".equals(change)) {
                    // the menu file is checked, so only a menu built in code gets here
                    throw new IllegalArgumentException("change must be subscribe or unsubscribe, was '" + change + "'");
                }
                ServiceChangeOutcome outcome = selfService.changeService(number, action.argument("service"),
                        "subscribe".equals(change), channel, nowMs);
                return spelling(outcome);
            }
            case IDENTIFY:
                return identify(action, number, nowMs, values);
            case SURVEY: {
                int rating = parseRating(action.argument("rating"));
                surveys.record(new SurveyResponse(action.argument("callId"), number, blankToNull(action.argument("queue")),
                        blankToNull(action.argument("tier")), rating, nowMs));
                return "ok";
            }
            default:
                throw new IllegalArgumentException("unknown action " + action.kind());
        }
    }

    /**
     * Whose account the caller may act for: their own phone's, unless every caller is asked for
     * the PIN; any other account only with its service PIN.
     */
    private String identify(Step.Action action, String caller, long nowMs, Map<String, String> values) {
        boolean always = "always".equals(action.argument("askPin"));
        String typed = action.argument("account");
        String pin = action.argument("servicePin");
        boolean typedNone = typed == null || typed.isBlank();
        String account = typedNone ? caller : typed;
        if (pin == null || pin.isEmpty()) {
            if (account == null || account.isBlank() || selfService.account(account).isEmpty()) {
                return typedNone ? "account-needed" : "unknown-number";
            }
            if (account.equals(caller) && !always) {
                values.put("account", account);
                return "ok";
            }
            return "pin-needed";
        }
        PinCheck check = selfService.checkServicePin(account, pin, nowMs);
        switch (check.status()) {
            case VERIFIED:
                values.put("account", account);
                return "ok";
            case WRONG_PIN:
                values.put("attemptsLeft", Integer.toString(check.attemptsLeft()));
                if (check.attemptsLeft() > 0) {
                    return "wrong-pin";
                }
                // the wrong PIN that locks the account: the caller hears so at once, and
                // attemptsLeft 0 tells this lock-out from a try while locked
                values.put("lockedMinutes", Long.toString(lockedMinutes(check.lockedUntilMs(), nowMs)));
                return "locked-out";
            case LOCKED_OUT:
                values.put("lockedMinutes", Long.toString(lockedMinutes(check.lockedUntilMs(), nowMs)));
                return "locked-out";
            default:
                return spelling(check.status());
        }
    }

    private static long lockedMinutes(long lockedUntilMs, long nowMs) {
        return Math.max(1, ceilDiv(lockedUntilMs - nowMs, MINUTE_MS));
    }

    private String recharge(Step.Action action, String number, long nowMs, Map<String, String> values) {
        RechargeOutcome r = selfService.recharge(number, action.argument("card"), action.argument("pin"), channel, nowMs);
        switch (r.status()) {
            case CREDITED:
                money(values, "credited", r.creditedFen());
                money(values, "balance", r.balanceFen());
                return "credited";
            case WRONG_PIN:
                values.put("attemptsLeft", Integer.toString(r.pinAttemptsLeft()));
                return "wrong-pin";
            case LOCKED_OUT:
                values.put("lockedMinutes", Long.toString(lockedMinutes(r.lockedUntilMs(), nowMs)));
                return "locked-out";
            default:
                return spelling(r.status());
        }
    }

    private static void money(Map<String, String> values, String name, long fen) {
        long owed = Math.abs(fen);
        values.put(name + "Yuan", Long.toString(owed / 100));
        values.put(name + "Fen", Long.toString(owed % 100));
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }

    private static int parseRating(String s) {
        try {
            int r = Integer.parseInt(s);
            return r >= 1 && r <= 5 ? r : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String spelling(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
