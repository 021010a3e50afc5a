package acd.ivr.selfservice;

/** How hard a reported fault is; it sets the work order's due time (configured). */
public enum FaultKind {
    NORMAL,
    COMPLEX
}
