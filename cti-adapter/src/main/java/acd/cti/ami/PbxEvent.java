package acd.cti.ami;

/**
 * The handful of Asterisk happenings the ACD needs, as small immutable records keyed by the
 * channel's Uniqueid. Asterisk-Java's event classes stop at the translator: nothing past it
 * sees a {@code ManagerEvent}.
 */
public sealed interface PbxEvent {

    /** A channel hung up. */
    record ChannelHangup(String uniqueId, String linkedId, String channel, int cause, String causeText)
            implements PbxEvent {
    }

    /** A Dial started ringing {@code destChannel} for the caller channel {@code uniqueId}. */
    record DialBegin(String uniqueId, String channel, String destUniqueId, String destChannel, String dialString)
            implements PbxEvent {
    }

    /** A Dial ended: ANSWER, NOANSWER, BUSY, CANCEL, CHANUNAVAIL, CONGESTION... */
    record DialEnd(String uniqueId, String channel, String destUniqueId, String destChannel, String dialStatus)
            implements PbxEvent {
        public boolean answered() {
            return "ANSWER".equals(dialStatus);
        }

        /** The caller went away while the seat rang. */
        public boolean cancelled() {
            return "CANCEL".equals(dialStatus);
        }
    }

    /**
     * The dialplan's word that the Dial to a seat ended without an answer ({@code Status}:
     * CHANUNAVAIL, CONGESTION, NOANSWER, BUSY...), sent after Dial returns, whether or not
     * Asterisk could create the seat's channel at all. {@code delivery} is the server's count
     * of deliveries of this call (ACD_DELIVERY) the Dial belonged to.
     */
    record DialFailed(String uniqueId, String channel, String dialStatus, String endpoint, String delivery)
            implements PbxEvent {
    }

    /**
     * The dialplan's word, on the agent's channel, that the Dial to the colleague consulted is
     * over ({@code dialStatus}); the agent waits to be joined back to the caller.
     */
    record ConsultOver(String uniqueId, String channel, String callId, String dialStatus) implements PbxEvent {
    }

    /** The dialplan's word, on the colleague's channel, that the agent hung up while they talked. */
    record ConsultTaken(String uniqueId, String channel, String callId) implements PbxEvent {
    }

    /** A channel joined a bridge (a conversation began). */
    record BridgeEnter(String uniqueId, String channel, String bridgeId) implements PbxEvent {
    }

    /** A channel left a bridge. */
    record BridgeLeave(String uniqueId, String channel, String bridgeId) implements PbxEvent {
    }

    /** A device (e.g. {@code PJSIP/1001}) changed state: NOT_INUSE, INUSE, RINGING, UNAVAILABLE... */
    record DeviceState(String device, String state) implements PbxEvent {
    }

    /** The AMI session is up (first login or after a reconnect): time to resync. */
    record Connected(int generation) implements PbxEvent {
    }

    /** The AMI session is gone; events may be missed until {@link Connected}. */
    record Disconnected(String why) implements PbxEvent {
    }
}
