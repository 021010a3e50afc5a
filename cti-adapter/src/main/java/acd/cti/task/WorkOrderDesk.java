package acd.cti.task;

import acd.ivr.order.Milestone;
import acd.ivr.order.NewOrder;
import acd.ivr.order.OrderCsv;
import acd.ivr.order.Order;
import acd.ivr.order.OrderAction;
import acd.ivr.order.OrderKind;
import acd.ivr.order.OrderStep;
import acd.ivr.order.WorkOrderException;
import acd.ivr.order.WorkOrders;
import acd.ivr.report.DayRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The desk's side of the work orders: the open list, a customer's orders, opening one and every
 * step of its life cycle, by whoever is logged in. The store may block, so every step runs on
 * {@code blocking} and answers later; a step that cannot be taken fails with a
 * {@link WorkOrderException} naming why, and changes nothing.
 */
public final class WorkOrderDesk {
    private static final Logger LOG = LoggerFactory.getLogger(WorkOrderDesk.class);
    /** The orders a customer's profile shows: the latest few. */
    public static final int CUSTOMER_ORDERS = 5;

    /** The names an order's call may carry: the routing's queues, tiers and brands. */
    public record Names(Set<String> queues, Set<String> tiers, Set<String> brands) {
        public Names {
            queues = Set.copyOf(queues);
            tiers = Set.copyOf(tiers);
            brands = Set.copyOf(brands);
        }
    }

    private final WorkOrders orders;
    private final Names names;
    private final Executor blocking;
    private final LongSupplier clockMs;
    private final Supplier<ZoneId> zone;
    private volatile OrderFigures figures = OrderFigures.NONE;
    private volatile Consumer<Order> onEscalated = o -> { };

    /** @param zone the hotline's time zone, where a day of an export starts and ends */
    public WorkOrderDesk(WorkOrders orders, Names names, Executor blocking, LongSupplier clockMs,
                         Supplier<ZoneId> zone) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.names = Objects.requireNonNull(names, "names");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public long nowMs() {
        return clockMs.getAsLong();
    }

    /** Who hears of a complaint the escalation rule raised (the supervisors' desks). */
    public void onEscalated(Consumer<Order> listener) {
        this.onEscalated = Objects.requireNonNull(listener, "listener");
    }

    /** The latest count ({@link #sweep()} keeps it fresh). */
    public OrderFigures figures() {
        return figures;
    }

    /**
     * Applies the escalation rule to the overdue complaints, then counts the open and overdue
     * orders; blocks on the store, so run it off any event loop. A store that does not answer keeps
     * the last count, marked unavailable.
     */
    public OrderFigures sweep() {
        long now = clockMs.getAsLong();
        try {
            for (Order raised : orders.escalateOverdue(now)) {
                LOG.info("work order {} escalated to {} ({} overdue)", raised.id(), raised.grade().label(),
                        raised.overdueAt(now));
                onEscalated.accept(raised);
            }
            List<Order> open = orders.open();
            long overdue = open.stream().filter(o -> !o.overdueAt(now).isEmpty()).count();
            List<Order> complaints = open.stream().filter(o -> o.kind() == OrderKind.COMPLAINT).toList();
            long complaintsOverdue = complaints.stream().filter(o -> !o.overdueAt(now).isEmpty()).count();
            long followUpsToCall = open.stream().filter(o -> o.kind() == OrderKind.FOLLOW_UP
                    && !o.met().containsKey(Milestone.FIRST_REPLY)).count();
            figures = new OrderFigures(open.size(), overdue, complaints.size(), complaintsOverdue, followUpsToCall,
                    orders.complaintsOpened(startOfDay(now), now + 1), now, true);
        } catch (RuntimeException e) {
            OrderFigures last = figures;
            figures = new OrderFigures(last.open(), last.overdue(), last.complaintsOpen(), last.complaintsOverdue(),
                    last.followUpsToCall(), last.complaintsToday(), last.timeMs(), false);
            LOG.debug("work orders not counted: {}", e.getMessage());
        }
        return figures;
    }

    /** Midnight before {@code nowMs} in the hotline's time zone: where today's complaints start, as today's calls do. */
    private long startOfDay(long nowMs) {
        ZoneId hotline = zone.get();
        return java.time.Instant.ofEpochMilli(nowMs).atZone(hotline).toLocalDate().atStartOfDay(hotline)
                .toInstant().toEpochMilli();
    }

    /** Open orders, the earliest due first. */
    public CompletionStage<List<Order>> open() {
        return CompletableFuture.supplyAsync(orders::open, blocking);
    }

    /** A customer's latest orders, open or closed, the newest first. */
    public CompletionStage<List<Order>> ofCustomer(String number) {
        return CompletableFuture.supplyAsync(() -> orders.ofCustomer(number, CUSTOMER_ORDERS), blocking);
    }

    public CompletionStage<List<OrderStep>> history(long id) {
        return CompletableFuture.supplyAsync(() -> {
            List<OrderStep> steps = orders.steps(id);
            if (steps.isEmpty()) {
                throw new WorkOrderException("no work order " + id);
            }
            return steps;
        }, blocking);
    }

    /** Opens an order; the queue, tier and brand of its call must be the routing's. */
    public CompletionStage<Order> open(NewOrder order) {
        return CompletableFuture.supplyAsync(() -> {
            known("queue", order.about().queue(), names.queues());
            known("tier", order.about().tier(), names.tiers());
            known("brand", order.about().brand(), names.brands());
            Order opened = orders.open(order, clockMs.getAsLong());
            LOG.info("{} opened work order {} ({}{})", order.openedBy(), opened.id(), opened.kind(),
                    opened.grade() == null ? "" : ", " + opened.grade());
            return opened;
        }, blocking);
    }

    /**
     * One step of an order's life cycle.
     *
     * @param to        for {@link OrderAction#DISPATCH}: the team or agent
     * @param text      the note, reply, resolution or what the customer said at the revisit
     * @param satisfied for {@link OrderAction#REVISIT}: whether the customer is content
     */
    public CompletionStage<Order> step(long id, OrderAction step, String actor, String to, String text, boolean satisfied) {
        return CompletableFuture.supplyAsync(() -> {
            long now = clockMs.getAsLong();
            return switch (step) {
                case DISPATCH -> orders.dispatch(id, to, actor, now);
                case START -> orders.start(id, actor, now);
                case NOTE -> orders.note(id, actor, text, now);
                case REPLY -> orders.reply(id, actor, text, now);
                case RESOLVE -> orders.resolve(id, actor, text, now);
                case REVISIT -> orders.revisit(id, actor, satisfied, text, now);
                case CLOSE -> orders.close(id, actor, now);
            };
        }, blocking);
    }

    /** The longest export: a year of days. */
    public static final int MAX_EXPORT_DAYS = DayRange.MAX_DAYS;

    /** What an export holds: the CSV and how many orders are in it. */
    public record Export(LocalDate from, LocalDate to, int orders, String csv) {
    }

    /**
     * The orders opened from the start of {@code from} to the end of {@code to} (days in the
     * hotline's time zone), open or closed, as CSV. Without {@code to}: to today; without
     * {@code from}: from the first of {@code to}'s month.
     *
     * @throws WorkOrderException (in the stage) for a range that ends before it starts, starts
     *                            after today or is longer than {@link #MAX_EXPORT_DAYS}
     */
    public CompletionStage<Export> export(LocalDate fromDay, LocalDate toDay) {
        return CompletableFuture.supplyAsync(() -> {
            ZoneId here = zone.get();
            long now = clockMs.getAsLong();
            LocalDate today = java.time.Instant.ofEpochMilli(now).atZone(here).toLocalDate();
            DayRange range;
            try {
                range = DayRange.of(fromDay, toDay, today, here);
            } catch (IllegalArgumentException e) {
                throw new WorkOrderException(e.getMessage());
            }
            List<Order> found = orders.openedBetween(range.startMs(), range.endMs());
            return new Export(range.from(), range.to(), found.size(), OrderCsv.write(found, here, now));
        }, blocking);
    }

    private static void known(String what, String name, Set<String> known) {
        if (name != null && !known.contains(name)) {
            throw new WorkOrderException("unknown " + what + " '" + name + "'");
        }
    }
}
