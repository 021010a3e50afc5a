package acd.ivr.order;

/** A step someone takes on an order, as the desk asks for it. */
public enum OrderAction {
    /** Hand it to a team or an agent. */
    DISPATCH,
    /** Start on it; it becomes the one who starts. */
    START,
    /** A progress note. */
    NOTE,
    /** What the customer was told. */
    REPLY,
    /** Fixed, with how. */
    RESOLVE,
    /** The customer called back after the fix. */
    REVISIT,
    /** Done. */
    CLOSE
}
