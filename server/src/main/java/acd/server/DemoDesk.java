package acd.server;

import acd.core.engine.CallView;
import acd.core.engine.EngineListener;
import acd.core.model.RoutingConfig;
import acd.cti.task.WorkOrderDesk;
import acd.ivr.order.ComplaintGrade;
import acd.ivr.order.NewOrder;
import acd.ivr.order.Order;
import acd.ivr.order.OrderAction;
import acd.ivr.order.OrderKind;
import acd.ivr.order.OrderSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The desk work of the demo floor, where no person sits at the seats: now and then a simulated
 * agent opens a complaint or a question about the call they just finished, and the back office
 * works the orders along their life cycle over the next hours of simulated time (one complaint in
 * five is left undone past its check, so the wallboard shows an overdue one escalate). Only with
 * the built-in PBX simulator, once {@link #start()}ed: {@code ./acd serve}'s demo floor.
 */
final class DemoDesk implements EngineListener {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDesk.class);
    /**
     * About one call in 500 ends in a complaint (some 20 in 10,000, as a hotline with trouble
     * has), one in 100 in a question to answer later.
     */
    static final int CALLS_PER_COMPLAINT = 500;
    static final int CALLS_PER_QUESTION = 100;
    private static final long MINUTE_MS = 60_000;
    private static final String TEAM = "complaints-team";
    private static final List<String> COMPLAINTS = List.of("Charged twice for the data pack",
            "Roaming charges not explained before the trip", "Promised call-back never came",
            "Broadband down three days running", "Plan changed without consent");
    private static final List<String> QUESTIONS = List.of("Which plan suits two phones and broadband",
            "When the family plan discount starts", "How to move the number to a new SIM");

    private final RoutingConfig routing;
    private final WorkOrderDesk orders;
    private final SplittableRandom random;
    private volatile boolean started;

    DemoDesk(RoutingConfig routing, WorkOrderDesk orders, long seed) {
        this.routing = routing;
        this.orders = orders;
        this.random = new SplittableRandom(seed);
    }

    /** From now on the calls finished may end in orders. */
    void start() {
        started = true;
    }

    /** On the engine thread: decides at once, opens the order on the store's threads. */
    @Override
    public void callCompleted(long timeMs, CallView call, int agentIndex, long talkMs) {
        if (!started) {
            return;
        }
        int draw = random.nextInt(CALLS_PER_COMPLAINT * CALLS_PER_QUESTION);
        boolean complaint = draw < CALLS_PER_QUESTION;
        boolean question = !complaint && draw < CALLS_PER_QUESTION + CALLS_PER_COMPLAINT;
        if (!complaint && !question || call.callerNumber() == null || call.callerNumber().length() == 0) {
            return;
        }
        String agent = routing.agents().get(agentIndex).id();
        OrderSource about = new OrderSource(call.callerChannel() == null ? Long.toString(call.callId())
                : call.callerChannel().toString(), routing.queues().get(call.queueIndex()).id(),
                call.brandIndex() < 0 ? null : routing.brands().get(call.brandIndex()).id(),
                routing.tiers().get(call.tierIndex()).id(), agent);
        NewOrder order = complaint
                ? new NewOrder(OrderKind.COMPLAINT, random.nextInt(10) == 0 ? ComplaintGrade.ESCALATED
                : ComplaintGrade.ORDINARY, call.callerNumber().toString(), about,
                COMPLAINTS.get(random.nextInt(COMPLAINTS.size())), agent, 0)
                : new NewOrder(OrderKind.QUESTION, null, call.callerNumber().toString(), about,
                QUESTIONS.get(random.nextInt(QUESTIONS.size())), agent, 0);
        orders.open(order).whenComplete((opened, failure) -> {
            if (failure != null) {
                LOG.debug("demo order not opened: {}", failure.getMessage());
            }
        });
    }

    /**
     * Takes the next step of every open complaint and question that is due for one, by its age in
     * simulated time; blocks on the store, so run it off the event loops.
     */
    void workOrders() {
        long now = orders.nowMs();
        List<Order> open;
        try {
            open = orders.open().toCompletableFuture().join();
        } catch (RuntimeException e) {
            LOG.debug("demo orders not worked now: {}", e.getMessage());
            return;
        }
        for (Order o : open) {
            if (o.kind() != OrderKind.COMPLAINT && o.kind() != OrderKind.QUESTION) {
                continue;
            }
            long ageMinutes = (now - o.openedMs()) / MINUTE_MS;
            boolean left = o.kind() == OrderKind.COMPLAINT && o.id() % 5 == 0;
            String actor = o.openedBy();
            switch (o.state()) {
                case OPENED -> step(o, ageMinutes >= 10, OrderAction.DISPATCH, actor, TEAM, null, false);
                case DISPATCHED -> step(o, !left && ageMinutes >= 30, OrderAction.START, TEAM, null, null, false);
                case IN_PROGRESS -> step(o, ageMinutes >= 90, OrderAction.RESOLVE, TEAM, null,
                        o.kind() == OrderKind.QUESTION ? "Answered by phone" : "Refunded and explained", false);
                case RESOLVED -> {
                    if (o.kind() == OrderKind.QUESTION) {
                        step(o, true, OrderAction.CLOSE, TEAM, null, null, false);
                    } else {
                        step(o, ageMinutes >= 240, OrderAction.REVISIT, TEAM, null, "Customer content", true);
                    }
                }
                case REVISITED -> step(o, true, OrderAction.CLOSE, TEAM, null, null, false);
                default -> {
                }
            }
        }
    }

    private void step(Order order, boolean due, OrderAction action, String actor, String to, String note,
                      boolean satisfied) {
        if (!due) {
            return;
        }
        try {
            orders.step(order.id(), action, actor, to, note, satisfied).toCompletableFuture().join();
        } catch (RuntimeException e) {
            LOG.debug("demo order {} not stepped: {}", order.id(), e.getMessage());
        }
    }
}
