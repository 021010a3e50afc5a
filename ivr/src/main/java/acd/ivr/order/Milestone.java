package acd.ivr.order;

/**
 * A step with a deadline, counted from the order's opening. Which ones an order has depends on
 * its kind (and a complaint's grade): a fault has only {@link #FIX}.
 */
public enum Milestone {
    /** Handed off to the team or agent that works it (dispatched). */
    HAND_OFF,
    /** Checked: someone has started on it. */
    CHECK,
    /** The customer first hears back. */
    FIRST_REPLY,
    /** Resolved. */
    FIX,
    /** The customer called back after the fix. */
    REVISIT
}
