package acd.ivr.task;

import java.util.Objects;

/**
 * A message a caller left, as the dialplan reports it.
 *
 * @param callId       the ACD's id of the call
 * @param callerNumber who to call back
 * @param queue        the queue whose box took it
 * @param tier         the caller's tier, or null
 * @param brand        the caller's brand, or null
 * @param messageFile  the recording as Asterisk names it (without extension)
 * @param leftMs       when it was left
 * @param dueMs        when it must have been answered
 */
public record VoicemailMessage(String callId, String callerNumber, String queue, String tier, String brand,
                               String messageFile, long leftMs, long dueMs) {
    public VoicemailMessage {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(messageFile, "messageFile");
    }
}
