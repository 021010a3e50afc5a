package acd.ivr.order;

/**
 * Where a work order came from, for the reports and for whoever works it: each may be null when
 * the order was opened outside a call.
 *
 * @param callId the call it was opened on
 * @param queue  that call's queue
 * @param brand  the customer's brand
 * @param tier   the customer's tier
 */
public record OrderSource(String callId, String queue, String brand, String tier) {
    public static final OrderSource NONE = new OrderSource(null, null, null, null);
}
