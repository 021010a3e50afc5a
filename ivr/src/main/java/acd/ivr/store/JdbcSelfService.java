package acd.ivr.store;

import acd.ivr.selfservice.Account;
import acd.ivr.selfservice.Bill;
import acd.ivr.selfservice.FaultKind;
import acd.ivr.selfservice.PinCheck;
import acd.ivr.selfservice.RechargeOutcome;
import acd.ivr.selfservice.RechargeOutcome.Status;
import acd.ivr.selfservice.SelfService;
import acd.ivr.selfservice.ServiceChangeOutcome;
import acd.ivr.selfservice.ServiceOffer;
import acd.ivr.selfservice.WorkOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SelfService} over the store's database with plain JDBC, one transaction per request.
 *
 * <p>Requests that change a caller's account first lock the caller's subscriber row
 * ({@code SELECT ... FOR UPDATE}), so one caller's requests run one after another while
 * different callers never wait for each other. A card is marked used with a conditional update
 * whose row count says whether this request won it; only the winner credits.
 *
 * <p>Wrong PINs count per caller: {@code wrongPinLimit} in a row lock the caller out of recharge
 * for {@code lockOutMinutes}; the attempt that reaches the limit answers {@link Status#WRONG_PIN}
 * with no attempts left and the lock-out's end, later ones {@link Status#LOCKED_OUT}. A
 * successful recharge, or the end of a lock-out, starts the count again. Unknown cards do not
 * count: they are typing mistakes, and a card number is too long to guess.
 *
 * <p>Service PINs count per account, with the same limit and lock-out: whoever guesses at an
 * account's PIN, from whichever phone, brings its lock-out nearer.
 */
public final class JdbcSelfService implements SelfService {
    private final Transactions tx;
    private final StoreSettings settings;

    JdbcSelfService(Transactions tx, StoreSettings settings) {
        this.tx = tx;
        this.settings = settings;
    }

    @Override
    public Optional<Account> account(String number) {
        return tx.read("balance of " + number, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT balance_fen FROM subscriber WHERE number = ?")) {
                s.setString(1, number);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Account(number, r.getLong(1))) : Optional.<Account>empty();
                }
            }
        });
    }

    @Override
    public Optional<Bill> latestBill(String number) {
        return tx.read("latest bill of " + number, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT period, amount_fen FROM bill WHERE number = ? ORDER BY period DESC")) {
                s.setString(1, number);
                s.setMaxRows(1);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Bill(number, r.getInt(1), r.getLong(2))) : Optional.<Bill>empty();
                }
            }
        });
    }

    @Override
    public RechargeOutcome recharge(String number, String cardNumber, String pin, String channel, long nowMs) {
        Objects.requireNonNull(channel, "channel");
        return tx.run("recharge for " + number, c -> recharge(c, number, cardNumber, pin == null ? "" : pin, channel, nowMs));
    }

    private RechargeOutcome recharge(Connection c, String number, String cardNumber, String pin, String channel,
                                     long nowMs) throws SQLException {
        Long balance = lockSubscriber(c, number);
        if (balance == null) {
            return new RechargeOutcome(Status.UNKNOWN_NUMBER, 0, 0, 0, 0);
        }
        int limit = settings.wrongPinLimit();
        int wrongPins = 0;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT wrong_pins, locked_until_ms FROM recharge_lockout WHERE number = ?")) {
            s.setString(1, number);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    long lockedUntil = r.getLong(2);
                    if (lockedUntil > nowMs) {
                        return new RechargeOutcome(Status.LOCKED_OUT, 0, balance, 0, lockedUntil);
                    }
                    // a lock-out that has run out forgives the wrong PINs that earned it
                    wrongPins = lockedUntil != 0 ? 0 : r.getInt(1);
                }
            }
        }
        String pinHash;
        long valueFen;
        boolean used;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT pin_hash, value_fen, used_ms FROM recharge_card WHERE card_number = ?")) {
            s.setString(1, cardNumber);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return new RechargeOutcome(Status.UNKNOWN_CARD, 0, balance, limit - wrongPins, 0);
                }
                pinHash = r.getString(1);
                valueFen = r.getLong(2);
                r.getLong(3);
                used = !r.wasNull();
            }
        }
        // The PIN is checked before the card's state, so a used card tells nothing to someone
        // without its PIN.
        if (!PinHash.matches(pinHash, pin)) {
            wrongPins++;
            long lockedUntil = wrongPins >= limit ? nowMs + settings.lockOutMs() : 0;
            saveLockout(c, number, wrongPins, lockedUntil);
            return new RechargeOutcome(Status.WRONG_PIN, 0, balance, Math.max(0, limit - wrongPins), lockedUntil);
        }
        // the card read as unused may have been taken since: the conditional update decides
        if (used || !useCard(c, cardNumber, number, nowMs)) {
            return new RechargeOutcome(Status.CARD_USED, 0, balance, limit - wrongPins, 0);
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE subscriber SET balance_fen = balance_fen + ? WHERE number = ?")) {
            s.setLong(1, valueFen);
            s.setString(2, number);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO recharge (number, card_number, amount_fen, channel, at_ms) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, number);
            s.setString(2, cardNumber);
            s.setLong(3, valueFen);
            s.setString(4, channel);
            s.setLong(5, nowMs);
            s.executeUpdate();
        }
        if (wrongPins > 0) {
            saveLockout(c, number, 0, 0);
        }
        return new RechargeOutcome(Status.CREDITED, valueFen, balance + valueFen, limit, 0);
    }

    @Override
    public PinCheck checkServicePin(String number, String pin, long nowMs) {
        return tx.run("service PIN of " + number, c -> checkServicePin(c, number, pin == null ? "" : pin, nowMs));
    }

    private PinCheck checkServicePin(Connection c, String number, String pin, long nowMs) throws SQLException {
        // the subscriber row's lock makes two callers' guesses at one account count one after the other
        if (lockSubscriber(c, number) == null) {
            return new PinCheck(PinCheck.Status.UNKNOWN_NUMBER, 0, 0);
        }
        int limit = settings.wrongPinLimit();
        String pinHash;
        int wrongPins;
        long lockedUntil;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT pin_hash, wrong_pins, locked_until_ms FROM service_pin WHERE number = ?")) {
            s.setString(1, number);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return new PinCheck(PinCheck.Status.NO_PIN, 0, 0);
                }
                pinHash = r.getString(1);
                wrongPins = r.getInt(2);
                lockedUntil = r.getLong(3);
            }
        }
        if (lockedUntil > nowMs) {
            return new PinCheck(PinCheck.Status.LOCKED_OUT, 0, lockedUntil);
        }
        if (lockedUntil != 0) {
            // a lock-out that has run out forgives the wrong PINs that earned it
            wrongPins = 0;
        }
        if (PinHash.matches(pinHash, pin)) {
            if (wrongPins != 0 || lockedUntil != 0) {
                saveServicePinCount(c, number, 0, 0);
            }
            return new PinCheck(PinCheck.Status.VERIFIED, limit, 0);
        }
        wrongPins++;
        long until = wrongPins >= limit ? nowMs + settings.lockOutMs() : 0;
        saveServicePinCount(c, number, wrongPins, until);
        return new PinCheck(PinCheck.Status.WRONG_PIN, Math.max(0, limit - wrongPins), until);
    }

    private static void saveServicePinCount(Connection c, String number, int wrongPins, long lockedUntilMs)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE service_pin SET wrong_pins = ?, locked_until_ms = ? WHERE number = ?")) {
            s.setInt(1, wrongPins);
            s.setLong(2, lockedUntilMs);
            s.setString(3, number);
            s.executeUpdate();
        }
    }

    /** Marks the card used; false when another request used it first. */
    private static boolean useCard(Connection c, String cardNumber, String number, long nowMs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE recharge_card SET used_by = ?, used_ms = ? WHERE card_number = ? AND used_ms IS NULL")) {
            s.setString(1, number);
            s.setLong(2, nowMs);
            s.setString(3, cardNumber);
            return s.executeUpdate() == 1;
        }
    }

    private static void saveLockout(Connection c, String number, int wrongPins, long lockedUntilMs) throws SQLException {
        // the caller's subscriber row is locked, so nobody else inserts this row meanwhile
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE recharge_lockout SET wrong_pins = ?, locked_until_ms = ? WHERE number = ?")) {
            s.setInt(1, wrongPins);
            s.setLong(2, lockedUntilMs);
            s.setString(3, number);
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO recharge_lockout (number, wrong_pins, locked_until_ms) VALUES (?, ?, ?)")) {
            s.setString(1, number);
            s.setInt(2, wrongPins);
            s.setLong(3, lockedUntilMs);
            s.executeUpdate();
        }
    }

    /** Locks the caller's row for this transaction; the balance, or null when there is no such caller. */
    private static Long lockSubscriber(Connection c, String number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT balance_fen FROM subscriber WHERE number = ? FOR UPDATE")) {
            s.setString(1, number);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    @Override
    public WorkOrder reportFault(String number, FaultKind kind, String channel, long nowMs) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        long dueMs = nowMs + (kind == FaultKind.COMPLEX ? settings.complexFaultDueMs() : settings.normalFaultDueMs());
        return tx.run("fault report for " + number, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO work_order (number, kind, channel, created_ms, due_ms, summary) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, number);
                s.setString(2, kind.name());
                s.setString(3, channel);
                s.setLong(4, nowMs);
                s.setLong(5, dueMs);
                s.setString(6, (kind == FaultKind.COMPLEX ? "Complex" : "Normal") + " fault reported by " + channel);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("the database gave no order number");
                    }
                    long id = keys.getLong("id");
                    JdbcWorkOrders.recordOpening(c, id, java.util.Map.of(acd.ivr.order.Milestone.FIX, dueMs), channel,
                            nowMs);
                    return new WorkOrder(Long.toString(id), number, kind, channel, nowMs, dueMs);
                }
            }
        });
    }

    /** A work order by its number, or empty; for the desk that follows orders up. */
    public Optional<WorkOrder> workOrder(String orderNumber) {
        long id;
        try {
            id = Long.parseLong(orderNumber);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return tx.read("work order " + orderNumber, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT number, kind, channel, created_ms, due_ms FROM work_order"
                            + " WHERE id = ? AND order_kind = 'FAULT'")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<WorkOrder>empty();
                    }
                    return Optional.of(new WorkOrder(orderNumber, r.getString(1), FaultKind.valueOf(r.getString(2)),
                            r.getString(3), r.getLong(4), r.getLong(5)));
                }
            }
        });
    }

    /** The caller's work orders, oldest first; for the desk that follows orders up. */
    public List<WorkOrder> workOrdersOf(String number) {
        return tx.read("work orders of " + number, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, kind, channel, created_ms, due_ms FROM work_order WHERE number = ? AND order_kind = 'FAULT'"
                            + " ORDER BY id")) {
                s.setString(1, number);
                List<WorkOrder> orders = new java.util.ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        orders.add(new WorkOrder(Long.toString(r.getLong(1)), number, FaultKind.valueOf(r.getString(2)),
                                r.getString(3), r.getLong(4), r.getLong(5)));
                    }
                }
                return orders;
            }
        });
    }

    @Override
    public List<ServiceOffer> services(String number) {
        return tx.read("services of " + number, c -> {
            List<ServiceOffer> offers = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT v.code, v.prompt, v.monthly_fee_fen, s.since_ms FROM value_added_service v"
                            + " LEFT JOIN subscription s ON s.code = v.code AND s.number = ?"
                            + " ORDER BY v.menu_position, v.code")) {
                s.setString(1, number);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        r.getLong(4);
                        boolean subscribed = !r.wasNull();
                        offers.add(new ServiceOffer(r.getString(1), r.getString(2), r.getLong(3), subscribed));
                    }
                }
            }
            return offers;
        });
    }

    @Override
    public ServiceChangeOutcome changeService(String number, String serviceCode, boolean subscribe,
                                              String channel, long nowMs) {
        Objects.requireNonNull(channel, "channel");
        return tx.run((subscribe ? "subscribe " : "unsubscribe ") + number + " to " + serviceCode, c -> {
            if (lockSubscriber(c, number) == null) {
                return ServiceChangeOutcome.UNKNOWN_NUMBER;
            }
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM value_added_service WHERE code = ?")) {
                s.setString(1, serviceCode);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return ServiceChangeOutcome.UNKNOWN_SERVICE;
                    }
                }
            }
            boolean has;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM subscription WHERE number = ? AND code = ?")) {
                s.setString(1, number);
                s.setString(2, serviceCode);
                try (ResultSet r = s.executeQuery()) {
                    has = r.next();
                }
            }
            if (subscribe == has) {
                return subscribe ? ServiceChangeOutcome.ALREADY_SUBSCRIBED : ServiceChangeOutcome.NOT_SUBSCRIBED;
            }
            String change = subscribe
                    ? "INSERT INTO subscription (number, code, since_ms) VALUES (?, ?, ?)"
                    : "DELETE FROM subscription WHERE number = ? AND code = ?";
            try (PreparedStatement s = c.prepareStatement(change)) {
                s.setString(1, number);
                s.setString(2, serviceCode);
                if (subscribe) {
                    s.setLong(3, nowMs);
                }
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO subscription_change (number, code, subscribed, channel, at_ms) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, number);
                s.setString(2, serviceCode);
                s.setBoolean(3, subscribe);
                s.setString(4, channel);
                s.setLong(5, nowMs);
                s.executeUpdate();
            }
            return subscribe ? ServiceChangeOutcome.SUBSCRIBED : ServiceChangeOutcome.UNSUBSCRIBED;
        });
    }

    /** One recorded subscribe or unsubscribe. */
    public record ServiceChange(String number, String serviceCode, boolean subscribed, String channel, long atMs) {
    }

    /** Every subscribe and unsubscribe of a caller, oldest first: the record for a dispute. */
    public List<ServiceChange> serviceChanges(String number) {
        return tx.read("service changes of " + number, c -> {
            List<ServiceChange> changes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT code, subscribed, channel, at_ms FROM subscription_change WHERE number = ? ORDER BY id")) {
                s.setString(1, number);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        changes.add(new ServiceChange(number, r.getString(1), r.getBoolean(2), r.getString(3),
                                r.getLong(4)));
                    }
                }
            }
            return changes;
        });
    }
}
