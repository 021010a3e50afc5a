package acd.ivr.task;

/**
 * A voicemail message to answer, and how far its answer has come.
 *
 * @param id          the task's number
 * @param message     the message
 * @param takenBy     the agent working it, or null while nobody is
 * @param takenMs     when it was taken (0 when not)
 * @param attempts    callbacks tried so far
 * @param lastOutcome the outcome of the latest callback, or null before the first
 * @param closedMs    when it was closed (0 while open)
 */
public record ReplyTask(long id, VoicemailMessage message, String takenBy, long takenMs, int attempts,
                        ReplyOutcome lastOutcome, long closedMs) {

    public boolean isOpen() {
        return closedMs == 0;
    }

    /** Open after its due time. */
    public boolean overdueAt(long nowMs) {
        return isOpen() && nowMs > message.dueMs();
    }
}
