package acd.core.engine;

import acd.core.model.AgentSpec;

import java.util.Arrays;

/**
 * An agent's routing state. Owned by the engine thread. What only a change of skills or an
 * error message needs (the agent's id, its proficiency per skill) is kept by the engine, not
 * here: an agent is touched on every call it takes, minutes apart on a large floor, and every
 * field it points to is laid out beside it.
 */
final class Agent {
    private static final AgentPool[] NO_POOLS = new AgentPool[0];

    final int index;
    long skillsMask;
    long groupsMask;
    long wrapUpMs;

    AgentState state = AgentState.LOGGED_OUT;
    int reasonCode;
    /** Asked for not ready (with this reason) while busy: applied when the call is done. */
    boolean notReadyPending;
    int pendingReasonCode;
    boolean logoutPending;

    long freeSinceMs;
    long callsAnswered;
    long lastOfferSequence;
    int consecutiveNoAnswers;

    /** The call ringing or connected at this agent, or null. */
    Call call;
    /** The call a colleague is asking this agent about (the agent is then RINGING or TALKING), or null. */
    Call consulting;
    long offeredAtMs;
    long wrapUpTimerId = TimerKinds.NO_TIMER;
    /** Queue, tier and brand of the last call, for handle-time figures after wrap-up. */
    int lastQueue = -1;
    int lastTier = -1;
    int lastBrand = -1;
    long lastQueuedAtMs;
    long lastTalkMs;
    long wrapUpStartMs;

    /**
     * Pools this agent is a member of, and its slot in each. The pools array is shared by every
     * agent with the same pools in the same order (see {@code AcdEngine.sharedPoolList}) and is
     * never written in place; the slots are the agent's own.
     */
    AgentPool[] pools = NO_POOLS;
    int[] poolSlots = new int[4];
    int poolCount;
    /**
     * Whether the agent sits in its pools' free lines. A ready agent joins them only when no
     * call waits for it, so between events this is the same as being ready.
     */
    boolean listedFree;

    /**
     * Calls whose account manager this agent is, waiting for it; made when the first such call
     * comes. Most agents never have one, and a freed agent then checks a field of its own
     * instead of fetching a line of its own from memory.
     */
    CallLine personal;

    /** The group of agents staffing the same queues: where it counts in agents-by-state. */
    int staffingGroup;
    /** Order of becoming ready, to break ties between agents freed in the same millisecond. */
    long readySequence;

    Agent(int index, AgentSpec spec, long skillsMask, long groupsMask) {
        this.index = index;
        this.skillsMask = skillsMask;
        this.groupsMask = groupsMask;
        this.wrapUpMs = spec.wrapUpSeconds() * 1000L;
    }

    /** Calls waiting for this agent as their account manager. */
    int personalWaiting() {
        return personal == null ? 0 : personal.size();
    }

    CallLine personalLine() {
        if (personal == null) {
            personal = CallLine.personalLine();
        }
        return personal;
    }

    /** Joins a pool at {@code slot}; {@code sharedPools} is the pools array with it at the end. */
    void addPool(AgentPool[] sharedPools, int slot) {
        if (poolCount == poolSlots.length) {
            poolSlots = Arrays.copyOf(poolSlots, poolCount * 2);
        }
        pools = sharedPools;
        poolSlots[poolCount] = slot;
        poolCount++;
    }

    boolean isLoggedIn() {
        return state != AgentState.LOGGED_OUT;
    }
}
