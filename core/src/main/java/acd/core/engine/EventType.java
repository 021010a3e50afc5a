package acd.core.engine;

/** What an {@link EngineEvent} says happened. */
public enum EventType {
    /** A caller was classified and wants a person: joins a queue. */
    CALL_ARRIVED,
    /** The caller hung up before a person answered (for callers that know it, such as the simulator's). */
    CALLER_ABANDONED,
    AGENT_LOGGED_IN,
    AGENT_LOGGED_OUT,
    AGENT_READY,
    /** The agent is not ready, with a reason code. */
    AGENT_NOT_READY,
    /** The seat answered the call offered to it. */
    OFFER_ANSWERED,
    /** The seat did not answer, was busy, or rejected the offer. */
    OFFER_NOT_ANSWERED,
    /**
     * The call is over (either side hung up). The engine alone decides what it was: completed
     * when a person had answered, an abandon otherwise, so the PBX side need not know.
     */
    CALL_ENDED,
    /** The agent finished after-call work early. */
    WRAP_UP_DONE,
    /** A supervisor changed the agent's skills or seat groups ({@link EngineEvent#agentChange}). */
    AGENT_CHANGED,
    /** Nothing happened but time passed: fires due timers. */
    TICK,
    /** The opening hours were edited: {@link EngineEvent#document} is the new hours file. */
    HOURS_CHANGED,
    /**
     * A blind transfer: the agent talking with the caller sends the call to another queue
     * ({@link EngineEvent#queueIndex}, with {@link EngineEvent#extraSkillsMask}), to a colleague
     * first when {@link EngineEvent#accountManagerIndex} names one.
     */
    CALL_TRANSFERRED,
    /** A waiting caller took the callback offered: they hang up and keep their place in line. */
    CALLBACK_REQUESTED,
    /** The customer answered the callback ({@link EngineEvent#agentIndex} is the seat reserved for it). */
    CALLBACK_REACHED,
    /** The customer did not answer the callback; the seat reserved for it is free again. */
    CALLBACK_NOT_REACHED,
    /**
     * The agent talking with the caller asks a colleague first, the caller held: a colleague
     * named by {@link EngineEvent#accountManagerIndex}, or the best free one for
     * {@link EngineEvent#queueIndex} with {@link EngineEvent#extraSkillsMask}.
     */
    CONSULT_STARTED,
    /** The colleague asked answered: {@link EngineEvent#agentIndex}, on {@link EngineEvent#channelId}. */
    CONSULT_ANSWERED,
    /** The agent hands the caller to the colleague they consulted, and is done with the call. */
    CONSULT_COMPLETED,
    /** The consultation is over without a hand-over: the agent goes back to the caller. */
    CONSULT_CANCELLED,
    /**
     * A supervisor switched {@link EngineEvent#queueIndex}'s peak mode on ({@link EngineEvent#reasonCode}
     * 1) or off (0).
     */
    PEAK_MODE_CHANGED
}
