package acd.ivr.task;

/** What calling back a voicemail's caller came to. */
public enum ReplyOutcome {
    /** The caller was reached; the task is done. */
    REACHED,
    /** Nobody answered: the task stays open, is let go, and waits for another try. */
    NOT_REACHED,
    /** The caller's matter was settled (on the call or otherwise); the task is done. */
    RESOLVED;

    /** Whether the task is over with this outcome. */
    public boolean closes() {
        return this != NOT_REACHED;
    }
}
