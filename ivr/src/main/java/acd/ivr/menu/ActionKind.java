package acd.ivr.menu;

import java.util.List;
import java.util.Locale;

/**
 * A self-service request the menu can make. The interpreter only names it; a
 * {@link SelfServiceDesk} carries it out and answers with one of {@link #outcomes()}, plus
 * variables the menu may read back ({@link #produces()}).
 */
public enum ActionKind {
    /** The caller's balance: {@code ok}, or {@code owing} when below zero (amounts then as owed). */
    BALANCE(true, List.of(), List.of("ok", "owing", "unknown-number"), List.of("balanceYuan", "balanceFen")),
    /** The latest bill and its month. */
    BILL(true, List.of(), List.of("ok", "none"), List.of("billYuan", "billFen", "billYear", "billMonth")),
    /** A prepaid card onto the balance; runs only after the caller's explicit confirmation. */
    RECHARGE(true, List.of("card", "pin"),
            List.of("credited", "wrong-pin", "locked-out", "card-used", "unknown-card", "unknown-number"),
            List.of("creditedYuan", "creditedFen", "balanceYuan", "balanceFen", "attemptsLeft", "lockedMinutes")),
    /** A fault report that opens a work order. */
    FAULT_REPORT(false, List.of("faultKind"), List.of("ok"), List.of("orderNumber", "dueHours")),
    /** The value-added services offered to the caller, as the list {@code service}. */
    SERVICES(true, List.of(), List.of("ok", "none"), List.of("service.count")),
    /** Subscribes to or unsubscribes from the chosen service ({@code change}: subscribe or unsubscribe). */
    CHANGE_SERVICE(true, List.of("service", "change"),
            List.of("subscribed", "unsubscribed", "already-subscribed", "not-subscribed", "unknown-service",
                    "unknown-number"),
            List.of()),
    /** Stores the post-call survey answer ({@code rating} 0 when the caller gave none). */
    SURVEY(false, List.of("rating"), List.of("ok"), List.of()),
    /**
     * Who the caller may do account business for. With no {@code account} and no
     * {@code servicePin} given it asks whether the caller's own phone is enough: {@code ok}, or
     * {@code account-needed} (the caller's number has no account) or {@code pin-needed}. With an
     * {@code account} typed it answers {@code unknown-number} or {@code pin-needed}; with a
     * {@code servicePin} it checks it: {@code ok}, {@code wrong-pin}, {@code locked-out} (too many
     * wrong PINs for the account) or {@code no-pin} (the account has none set). {@code ok} sets
     * {@code account}, the number the account business that follows acts on.
     */
    IDENTIFY(false, List.of("account", "servicePin"),
            List.of("ok", "account-needed", "pin-needed", "wrong-pin", "locked-out", "no-pin", "unknown-number"),
            List.of("account", "attemptsLeft", "lockedMinutes"));

    /** Every action may find the store unreachable; the menu must say where the caller goes then. */
    public static final String UNAVAILABLE = "unavailable";
    /** In a node's outcomes, where any outcome not named goes. */
    public static final String OTHER = "other";

    private final boolean accountBusiness;
    private final List<String> reads;
    private final List<String> outcomes;
    private final List<String> produces;

    ActionKind(boolean accountBusiness, List<String> reads, List<String> outcomes, List<String> produces) {
        this.accountBusiness = accountBusiness;
        this.reads = reads;
        this.outcomes = concat(outcomes, UNAVAILABLE);
        this.produces = produces;
    }

    /**
     * Whether the action reads or changes an account, so it acts only for a caller who has been
     * identified as the account's holder (see {@link IvrMenu#identity()}).
     */
    public boolean accountBusiness() {
        return accountBusiness;
    }

    /** Call variables the action takes as arguments (the caller's number is always passed). */
    public List<String> reads() {
        return reads;
    }

    /** Every outcome key the action can answer with, {@code unavailable} included. */
    public List<String> outcomes() {
        return outcomes;
    }

    /** Variables an outcome may set. */
    public List<String> produces() {
        return produces;
    }

    /** How the menu file writes it: {@code change-service}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<String> concat(List<String> list, String last) {
        String[] all = list.toArray(new String[list.size() + 1]);
        all[list.size()] = last;
        return List.of(all);
    }
}
