package acd.ivr.selfservice;

/**
 * A fault report turned into a work order.
 *
 * @param orderNumber the number read back to the caller (digits only)
 * @param createdMs   when it was opened
 * @param dueMs       when it must be resolved
 */
public record WorkOrder(String orderNumber, String number, FaultKind kind, String channel,
                        long createdMs, long dueMs) {
}
