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
import acd.ivr.selfservice.FaultKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Work orders move through their life cycle step by step, each step recorded, on every database. */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class WorkOrderLifeCycleTest extends StoreFixture {
    private static final OrderSource CALL = new OrderSource("1790000000.7", "general", "gotone", "gold", "1001");

    WorkOrderLifeCycleTest(DatabaseKind kind) {
        super(kind);
    }

    private WorkOrders orders() {
        return store.workOrders();
    }

    private Order complaint(ComplaintGrade grade) {
        return orders().open(new NewOrder(OrderKind.COMPLAINT, grade, "13900000001", CALL,
                "Charged twice for the data pack", "1001", 0), T0);
    }

    @Test
    void anOrdinaryComplaintIsDueByTheStandardsDeadlines() {
        Order o = complaint(ComplaintGrade.ORDINARY);
        assertEquals(OrderState.OPENED, o.state());
        assertEquals(Map.of(Milestone.HAND_OFF, T0 + HOUR_MS, Milestone.CHECK, T0 + 2 * HOUR_MS,
                Milestone.FIRST_REPLY, T0 + 24 * HOUR_MS, Milestone.FIX, T0 + 48 * HOUR_MS,
                Milestone.REVISIT, T0 + 72 * HOUR_MS), o.due());
        assertEquals(CALL, o.about());
        assertEquals("1001", o.openedBy());
        assertEquals(Milestone.HAND_OFF, o.nextDue().orElseThrow().getKey());
    }

    @Test
    void aComplaintGoesFromOpeningToClosingAndEveryStepIsKeptWithWhoAndWhen() {
        WorkOrders orders = orders();
        long id = complaint(ComplaintGrade.ORDINARY).id();
        orders.dispatch(id, "billing-team", "lead1", T0 + 10 * MINUTE_MS);
        orders.start(id, "2001", T0 + 40 * MINUTE_MS);
        orders.note(id, "2001", "Checked the charging records: two charges on the 3rd", T0 + HOUR_MS);
        orders.reply(id, "2001", "Told the customer the refund is under way", T0 + 3 * HOUR_MS);
        orders.resolve(id, "2001", "Refunded 30 yuan", T0 + 20 * HOUR_MS);
        orders.revisit(id, "lead1", true, "Customer confirms the refund", T0 + 50 * HOUR_MS);
        Order closed = orders.close(id, "lead1", T0 + 51 * HOUR_MS);

        assertEquals(OrderState.CLOSED, closed.state());
        assertEquals(T0 + 51 * HOUR_MS, closed.closedMs());
        assertEquals("2001", closed.assignee(), "whoever started on it has it");
        assertEquals(Map.of(Milestone.HAND_OFF, T0 + 10 * MINUTE_MS, Milestone.CHECK, T0 + 40 * MINUTE_MS,
                Milestone.FIRST_REPLY, T0 + 3 * HOUR_MS, Milestone.FIX, T0 + 20 * HOUR_MS,
                Milestone.REVISIT, T0 + 50 * HOUR_MS), closed.met());
        assertEquals(List.of(
                new OrderStep("opened", "1001", null, T0),
                new OrderStep("dispatched", "lead1", "billing-team", T0 + 10 * MINUTE_MS),
                new OrderStep("started", "2001", null, T0 + 40 * MINUTE_MS),
                new OrderStep("noted", "2001", "Checked the charging records: two charges on the 3rd", T0 + HOUR_MS),
                new OrderStep("replied", "2001", "Told the customer the refund is under way", T0 + 3 * HOUR_MS),
                new OrderStep("resolved", "2001", "Refunded 30 yuan", T0 + 20 * HOUR_MS),
                new OrderStep("revisited", "lead1", "Customer confirms the refund", T0 + 50 * HOUR_MS),
                new OrderStep("closed", "lead1", null, T0 + 51 * HOUR_MS)), orders.steps(id));
        assertTrue(closed.overdueAt(T0 + 100 * HOUR_MS).isEmpty(), "a closed order is never overdue");
        assertTrue(orders.open().isEmpty());
    }

    @Test
    void aStepOutOfOrderIsRefusedNamingWhyAndChangesNothing() {
        WorkOrders orders = orders();
        long id = complaint(ComplaintGrade.ORDINARY).id();
        WorkOrderException e = assertThrows(WorkOrderException.class,
                () -> orders.resolve(id, "2001", "Refunded", T0 + MINUTE_MS));
        assertEquals("work order " + id + " is opened; it can be resolved only when in progress", e.getMessage());
        e = assertThrows(WorkOrderException.class, () -> orders.close(id, "lead1", T0 + MINUTE_MS));
        assertEquals("work order " + id + " is opened; it can be closed before its revisit only when revisited",
                e.getMessage());
        e = assertThrows(WorkOrderException.class, () -> orders.start(id, "2001", T0 + MINUTE_MS));
        assertEquals("work order " + id + " is opened; it can be started only when dispatched", e.getMessage());
        assertEquals(OrderState.OPENED, orders.order(id).orElseThrow().state());
        assertEquals(1, orders.steps(id).size(), "only the opening");
    }

    @Test
    void anUnknownOrClosedOrderIsNamed() {
        WorkOrders orders = orders();
        assertEquals("no work order 99", assertThrows(WorkOrderException.class,
                () -> orders.dispatch(99, "billing-team", "lead1", T0)).getMessage());
        long id = orders.open(new NewOrder(OrderKind.QUESTION, null, "13900000001", CALL,
                "Does the roaming pack cover Macau?", "1001", 0), T0).id();
        orders.dispatch(id, "product-team", "lead1", T0 + MINUTE_MS);
        orders.start(id, "2001", T0 + 2 * MINUTE_MS);
        orders.resolve(id, "2001", "It does, from next month", T0 + HOUR_MS);
        orders.close(id, "2001", T0 + HOUR_MS);
        assertEquals("work order " + id + " is closed", assertThrows(WorkOrderException.class,
                () -> orders.note(id, "2001", "one more thing", T0 + 2 * HOUR_MS)).getMessage());
    }

    @Test
    void openingChecksWhatTheOrderNeeds() {
        WorkOrders orders = orders();
        assertEquals("a complaint needs a grade (ordinary, escalated or major)", assertThrows(WorkOrderException.class,
                () -> orders.open(new NewOrder(OrderKind.COMPLAINT, null, "13900000001", CALL, "rude agent", "1001", 0),
                        T0)).getMessage());
        assertEquals("only a complaint has a grade, not a question", assertThrows(WorkOrderException.class,
                () -> orders.open(new NewOrder(OrderKind.QUESTION, ComplaintGrade.MAJOR, "13900000001", CALL, "why?",
                        "1001", 0), T0)).getMessage());
        assertEquals("summary is empty", assertThrows(WorkOrderException.class,
                () -> orders.open(new NewOrder(OrderKind.QUESTION, null, "13900000001", CALL, " ", "1001", 0),
                        T0)).getMessage());
        assertEquals("the promised reply time " + (T0 - 1) + " is not in the future",
                assertThrows(WorkOrderException.class, () -> orders.open(new NewOrder(OrderKind.QUESTION, null,
                        "13900000001", CALL, "why?", "1001", T0 - 1), T0)).getMessage());
        assertTrue(orders.open().isEmpty(), "nothing was opened");
    }

    @Test
    void complaintsAreCountedByTheQueueAndBrandOfTheirCallOverARange() {
        complaint(ComplaintGrade.ORDINARY);
        complaint(ComplaintGrade.MAJOR);
        orders().open(new NewOrder(OrderKind.COMPLAINT, ComplaintGrade.ORDINARY, "13900000001", OrderSource.NONE,
                "Rude on the phone", "1001", 0), T0 + HOUR_MS);
        orders().open(new NewOrder(OrderKind.QUESTION, null, "13900000001", CALL, "why?", "1001", 0), T0);
        QueueAndBrand general = new QueueAndBrand("general", "gotone");
        assertEquals(Map.of(general, 2L, new QueueAndBrand(null, null), 1L),
                orders().complaintsOpened(T0, T0 + HOUR_MS + 1));
        assertEquals(Map.of(general, 2L), orders().complaintsOpened(T0, T0 + HOUR_MS), "to, not through");
    }

    @Test
    void aQuestionIsDueInTwoHoursOrWhenThePromiseSaysIfSooner() {
        WorkOrders orders = orders();
        Order plain = orders.open(new NewOrder(OrderKind.QUESTION, null, "13900000001", CALL, "why?", "1001", 0), T0);
        assertEquals(Map.of(Milestone.FIRST_REPLY, T0 + 2 * HOUR_MS), plain.due());
        Order promised = orders.open(new NewOrder(OrderKind.QUESTION, null, "13900000001", CALL, "why?", "1001",
                T0 + 30 * MINUTE_MS), T0);
        assertEquals(Map.of(Milestone.FIRST_REPLY, T0 + 30 * MINUTE_MS), promised.due());
        assertEquals(List.of(promised.id(), plain.id()), orders.open().stream().map(Order::id).toList(),
                "the earliest due first");
    }

    @Test
    void anOverdueStepRaisesAComplaintOneGradeOnceForThatStep() {
        WorkOrders orders = orders();
        long id = complaint(ComplaintGrade.ORDINARY).id();
        assertTrue(orders.escalateOverdue(T0 + HOUR_MS).isEmpty(), "due, not yet late");

        List<Order> raised = orders.escalateOverdue(T0 + HOUR_MS + 1);
        assertEquals(1, raised.size());
        assertEquals(ComplaintGrade.ESCALATED, raised.get(0).grade());
        assertTrue(orders.escalateOverdue(T0 + HOUR_MS + 2).isEmpty(), "the same late hand-off raises it once");
        assertEquals(new OrderStep("escalated", "system", "hand off overdue: 普通 → 升级", T0 + HOUR_MS + 1),
                orders.steps(id).get(1));

        // the check is late as well, an hour later: one grade more, and a major complaint stays major
        assertEquals(ComplaintGrade.MAJOR, orders.escalateOverdue(T0 + 2 * HOUR_MS + 1).get(0).grade());
        assertTrue(orders.escalateOverdue(T0 + 30 * HOUR_MS).isEmpty());
        Order o = orders.order(id).orElseThrow();
        assertEquals(List.of(Milestone.HAND_OFF, Milestone.CHECK, Milestone.FIRST_REPLY),
                o.overdueAt(T0 + 30 * HOUR_MS), "still flagged late, earliest first");
        assertEquals(T0 + HOUR_MS, o.due().get(Milestone.HAND_OFF), "escalating moves no deadline");
    }

    @Test
    void escalationCanBeTurnedOff() {
        complaint(ComplaintGrade.ORDINARY);
        OrderDeadlines flagOnly = new OrderDeadlines(OrderDeadlines.STANDARD.complaints(),
                OrderDeadlines.STANDARD.question(), OrderDeadlines.STANDARD.followUp(), OrderDeadlines.Escalation.NONE);
        assertTrue(new JdbcWorkOrders(store::transactions, flagOnly, settings()).escalateOverdue(T0 + 10 * HOUR_MS).isEmpty());
    }

    @Test
    void aCustomerUnhappyAtTheRevisitSendsTheOrderBackToWork() {
        WorkOrders orders = orders();
        long id = complaint(ComplaintGrade.MAJOR).id();
        orders.dispatch(id, "network-team", "lead1", T0 + MINUTE_MS);
        orders.start(id, "2001", T0 + 2 * MINUTE_MS);
        orders.resolve(id, "2001", "Reset the line", T0 + HOUR_MS);
        Order back = orders.revisit(id, "lead1", false, "Still no signal at home", T0 + 2 * HOUR_MS);
        assertEquals(OrderState.IN_PROGRESS, back.state());
        assertTrue(!back.met().containsKey(Milestone.FIX) && back.met().containsKey(Milestone.FIRST_REPLY));
        assertEquals("reopened", orders.steps(id).get(4).step());
        orders.resolve(id, "2001", "Replaced the SIM", T0 + 3 * HOUR_MS);
        assertEquals(T0 + 3 * HOUR_MS, orders.order(id).orElseThrow().met().get(Milestone.FIX));
    }

    @Test
    void aFaultFromTheIvrIsAnOrderDueByItsFaultKindAndClosesWithoutARevisit() {
        String number = selfService().reportFault("13900000001", FaultKind.COMPLEX, "ivr", T0).orderNumber();
        WorkOrders orders = orders();
        long id = Long.parseLong(number);
        Order fault = orders.order(id).orElseThrow();
        assertEquals(OrderKind.FAULT, fault.kind());
        assertEquals(Map.of(Milestone.FIX, T0 + 48 * HOUR_MS), fault.due());
        assertEquals("Complex fault reported by ivr", fault.summary());
        orders.dispatch(id, "network-team", "lead1", T0 + MINUTE_MS);
        orders.start(id, "2001", T0 + 2 * MINUTE_MS);
        orders.resolve(id, "2001", "Base station repaired", T0 + 5 * HOUR_MS);
        assertEquals("work order " + id + " is a fault, which has no revisit: close it",
                assertThrows(WorkOrderException.class,
                        () -> orders.revisit(id, "lead1", true, "fine", T0 + 6 * HOUR_MS)).getMessage());
        assertEquals(OrderState.CLOSED, orders.close(id, "2001", T0 + 6 * HOUR_MS).state());
        assertEquals(List.of(number), store.selfService().workOrdersOf("13900000001").stream()
                .map(acd.ivr.selfservice.WorkOrder::orderNumber).toList(), "the caller's faults, as the IVR reads them");
    }
}
