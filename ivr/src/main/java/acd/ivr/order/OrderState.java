package acd.ivr.order;

/** Where a work order stands. Orders move forward only, save a revisit the customer is unhappy with. */
public enum OrderState {
    OPENED,
    DISPATCHED,
    IN_PROGRESS,
    RESOLVED,
    REVISITED,
    CLOSED
}
