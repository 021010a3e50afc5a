package acd.core.engine;

import acd.core.model.AgentChange;

/**
 * One input to the engine. Mutable on purpose: the ring preallocates these and producers fill
 * them in place, so nothing is allocated per event. Every event carries its own time; the
 * engine never reads a clock.
 */
public final class EngineEvent {
    public static final int NONE = -1;

    public EventType type = EventType.TICK;
    /** Event time, milliseconds (epoch in production, virtual in the simulator). */
    public long timeMs;
    public long callId;
    public int agentIndex = NONE;
    public int queueIndex = NONE;
    public int tierIndex = NONE;
    public int brandIndex = NONE;
    /** The caller's own account manager (agent index), or {@link #NONE}. */
    public int accountManagerIndex = NONE;
    /** Skills required beyond the queue's, as a bit mask of skill indexes. */
    public long extraSkillsMask;
    /** Not-ready reason code ({@link ReasonCodes}). */
    public int reasonCode;
    public CharSequence callerNumber;
    public CharSequence ivrPath;
    /**
     * The PBX channel behind the event: the caller's on {@link EventType#CALL_ARRIVED}, the seat's
     * on {@link EventType#OFFER_ANSWERED}; null where there is none (the simulator's calls).
     */
    public CharSequence channelId;
    /** The text of a configuration file an event brings in: the hours file on {@link EventType#HOURS_CHANGED}. */
    public CharSequence document;
    /** Who hung up first, on {@link EventType#CALL_ENDED}. */
    public HangupSide hungUpFirst = HangupSide.UNKNOWN;
    /** The new profile for {@link EventType#AGENT_CHANGED}; rare, so an object is fine here. */
    public AgentChange agentChange;
    /** Set by producers that trace hand-off latency; the engine never reads it. */
    public long traceNanos;

    public EngineEvent clear() {
        type = EventType.TICK;
        timeMs = 0;
        callId = 0;
        agentIndex = NONE;
        queueIndex = NONE;
        tierIndex = NONE;
        brandIndex = NONE;
        accountManagerIndex = NONE;
        extraSkillsMask = 0;
        reasonCode = 0;
        callerNumber = null;
        ivrPath = null;
        channelId = null;
        document = null;
        hungUpFirst = HangupSide.UNKNOWN;
        agentChange = null;
        traceNanos = 0;
        return this;
    }

    public EngineEvent copyFrom(EngineEvent other) {
        type = other.type;
        timeMs = other.timeMs;
        callId = other.callId;
        agentIndex = other.agentIndex;
        queueIndex = other.queueIndex;
        tierIndex = other.tierIndex;
        brandIndex = other.brandIndex;
        accountManagerIndex = other.accountManagerIndex;
        extraSkillsMask = other.extraSkillsMask;
        reasonCode = other.reasonCode;
        callerNumber = other.callerNumber;
        ivrPath = other.ivrPath;
        channelId = other.channelId;
        document = other.document;
        hungUpFirst = other.hungUpFirst;
        agentChange = other.agentChange;
        traceNanos = other.traceNanos;
        return this;
    }

    // Fillers, one per event kind, so producers cannot forget a field.

    /** A call with no PBX channel behind it, as the simulator and the benchmarks make. */
    public EngineEvent callArrived(long timeMs, long callId, int queueIndex, int tierIndex, int brandIndex,
                                   int accountManagerIndex, long extraSkillsMask,
                                   CharSequence callerNumber, CharSequence ivrPath) {
        return callArrived(timeMs, callId, queueIndex, tierIndex, brandIndex, accountManagerIndex, extraSkillsMask,
                callerNumber, ivrPath, null);
    }

    /** @param callerChannel the caller's channel at the PBX (Asterisk's Uniqueid), or null */
    public EngineEvent callArrived(long timeMs, long callId, int queueIndex, int tierIndex, int brandIndex,
                                   int accountManagerIndex, long extraSkillsMask,
                                   CharSequence callerNumber, CharSequence ivrPath, CharSequence callerChannel) {
        clear();
        this.type = EventType.CALL_ARRIVED;
        this.timeMs = timeMs;
        this.callId = callId;
        this.queueIndex = queueIndex;
        this.tierIndex = tierIndex;
        this.brandIndex = brandIndex;
        this.accountManagerIndex = accountManagerIndex;
        this.extraSkillsMask = extraSkillsMask;
        this.callerNumber = callerNumber;
        this.ivrPath = ivrPath;
        this.channelId = callerChannel;
        return this;
    }

    public EngineEvent callEvent(EventType type, long timeMs, long callId) {
        clear();
        this.type = type;
        this.timeMs = timeMs;
        this.callId = callId;
        return this;
    }

    public EngineEvent offerAnswered(long timeMs, long callId, int agentIndex) {
        return offerAnswered(timeMs, callId, agentIndex, null);
    }

    /** @param seatChannel the seat's channel at the PBX (Asterisk's Uniqueid), or null when not seen */
    public EngineEvent offerAnswered(long timeMs, long callId, int agentIndex, CharSequence seatChannel) {
        callEvent(EventType.OFFER_ANSWERED, timeMs, callId);
        this.agentIndex = agentIndex;
        this.channelId = seatChannel;
        return this;
    }

    /** The call is over; {@code hungUpFirst} says who ended it, as far as the PBX side saw. */
    public EngineEvent callEnded(long timeMs, long callId, HangupSide hungUpFirst) {
        callEvent(EventType.CALL_ENDED, timeMs, callId);
        this.hungUpFirst = hungUpFirst;
        return this;
    }

    public EngineEvent offerNotAnswered(long timeMs, long callId, int agentIndex) {
        callEvent(EventType.OFFER_NOT_ANSWERED, timeMs, callId);
        this.agentIndex = agentIndex;
        return this;
    }

    /** The seat's phone could not be reached: the call goes back in line and the agent goes not ready. */
    public EngineEvent offerUnreachable(long timeMs, long callId, int agentIndex) {
        offerNotAnswered(timeMs, callId, agentIndex);
        this.reasonCode = ReasonCodes.UNREACHABLE;
        return this;
    }

    /** The offer never reached the seat: the call goes back in line and the agent is not blamed. */
    public EngineEvent offerNotDelivered(long timeMs, long callId, int agentIndex) {
        offerNotAnswered(timeMs, callId, agentIndex);
        this.reasonCode = ReasonCodes.NOT_DELIVERED;
        return this;
    }

    public EngineEvent agentEvent(EventType type, long timeMs, int agentIndex, int reasonCode) {
        clear();
        this.type = type;
        this.timeMs = timeMs;
        this.agentIndex = agentIndex;
        this.reasonCode = reasonCode;
        return this;
    }

    public EngineEvent agentChanged(long timeMs, int agentIndex, AgentChange change) {
        agentEvent(EventType.AGENT_CHANGED, timeMs, agentIndex, 0);
        this.agentChange = change;
        return this;
    }

    /** New opening hours take effect for the calls that come from now on. */
    /**
     * @param agentIndex   the agent talking with the caller, who sends the call on
     * @param toQueue      the queue the call goes to, or {@link #NONE} for the one it is in
     * @param extraSkills  skills the call needs there
     * @param toAgent      the colleague who gets the call first, or {@link #NONE}
     */
    public EngineEvent callTransferred(long timeMs, long callId, int agentIndex, int toQueue, long extraSkills,
                                       int toAgent) {
        clear();
        this.type = EventType.CALL_TRANSFERRED;
        this.timeMs = timeMs;
        this.callId = callId;
        this.agentIndex = agentIndex;
        this.queueIndex = toQueue;
        this.extraSkillsMask = extraSkills;
        this.accountManagerIndex = toAgent;
        return this;
    }

    /**
     * @param agentIndex   the agent talking with the caller, who asks a colleague
     * @param toQueue      the queue whose best free agent is asked, or {@link #NONE} with {@code toAgent}
     * @param extraSkills  skills the colleague needs
     * @param toAgent      the colleague asked, or {@link #NONE}
     */
    public EngineEvent consultStarted(long timeMs, long callId, int agentIndex, int toQueue, long extraSkills,
                                      int toAgent) {
        callTransferred(timeMs, callId, agentIndex, toQueue, extraSkills, toAgent);
        this.type = EventType.CONSULT_STARTED;
        return this;
    }

    /** The colleague consulted on the call answered, on {@code channelId}. */
    public EngineEvent consultAnswered(long timeMs, long callId, int colleagueIndex, CharSequence channelId) {
        callEvent(EventType.CONSULT_ANSWERED, timeMs, callId);
        this.agentIndex = colleagueIndex;
        this.channelId = channelId;
        return this;
    }

    /** The agent hands the caller to the colleague consulted. */
    public EngineEvent consultCompleted(long timeMs, long callId, int agentIndex) {
        callEvent(EventType.CONSULT_COMPLETED, timeMs, callId);
        this.agentIndex = agentIndex;
        return this;
    }

    /** The consultation ends and the agent keeps the caller. */
    public EngineEvent consultCancelled(long timeMs, long callId, int agentIndex) {
        callEvent(EventType.CONSULT_CANCELLED, timeMs, callId);
        this.agentIndex = agentIndex;
        return this;
    }

    /** The waiting caller pressed for a callback and hung up. */
    public EngineEvent callbackRequested(long timeMs, long callId) {
        return callEvent(EventType.CALLBACK_REQUESTED, timeMs, callId);
    }

    /** The customer answered the callback offered to {@code agentIndex}. */
    public EngineEvent callbackReached(long timeMs, long callId, int agentIndex) {
        callEvent(EventType.CALLBACK_REACHED, timeMs, callId);
        this.agentIndex = agentIndex;
        return this;
    }

    /** The customer did not answer (or was busy) on the callback offered to {@code agentIndex}. */
    public EngineEvent callbackNotReached(long timeMs, long callId, int agentIndex) {
        callEvent(EventType.CALLBACK_NOT_REACHED, timeMs, callId);
        this.agentIndex = agentIndex;
        return this;
    }

    public EngineEvent hoursChanged(long timeMs, CharSequence hoursFile) {
        clear();
        this.type = EventType.HOURS_CHANGED;
        this.timeMs = timeMs;
        this.document = hoursFile;
        return this;
    }

    /** A supervisor switched the queue's peak mode on or off. */
    public EngineEvent peakModeChanged(long timeMs, int queueIndex, boolean on) {
        clear();
        this.type = EventType.PEAK_MODE_CHANGED;
        this.timeMs = timeMs;
        this.queueIndex = queueIndex;
        this.reasonCode = on ? 1 : 0;
        return this;
    }

    public EngineEvent tick(long timeMs) {
        clear();
        this.timeMs = timeMs;
        return this;
    }

    @Override
    public String toString() {
        return type + "@" + timeMs + "{call=" + callId + ", agent=" + agentIndex + ", queue=" + queueIndex
                + ", tier=" + tierIndex + ", brand=" + brandIndex + ", am=" + accountManagerIndex
                + ", reason=" + reasonCode + "}";
    }
}
