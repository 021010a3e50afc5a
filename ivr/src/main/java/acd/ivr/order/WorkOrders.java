package acd.ivr.order;

import java.util.List;
import java.util.Optional;

/**
 * The work orders and their life cycle. Every step is recorded with who took it and when. A step
 * that does not fit the order (unknown, closed, out of order, without the text it needs) throws
 * {@link WorkOrderException} naming why and changes nothing. Each method may throw
 * {@link acd.ivr.selfservice.SelfServiceUnavailableException} when the store cannot be reached.
 */
public interface WorkOrders {

    /**
     * Opens an order, due by its kind's deadlines.
     *
     * @throws WorkOrderException for a complaint without a grade, another kind with one, no
     *                            customer or summary, a promised time already past
     */
    Order open(NewOrder order, long nowMs);

    Optional<Order> order(long id);

    /** Open orders, the earliest due first. */
    List<Order> open();

    /** A customer's orders, open or closed, the newest first, at most {@code limit}. */
    List<Order> ofCustomer(String number, int limit);

    /** Orders opened in {@code [fromMs, toMs)}, open or closed, oldest first. */
    List<Order> openedBetween(long fromMs, long toMs);

    /** How many complaints were opened in {@code [fromMs, toMs)}, by the queue and brand of their call. */
    java.util.Map<QueueAndBrand, Long> complaintsOpened(long fromMs, long toMs);

    /** Every step of an order, oldest first; empty for an unknown order. */
    List<OrderStep> steps(long id);

    /** Hands the order to a team or an agent (again, to move it). */
    Order dispatch(long id, String to, String actor, long nowMs);

    /** Someone starts on a dispatched order; it becomes theirs. */
    Order start(long id, String actor, long nowMs);

    /** A progress note; any open order. */
    Order note(long id, String actor, String text, long nowMs);

    /** What the customer was told; the first one meets the first-reply deadline. */
    Order reply(long id, String actor, String text, long nowMs);

    /** Fixed, with how; an order in progress. */
    Order resolve(long id, String actor, String resolution, long nowMs);

    /**
     * The customer called back after the fix. A customer still unhappy sends the order back to
     * work, its deadlines unchanged.
     */
    Order revisit(long id, String actor, boolean satisfied, String text, long nowMs);

    /** Closed: revisited, or resolved when its kind has no revisit. */
    Order close(long id, String actor, long nowMs);

    /**
     * Applies the escalation rule to every open complaint with a step overdue at {@code nowMs}:
     * each late step raises its grade once.
     *
     * @return the orders raised
     */
    List<Order> escalateOverdue(long nowMs);
}
