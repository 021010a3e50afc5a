package acd.core.model;

/** What happens to a call that has waited the queue's maximum. */
public enum MaxWaitAction {
    /** Move the call to another queue (its overflow target), keeping its place by wait. */
    OVERFLOW,
    /** Send the caller to voicemail. */
    VOICEMAIL,
    /** Disconnect the caller. */
    DISCONNECT
}
