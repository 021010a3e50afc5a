package acd.pbxsim.world;

/**
 * One call the hotline placed to a customer over the carrier, as it stands: who was called,
 * what their phone showed, and whether and when they picked up. Times are simulated epoch
 * milliseconds; -1 for what has not happened.
 *
 * @param number        the number dialled (13800000001)
 * @param trunk         the endpoint the call left by (hotline-trunk)
 * @param callerIdNum   the caller id the customer's phone showed (the hotline's number)
 * @param callerIdName  the name shown with it
 * @param channel       the call's channel on the trunk (PJSIP/hotline-trunk-0000000a)
 * @param uniqueid      its Uniqueid
 * @param placedAtMs    when the phone started ringing
 * @param answeredAtMs  when the customer picked up
 * @param endedAtMs     when the call ended, whoever ended it
 * @param busy          the customer was busy and the phone turned the call down
 */
public record CustomerCall(String number, String trunk, String callerIdNum, String callerIdName, String channel,
                           String uniqueid, long placedAtMs, long answeredAtMs, long endedAtMs, boolean busy) {

    public boolean answered() {
        return answeredAtMs >= 0;
    }

    public boolean ended() {
        return endedAtMs >= 0;
    }

    /** How long the customer talked; 0 when they did not pick up, -1 while still talking. */
    public long talkMs() {
        if (!answered()) {
            return 0;
        }
        return ended() ? endedAtMs - answeredAtMs : -1;
    }
}
