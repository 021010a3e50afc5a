package acd.core.model;

/** What a queue does with a call when no agent who could take it is logged in. */
public enum NoAgentsAction {
    /** Disconnect the caller (the dialplan plays its closed or busy message). */
    REFUSE,
    /** Keep the caller waiting until an agent logs in or the max wait passes. */
    WAIT,
    /** Send the caller to the queue's overflow target. */
    OVERFLOW
}
