package acd.core.engine;

/** A call's routing state. Pooled and reused by the engine: never hold one past a callback. */
final class Call implements CallView {
    long callId;
    long sequence;
    CallState state;
    int queueIndex;
    int tierIndex;
    int brandIndex;
    int accountManagerIndex;
    /** The agent the call is offered to first: the account manager on arrival, the colleague a transfer names. */
    int preferredAgentIndex = -1;
    long extraSkillsMask;
    CharSequence callerNumber;
    CharSequence ivrPath;
    CharSequence callerChannel;
    CharSequence seatChannel;
    HangupSide hungUpFirst = HangupSide.UNKNOWN;
    long queuedAtMs;
    /**
     * The call's place in line: its arrival, kept across unanswered offers and overflow. It is
     * also the arrival time the adapters read, so the call carries no second copy of it.
     */
    long placeMs;
    int overflowHops;

    /** The widening route for this queue, tier and brand, and the step the call has reached. */
    Route route;
    int step;
    /** The pool whose agents may take the call now. */
    AgentPool pool;

    CallLine line;
    int linePosition = -1;

    Agent offeredTo;
    boolean maxWaitPassed;
    /** The colleague the agent is asking about the call, the caller held; null when none. */
    Agent consultWith;
    /** The colleague's phone answered the consultation, on this channel. */
    boolean consultAnswered;
    CharSequence consultChannel;

    long stepTimerId = TimerKinds.NO_TIMER;
    long maxWaitTimerId = TimerKinds.NO_TIMER;
    long announceTimerId = TimerKinds.NO_TIMER;
    long ringTimerId = TimerKinds.NO_TIMER;

    /** The caller hung up to be called back; their place in line is kept. */
    boolean callback;
    /** The announcements have offered this caller a callback (counted once). */
    boolean callbackOffered;
    /** Calls made to the customer that they did not answer. */
    int callbackAttempts;
    /** Set between an unanswered callback and its next try: the call is out of line until then. */
    long callbackRetryTimerId = TimerKinds.NO_TIMER;

    /** No colleague is being asked about the call any more. */
    void endConsultation() {
        consultWith = null;
        consultAnswered = false;
        consultChannel = null;
    }

    void reset() {
        callback = false;
        callbackOffered = false;
        callbackAttempts = 0;
        callbackRetryTimerId = TimerKinds.NO_TIMER;
        callId = 0;
        state = null;
        callerNumber = null;
        ivrPath = null;
        callerChannel = null;
        seatChannel = null;
        hungUpFirst = HangupSide.UNKNOWN;
        route = null;
        pool = null;
        line = null;
        linePosition = -1;
        offeredTo = null;
        endConsultation();
        maxWaitPassed = false;
        overflowHops = 0;
        preferredAgentIndex = -1;
        stepTimerId = TimerKinds.NO_TIMER;
        maxWaitTimerId = TimerKinds.NO_TIMER;
        announceTimerId = TimerKinds.NO_TIMER;
        ringTimerId = TimerKinds.NO_TIMER;
    }

    @Override
    public long callId() {
        return callId;
    }

    @Override
    public int queueIndex() {
        return queueIndex;
    }

    @Override
    public int tierIndex() {
        return tierIndex;
    }

    @Override
    public int brandIndex() {
        return brandIndex;
    }

    @Override
    public int accountManagerIndex() {
        return accountManagerIndex;
    }

    @Override
    public CharSequence callerNumber() {
        return callerNumber;
    }

    @Override
    public CharSequence ivrPath() {
        return ivrPath;
    }

    @Override
    public CharSequence callerChannel() {
        return callerChannel;
    }

    @Override
    public CharSequence seatChannel() {
        return seatChannel;
    }

    @Override
    public HangupSide hungUpFirst() {
        return hungUpFirst;
    }

    @Override
    public long arrivedAtMs() {
        return placeMs;
    }

    @Override
    public long queuedAtMs() {
        return queuedAtMs;
    }

    @Override
    public CallState state() {
        return state;
    }

    /** Whether the hotline could call the caller back: it has their number. */
    boolean hasCallerNumber() {
        return callerNumber != null && callerNumber.length() > 0;
    }

    @Override
    public boolean awaitingCallback() {
        return callback;
    }

    @Override
    public String toString() {
        return "call " + callId;
    }
}
