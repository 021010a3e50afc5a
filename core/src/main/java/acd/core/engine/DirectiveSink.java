package acd.core.engine;

/**
 * What the engine asks the outside world to do. Adapters turn these into AMI actions, AGI
 * commands or seat messages; the simulator turns them into future events. Called on the engine
 * thread: do not block, copy what you keep.
 */
public interface DirectiveSink {
    /** Ring the agent's seat with this call for at most {@code ringTimeoutMs}. */
    void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs);

    /** Stop ringing: the caller left, or the engine gave up on the seat. */
    default void cancelOffer(long timeMs, CallView call, int agentIndex) {
    }

    /**
     * Tell a waiting caller their position (1 = next) and expected wait, and, when
     * {@code callbackOffered}, that they may hang up and be called back keeping their place.
     * {@code leadSound}, when not null, is played first: the queue's peak announcement.
     */
    default void announcePosition(long timeMs, CallView call, int position, long expectedWaitMs,
                                  boolean callbackOffered, String leadSound) {
    }

    /** The call left {@code fromQueue} for {@code toQueue}; it keeps its place by wait. */
    default void overflow(long timeMs, CallView call, int fromQueue, int toQueue) {
    }

    /** Send the caller to the queue's voicemail. */
    default void sendToVoicemail(long timeMs, CallView call, ExitReason reason) {
    }

    /** Release the caller (the dialplan plays its closing message). */
    default void disconnect(long timeMs, CallView call, ExitReason reason) {
    }

    /**
     * The agent sent the call on: take the caller from the seat back to waiting. An offer to the
     * next seat may follow at once.
     */
    default void transferCall(long timeMs, CallView call, int fromAgent) {
    }

    /**
     * The agent asks a colleague first: hold the caller and ring {@code colleague} from the
     * agent's phone for at most {@code ringTimeoutMs}.
     */
    default void consult(long timeMs, CallView call, int agentIndex, int colleague, long ringTimeoutMs) {
    }

    /**
     * The consultation is over: {@code handedOver}, join the caller to the colleague and let the
     * agent go; else end the colleague's leg and give the agent the caller back.
     */
    default void endConsult(long timeMs, CallView call, int agentIndex, int colleague, boolean handedOver) {
    }

    /**
     * The callback could not reach the customer in {@code attempts} tries (or nobody is left to
     * take it): it leaves the line and must become a task for a person to follow up.
     */
    default void followUpCallback(long timeMs, CallView call, int attempts) {
    }
}
