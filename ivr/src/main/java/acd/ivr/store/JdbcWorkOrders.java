package acd.ivr.store;

import acd.ivr.order.ComplaintGrade;
import acd.ivr.order.Milestone;
import acd.ivr.order.NewOrder;
import acd.ivr.order.Order;
import acd.ivr.order.OrderDeadlines;
import acd.ivr.order.OrderKind;
import acd.ivr.order.OrderSource;
import acd.ivr.order.OrderState;
import acd.ivr.order.OrderStep;
import acd.ivr.order.QueueAndBrand;
import acd.ivr.order.WorkOrderException;
import acd.ivr.order.WorkOrders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@link WorkOrders} over the store's database. Each step locks the order's row
 * ({@code SELECT ... FOR UPDATE}) and checks it before changing it, so two people working the
 * same order at once are taken one after the other, the second against what the first did.
 */
public final class JdbcWorkOrders implements WorkOrders {
    /** The longest text a note, summary or resolution may have, as the table keeps it. */
    public static final int MAX_TEXT = 1000;
    /** The longest name of an agent, team or other actor. */
    public static final int MAX_NAME = 64;
    private static final String COLUMNS = "id, order_kind, grade, state, number, call_id, queue, brand, tier,"
            + " summary, assignee, opened_by, created_ms, escalated_for, closed_ms, agent";

    private final Supplier<Transactions> transactions;
    private final OrderDeadlines deadlines;
    private final StoreSettings settings;

    /**
     * @param transactions the store's transactions, asked at every step: a store still opening
     *                     throws {@link acd.ivr.selfservice.SelfServiceUnavailableException}
     * @param settings     a fault's and a follow-up's due times
     */
    JdbcWorkOrders(Supplier<Transactions> transactions, OrderDeadlines deadlines, StoreSettings settings) {
        this.transactions = transactions;
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Order open(NewOrder o, long nowMs) {
        Map<Milestone, Long> due = checked(o, nowMs);
        return transactions.get().run("opening a " + name(o.kind()) + " for " + o.customer(), c -> {
            long id = insert(c, o, due, nowMs);
            return byId(c, id, false).orElseThrow();
        });
    }

    /**
     * Checks an order to open and works out its deadlines.
     *
     * @throws WorkOrderException naming what is wrong
     */
    Map<Milestone, Long> checked(NewOrder o, long nowMs) {
        Objects.requireNonNull(o, "order");
        if (o.kind() == OrderKind.COMPLAINT && o.grade() == null) {
            throw new WorkOrderException("a complaint needs a grade (ordinary, escalated or major)");
        }
        if (o.kind() != OrderKind.COMPLAINT && o.grade() != null) {
            throw new WorkOrderException("only a complaint has a grade, not a " + name(o.kind()));
        }
        if (o.customer() == null || o.customer().isBlank() || o.customer().length() > 24) {
            throw new WorkOrderException("an order needs the customer's number (up to 24 characters)");
        }
        text("summary", o.summary());
        actor(o.openedBy());
        Map<Milestone, Long> due = new EnumMap<>(Milestone.class);
        deadlines.allowances(o.kind(), o.grade()).forEach((m, allowed) -> due.put(m, nowMs + allowed));
        if (o.kind() == OrderKind.FAULT) {
            due.put(Milestone.FIX, nowMs + settings.normalFaultDueMs());
        } else if (o.kind() == OrderKind.FOLLOW_UP) {
            due.put(Milestone.FIRST_REPLY, nowMs + settings.followUpDueMs());
        }
        if (o.promisedMs() != 0) {
            if (o.promisedMs() <= nowMs) {
                throw new WorkOrderException("the promised reply time " + o.promisedMs() + " is not in the future");
            }
            due.merge(Milestone.FIRST_REPLY, o.promisedMs(), Math::min);
        }
        return due;
    }

    /** Writes a checked order, its deadlines and its first step, in the caller's transaction. */
    static long insert(Connection c, NewOrder o, Map<Milestone, Long> due, long nowMs) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO work_order (number, kind, channel, created_ms,"
                + " due_ms, order_kind, grade, call_id, queue, brand, tier, agent, summary, opened_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, o.customer());
            s.setString(2, o.kind() == OrderKind.FAULT ? "NORMAL" : null);
            s.setString(3, o.openedBy().strip());
            s.setLong(4, nowMs);
            s.setLong(5, due.values().stream().mapToLong(Long::longValue).max().orElse(nowMs));
            s.setString(6, o.kind().name());
            s.setString(7, o.grade() == null ? null : o.grade().name());
            s.setString(8, o.about().callId());
            s.setString(9, o.about().queue());
            s.setString(10, o.about().brand());
            s.setString(11, o.about().tier());
            s.setString(12, o.about().agent());
            s.setString(13, o.summary().strip());
            s.setString(14, o.openedBy().strip());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database gave no order number");
                }
                id = keys.getLong("id");
            }
        }
        recordOpening(c, id, due, o.openedBy().strip(), nowMs);
        return id;
    }

    /** The milestones and first step of an order just inserted, in the same transaction. */
    static void recordOpening(Connection c, long id, Map<Milestone, Long> due, String openedBy, long nowMs)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO work_order_milestone (order_id, milestone, due_ms) VALUES (?, ?, ?)")) {
            for (Map.Entry<Milestone, Long> e : due.entrySet()) {
                s.setLong(1, id);
                s.setString(2, e.getKey().name());
                s.setLong(3, e.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
        step(c, id, "opened", openedBy, null, nowMs);
    }

    @Override
    public Optional<Order> order(long id) {
        return transactions.get().read("work order " + id, c -> byId(c, id, false));
    }

    @Override
    public List<Order> open() {
        return transactions.get().read("open work orders", c -> {
            List<Order> open = select(c, "state <> 'CLOSED'", ps -> { });
            open.sort(Comparator.comparingLong((Order o) -> o.nextDue().map(Map.Entry::getValue).orElse(Long.MAX_VALUE))
                    .thenComparingLong(Order::id));
            return open;
        });
    }

    @Override
    public List<Order> ofCustomer(String number, int limit) {
        return transactions.get().read("work orders of " + number, c -> {
            List<Order> all = select(c, "number = ?", s -> s.setString(1, number));
            java.util.Collections.reverse(all);
            return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
        });
    }

    @Override
    public List<Order> openedBetween(long fromMs, long toMs) {
        return transactions.get().read("work orders opened in a range", c -> select(c, "created_ms >= ? AND created_ms < ?", ps -> {
            ps.setLong(1, fromMs);
            ps.setLong(2, toMs);
        }));
    }

    @Override
    public Map<QueueAndBrand, Long> complaintsOpened(long fromMs, long toMs) {
        return transactions.get().read("complaints opened in a range", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT queue, brand, COUNT(*) FROM work_order"
                    + " WHERE order_kind = 'COMPLAINT' AND created_ms >= ? AND created_ms < ? GROUP BY queue, brand")) {
                s.setLong(1, fromMs);
                s.setLong(2, toMs);
                Map<QueueAndBrand, Long> out = new LinkedHashMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(new QueueAndBrand(r.getString(1), r.getString(2)), r.getLong(3));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<OrderStep> steps(long id) {
        return transactions.get().read("steps of work order " + id, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT step, actor, note, at_ms FROM work_order_step WHERE order_id = ? ORDER BY id")) {
                s.setLong(1, id);
                List<OrderStep> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new OrderStep(r.getString(1), r.getString(2), r.getString(3), r.getLong(4)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Order dispatch(long id, String to, String actor, long nowMs) {
        String team = name("the team or agent to dispatch to", to);
        return change(id, actor, "dispatching", (c, o, who) -> {
            expect(o, "dispatched", OrderState.OPENED, OrderState.DISPATCHED);
            update(c, id, "state = 'DISPATCHED', assignee = ?", team);
            meet(c, o, Milestone.HAND_OFF, nowMs);
            step(c, id, "dispatched", who, team, nowMs);
        });
    }

    @Override
    public Order start(long id, String actor, long nowMs) {
        return change(id, actor, "starting on", (c, o, who) -> {
            expect(o, "started", OrderState.DISPATCHED);
            update(c, id, "state = 'IN_PROGRESS', assignee = ?", who);
            meet(c, o, Milestone.CHECK, nowMs);
            step(c, id, "started", who, null, nowMs);
        });
    }

    @Override
    public Order note(long id, String actor, String text, long nowMs) {
        String note = text("a note", text);
        return change(id, actor, "a note on", (c, o, who) -> step(c, id, "noted", who, note, nowMs));
    }

    @Override
    public Order reply(long id, String actor, String text, long nowMs) {
        String reply = text("what the customer was told", text);
        return change(id, actor, "a reply on", (c, o, who) -> {
            meet(c, o, Milestone.FIRST_REPLY, nowMs);
            step(c, id, "replied", who, reply, nowMs);
        });
    }

    @Override
    public Order resolve(long id, String actor, String resolution, long nowMs) {
        String how = text("the resolution", resolution);
        return change(id, actor, "resolving", (c, o, who) -> {
            expect(o, "resolved", OrderState.IN_PROGRESS);
            update(c, id, "state = 'RESOLVED'");
            // the resolution is what the customer hears, when nobody has told them anything yet
            meet(c, o, Milestone.FIRST_REPLY, nowMs);
            meet(c, o, Milestone.FIX, nowMs);
            step(c, id, "resolved", who, how, nowMs);
        });
    }

    @Override
    public Order revisit(long id, String actor, boolean satisfied, String text, long nowMs) {
        String said = text("what the customer said", text);
        return change(id, actor, "revisiting", (c, o, who) -> {
            expect(o, "revisited", OrderState.RESOLVED);
            if (!o.due().containsKey(Milestone.REVISIT)) {
                throw new WorkOrderException("work order " + id + " is a " + name(o.kind())
                        + ", which has no revisit: close it");
            }
            if (satisfied) {
                update(c, id, "state = 'REVISITED'");
                meet(c, o, Milestone.REVISIT, nowMs);
                step(c, id, "revisited", who, said, nowMs);
            } else {
                // back to work; the deadlines stand, so a late fix shows as late
                update(c, id, "state = 'IN_PROGRESS'");
                try (PreparedStatement s = c.prepareStatement("UPDATE work_order_milestone SET met_ms = NULL"
                        + " WHERE order_id = ? AND milestone = 'FIX'")) {
                    s.setLong(1, id);
                    s.executeUpdate();
                }
                step(c, id, "reopened", who, said, nowMs);
            }
        });
    }

    @Override
    public Order close(long id, String actor, long nowMs) {
        return change(id, actor, "closing", (c, o, who) -> {
            boolean revisits = o.due().containsKey(Milestone.REVISIT);
            if (revisits) {
                expect(o, "closed before its revisit", OrderState.REVISITED);
            } else {
                expect(o, "closed", OrderState.RESOLVED);
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE work_order SET state = 'CLOSED', closed_ms = ? WHERE id = ?")) {
                s.setLong(1, nowMs);
                s.setLong(2, id);
                s.executeUpdate();
            }
            step(c, id, "closed", who, null, nowMs);
        });
    }

    @Override
    public List<Order> escalateOverdue(long nowMs) {
        if (deadlines.escalation() == OrderDeadlines.Escalation.NONE) {
            return List.of();
        }
        // only the complaints a grade can still be raised for: the rest of the open orders stay unread
        List<Order> candidates = transactions.get().read("complaints to escalate", c -> select(c,
                "state <> 'CLOSED' AND order_kind = 'COMPLAINT' AND grade <> 'MAJOR'", ps -> { }));
        List<Order> raised = new ArrayList<>();
        for (Order candidate : candidates) {
            if (missedStep(candidate, nowMs) == null) {
                continue;
            }
            Order after = transactions.get().run("escalating work order " + candidate.id(), c -> {
                Order o = byId(c, candidate.id(), true).orElseThrow();
                Milestone missed = missedStep(o, nowMs);
                if (missed == null) {
                    return null;
                }
                Set<Milestone> escalated = EnumSet.noneOf(Milestone.class);
                escalated.addAll(o.escalatedFor());
                escalated.add(missed);
                ComplaintGrade grade = o.grade().raised();
                update(c, o.id(), "grade = ?, escalated_for = ?", grade.name(),
                        escalated.stream().map(Enum::name).collect(Collectors.joining(",")));
                step(c, o.id(), "escalated", "system", name(missed) + " overdue: " + o.grade().label() + " → "
                        + grade.label(), nowMs);
                return byId(c, o.id(), false).orElseThrow();
            });
            if (after != null) {
                raised.add(after);
            }
        }
        return raised;
    }

    /**
     * The step that raises an open complaint's grade now: the earliest late step that has not
     * raised it before (later ones raise it when they in turn are late); null for none, and for
     * any order not a complaint below major.
     */
    private static Milestone missedStep(Order o, long nowMs) {
        if (o.kind() != OrderKind.COMPLAINT || o.grade() == ComplaintGrade.MAJOR) {
            return null;
        }
        return o.overdueAt(nowMs).stream().filter(m -> !o.escalatedFor().contains(m)).findFirst().orElse(null);
    }

    private interface Change {
        void apply(Connection c, Order order, String actor) throws SQLException;
    }

    /** Locks an open order, applies a step by a named actor, and answers the order after it. */
    private Order change(long id, String actor, String what, Change change) {
        String who = actor(actor);
        return transactions.get().run(what + " work order " + id, c -> {
            Order o = byId(c, id, true).orElseThrow(() -> new WorkOrderException("no work order " + id));
            if (!o.isOpen()) {
                throw new WorkOrderException("work order " + id + " is closed");
            }
            change.apply(c, o, who);
            return byId(c, id, false).orElseThrow();
        });
    }

    private static void expect(Order o, String step, OrderState... from) {
        if (!Arrays.asList(from).contains(o.state())) {
            throw new WorkOrderException("work order " + o.id() + " is " + name(o.state()) + "; it can be " + step
                    + " only when " + Arrays.stream(from).map(JdbcWorkOrders::name).collect(Collectors.joining(" or ")));
        }
    }

    private static void meet(Connection c, Order o, Milestone m, long nowMs) throws SQLException {
        if (!o.due().containsKey(m) || o.met().containsKey(m)) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE work_order_milestone SET met_ms = ? WHERE order_id = ? AND milestone = ? AND met_ms IS NULL")) {
            s.setLong(1, nowMs);
            s.setLong(2, o.id());
            s.setString(3, m.name());
            s.executeUpdate();
        }
    }

    private static void update(Connection c, long id, String set, String... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE work_order SET " + set + " WHERE id = ?")) {
            int i = 1;
            for (String v : values) {
                s.setString(i++, v);
            }
            s.setLong(i, id);
            s.executeUpdate();
        }
    }

    static void step(Connection c, long id, String step, String actor, String note, long atMs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO work_order_step (order_id, step, actor, note, at_ms) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, step);
            s.setString(3, actor);
            if (note == null) {
                s.setNull(4, Types.VARCHAR);
            } else {
                s.setString(4, note);
            }
            s.setLong(5, atMs);
            s.executeUpdate();
        }
    }

    private interface Binding {
        void bind(PreparedStatement s) throws SQLException;
    }

    private static Optional<Order> byId(Connection c, long id, boolean lock) throws SQLException {
        if (lock) {
            // lock the row first: FOR UPDATE and the milestones' join do not mix on every database
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM work_order WHERE id = ? FOR UPDATE")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                }
            }
        }
        List<Order> found = select(c, "id = ?", s -> s.setLong(1, id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Order> select(Connection c, String where, Binding binding) throws SQLException {
        Map<Long, Map<Milestone, Long>> due = new LinkedHashMap<>();
        Map<Long, Map<Milestone, Long>> met = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT order_id, milestone, due_ms, met_ms"
                + " FROM work_order_milestone WHERE order_id IN (SELECT id FROM work_order WHERE " + where + ")")) {
            binding.bind(s);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Milestone m = Milestone.valueOf(r.getString(2));
                    due.computeIfAbsent(r.getLong(1), k -> new EnumMap<>(Milestone.class)).put(m, r.getLong(3));
                    long metMs = r.getLong(4);
                    if (!r.wasNull()) {
                        met.computeIfAbsent(r.getLong(1), k -> new EnumMap<>(Milestone.class)).put(m, metMs);
                    }
                }
            }
        }
        List<Order> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM work_order WHERE " + where
                + " ORDER BY id")) {
            binding.bind(s);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong(1);
                    String grade = r.getString(3);
                    String escalated = r.getString(14);
                    Set<Milestone> escalatedFor = EnumSet.noneOf(Milestone.class);
                    for (String m : escalated.split(",")) {
                        if (!m.isEmpty()) {
                            escalatedFor.add(Milestone.valueOf(m));
                        }
                    }
                    long closedMs = r.getLong(15);
                    out.add(new Order(id, OrderKind.valueOf(r.getString(2)),
                            grade == null ? null : ComplaintGrade.valueOf(grade), OrderState.valueOf(r.getString(4)),
                            r.getString(5), new OrderSource(r.getString(6), r.getString(7), r.getString(8),
                            r.getString(9), r.getString(16)), r.getString(10), r.getString(11), r.getString(12), r.getLong(13),
                            due.getOrDefault(id, Map.of()), met.getOrDefault(id, Map.of()), escalatedFor, closedMs));
                }
            }
        }
        return out;
    }

    private static String text(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new WorkOrderException(what + " is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new WorkOrderException(what + " is " + text.length() + " characters; at most " + MAX_TEXT);
        }
        return text.strip();
    }

    private static String actor(String actor) {
        return name("who takes the step", actor);
    }

    private static String name(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new WorkOrderException(what + " is not named");
        }
        if (name.length() > MAX_NAME) {
            throw new WorkOrderException(what + " is longer than " + MAX_NAME + " characters");
        }
        return name.strip();
    }

    /** An enum constant as people write it: {@code in progress}, {@code follow up}. */
    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
