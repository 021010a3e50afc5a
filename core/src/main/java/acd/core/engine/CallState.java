package acd.core.engine;

/** Where a call stands inside the engine. */
public enum CallState {
    /** Waiting for the caller's own account manager. */
    WAITING_FOR_ACCOUNT_MANAGER,
    /** Waiting in a queue for any eligible agent. */
    QUEUED,
    /** Ringing one seat. */
    OFFERED,
    /** A person answered. */
    CONNECTED
}
