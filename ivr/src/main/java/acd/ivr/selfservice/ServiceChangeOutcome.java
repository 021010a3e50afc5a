package acd.ivr.selfservice;

/** What a subscribe or unsubscribe request did. */
public enum ServiceChangeOutcome {
    SUBSCRIBED,
    UNSUBSCRIBED,
    /** Subscribe asked for a service the caller already has: nothing changed. */
    ALREADY_SUBSCRIBED,
    /** Unsubscribe asked for a service the caller does not have: nothing changed. */
    NOT_SUBSCRIBED,
    UNKNOWN_SERVICE,
    UNKNOWN_NUMBER
}
