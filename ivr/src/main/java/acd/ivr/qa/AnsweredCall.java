package acd.ivr.qa;

import java.util.Objects;

/**
 * One agent's part of an answered call: what quality review samples and scores. A call handed
 * on to a colleague is two of these, one per agent, sharing the call id and the recording.
 *
 * @param callId       the queue_log's call id (the caller's channel Uniqueid)
 * @param agent        the agent who talked to the caller
 * @param queue        the queue the call was answered from
 * @param tier         the caller's tier, or null
 * @param brand        the caller's brand, or null
 * @param callerNumber the caller's number, or null when withheld
 * @param connectedMs  when the agent answered
 * @param talkMs       how long the agent talked to the caller
 * @param recording    the recording's name under Asterisk's monitor directory, without extension
 *                     ({@code acd/20261207/1796649045.6})
 */
public record AnsweredCall(String callId, String agent, String queue, String tier, String brand, String callerNumber,
                           long connectedMs, long talkMs, String recording) {
    public AnsweredCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(recording, "recording");
        if (talkMs < 0) {
            throw new IllegalArgumentException("talkMs must not be negative, was " + talkMs);
        }
    }
}
