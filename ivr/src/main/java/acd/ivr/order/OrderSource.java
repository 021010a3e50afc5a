package acd.ivr.order;

/**
 * Where a work order came from, for the reports and for whoever works it: each may be null when
 * the order was opened outside a call.
 *
 * @param callId the call it was opened on: the queue_log's call id when known, so the desk can
 *               hear its recording
 * @param queue  that call's queue
 * @param brand  the customer's brand
 * @param tier   the customer's tier
 * @param agent  the agent who talked with the customer on that call
 */
public record OrderSource(String callId, String queue, String brand, String tier, String agent) {
    public static final OrderSource NONE = new OrderSource(null, null, null, null, null);
}
