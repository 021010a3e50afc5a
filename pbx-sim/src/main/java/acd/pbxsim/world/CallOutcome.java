package acd.pbxsim.world;

import java.util.List;

/**
 * One simulated call as the caller lived it. Times are simulated milliseconds; the waits count
 * from the moment the call reached the PBX; -1 where something did not happen.
 *
 * @param number         caller id
 * @param did            the hotline dialled
 * @param channel        the caller's channel name
 * @param uniqueid       the caller channel's Uniqueid (the ACD's key for the call)
 * @param arrivedAtMs    simulated epoch ms of arrival
 * @param queuedAfterMs  when the IVR set ACD_QUEUED=1
 * @param answerWaitMs   arrival to a seat answering
 * @param abandonWaitMs  arrival to the caller hanging up unanswered
 * @param seat           the seat that answered (PJSIP/1001), or null
 * @param seatsRung      every seat rung for this caller, in order
 * @param talkMs         answer to hang-up
 * @param surveyed       the caller reached the post-call survey
 * @param callerHungUp   the caller put the phone down first (patience, talk time, or told to)
 * @param endedAfterMs   arrival to the caller's Hangup
 * @param outcome        how it ended
 */
public record CallOutcome(String number, String did, String channel, String uniqueid, long arrivedAtMs,
                          long queuedAfterMs, long answerWaitMs, long abandonWaitMs, String seat,
                          List<String> seatsRung, long talkMs, boolean surveyed, boolean callerHungUp,
                          long endedAfterMs, Outcome outcome) {

    public boolean answered() {
        return answerWaitMs >= 0;
    }

    public boolean ended() {
        return outcome != Outcome.IN_PROGRESS;
    }
}
