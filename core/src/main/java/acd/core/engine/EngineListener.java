package acd.core.engine;

/**
 * What happened inside the engine, for journals, queue_log and desktops. Called on the engine
 * thread after the state has changed: do not block, copy what you keep.
 */
public interface EngineListener {
    EngineListener NONE = new EngineListener() {
    };

    default void callQueued(long timeMs, CallView call) {
    }

    default void callConnected(long timeMs, CallView call, int agentIndex) {
    }

    default void ringNoAnswer(long timeMs, CallView call, int agentIndex, long ringMs) {
    }

    default void callAbandoned(long timeMs, CallView call, long waitMs) {
    }

    default void callCompleted(long timeMs, CallView call, int agentIndex, long talkMs) {
    }

    /**
     * The agent sent the call on to {@code toQueue} ({@code toAgent} first, or -1); the call
     * enters that queue next ({@link #callQueued}).
     */
    default void callTransferred(long timeMs, CallView call, int fromAgent, long talkMs, int toQueue, int toAgent) {
    }

    /** The agent asks {@code colleague} about the call, the caller held. */
    default void consultStarted(long timeMs, CallView call, int agentIndex, int colleague) {
    }

    /**
     * The consultation is over: {@code handedOver}, the colleague now talks with the caller and
     * the agent's part ({@code talkMs}) is done; else the agent has the caller back and the
     * colleague is free.
     */
    default void consultEnded(long timeMs, CallView call, int agentIndex, int colleague, boolean handedOver,
                              long talkMs) {
    }

    /** A waiting caller hung up to be called back after {@code waitMs}, keeping their place. */
    default void callbackRequested(long timeMs, CallView call, long waitMs) {
    }

    /** The customer did not answer callback attempt {@code attempt} made for {@code agentIndex}. */
    default void callbackNotReached(long timeMs, CallView call, int agentIndex, int attempt) {
    }

    /** The callback leaves the line unanswered after {@code attempts} tries (or nobody left to take it). */
    default void callbackGivenUp(long timeMs, CallView call, int attempts) {
    }

    default void agentStateChanged(long timeMs, int agentIndex, AgentState from, AgentState to, int reasonCode) {
    }

    /** A supervisor switched the queue's peak mode on or off. */
    default void peakModeChanged(long timeMs, int queueIndex, boolean on) {
    }

    /** An input that did not fit the state machine; it was ignored. */
    default void eventRejected(EngineEvent event, String why) {
    }
}
