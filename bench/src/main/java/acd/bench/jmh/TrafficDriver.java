package acd.bench.jmh;

import acd.core.engine.CallView;
import acd.core.engine.DirectiveSink;
import acd.core.engine.EngineEvent;
import acd.core.engine.EventType;
import acd.core.engine.ExitReason;
import acd.core.engine.ReasonCodes;
import acd.core.engine.RoutingEngine;
import acd.core.model.RoutingConfig;

import java.util.Arrays;

/**
 * Callers and seats for a routing engine, one event at a time: calls arrive, seats answer (or
 * let one ring out), talk, hang up, finish wrap-up, now and then take a break; impatient callers
 * hang up while waiting. The driver is the engine's {@link DirectiveSink}: every offer the
 * engine makes schedules the seat's answer, so the stream reacts to the engine's decisions, and
 * two engines that decide alike see the very same stream.
 *
 * <p>Arrivals are paced against completions so that about {@code targetWaiting} calls wait at
 * any time, and handle times are set so that they wait about a minute on average: below the
 * queues' 120 s wait bound, so the tier weights, not the bound, decide most offers. Time moves
 * from event to event. Every pending action sits in a fixed-delay {@link DelayLane}; once warm
 * the driver allocates nothing.
 *
 * <p>The driver also checks the engine: an offer of a call that is not waiting, to a seat that
 * is busy or lacks a required skill, or an engine-side give-up it did not ask for, throws.
 */
public final class TrafficDriver implements DirectiveSink {
    /** Sees every offer an engine makes; tests use it to compare engines offer by offer. */
    @FunctionalInterface
    public interface OfferObserver {
        void offered(long timeMs, long callId, int agentIndex);
    }

    static final long MEAN_WAIT_AT_TARGET_MS = 60_000;
    static final long QUICK_ANSWER_MS = 1_500;
    static final long SLOW_ANSWER_MS = 3_000;
    /** A seat that lets the call ring out; well inside the 15 s ring timeout. */
    static final long RING_OUT_MS = 6_000;
    static final long BREAK_REQUEST_MS = 1_000;
    static final long WRAP_UP_MS = 3_000;
    static final long BREAK_MS = 30_000;
    static final long PATIENCE_MS = 20_000;
    /** Talk time classes as shares of the mean talk time; their mean is 1. */
    static final double[] TALK_SHARES = {0.3, 0.6, 0.9, 1.3, 1.9};
    static final int RING_OUT_ONE_IN = 40;
    static final int BREAK_ONE_IN = 50;
    static final int IMPATIENT_ONE_IN = 10;
    static final int EXTRA_SKILL_ONE_IN = 20;
    /** While the floor fills up at opening, a call a millisecond. */
    static final long FILL_GAP_MICROS = 1_000;

    private static final int QUICK_ANSWER = 0;
    private static final int SLOW_ANSWER = 1;
    private static final int RING_OUT = 2;
    private static final int BREAK_REQUEST = 3;
    private static final int WRAP_UP_DONE = 4;
    private static final int BACK_FROM_BREAK = 5;
    private static final int ABANDON = 6;
    private static final int HANG_UP = 7;

    private static final long NO_CALL = 0;
    private static final long WAITING = 1;
    private static final long RINGING = 2;
    private static final long TALKING = 3;

    // A call's slot: two longs, so a slot never straddles two cache lines. The first holds the
    // call id and the driver's view of the call; the second the seat it rings at (agent and
    // offer number) and the skills it needs.
    private static final int ID_AND_STATE = 0;
    private static final int SEAT_AND_NEEDS = 1;
    private static final int SLOT_WIDTH = 2;
    private static final int STATE_BITS = 2;
    private static final long STATE_MASK = (1L << STATE_BITS) - 1;
    private static final int NEEDS_BITS = RoutingWorkload.SKILLS;
    private static final long NEEDS_MASK = (1L << NEEDS_BITS) - 1;
    private static final int OFFER_BITS = 20;
    private static final long OFFER_MASK = (1L << OFFER_BITS) - 1;

    // An agent's word: skills in the low bits, the driver's view of the seat in the top ones.
    private static final long FREE = 1L << 63;
    private static final long MISSED_LAST = 1L << 62;
    private static final long ON_BREAK = 1L << 61;
    private static final long SKILL_BITS = (1L << 61) - 1;

    private static final String[] CALLER_NUMBERS = {"13800138000", "13912345678", "15000000001", "18611112222"};
    private static final String IVR_PATH = "1-2";

    private final int agentCount;
    private final int targetWaiting;
    /** Skills and flags per agent: one load tells whether the engine may ring the seat. */
    private final long[] agentWord;
    private final RoutingWorkload.SplitMix random;
    private final long talkMeanMs;
    private final long baseGapMicros;
    /** Per queue, the neighbouring skill a call may also need, or 0 where no agent has both. */
    private final long[] neighbourSkill;

    private final int slotMask;
    /** Calls in progress by call id modulo the table size, {@link #SLOT_WIDTH} longs each. */
    private final long[] slots;

    private final DelayLane[] lanes;
    /** Each lane's next due time, {@code Long.MAX_VALUE} when empty: the earliest is one pass over a few longs. */
    private final long[] laneDueMs;
    private final EngineEvent event = new EngineEvent();
    private RoutingEngine engine;
    private OfferObserver observer;

    private int loginCursor;
    private boolean filling = true;
    private long nowMs = RoutingWorkload.OPENING_MS;
    private long arrivalMicros = RoutingWorkload.OPENING_MS * 1000 + FILL_GAP_MICROS;
    private long lastCallId;
    private int waiting;

    private long events;
    private long arrivals;
    private long offers;
    private long answered;
    private long ringOuts;
    private long abandoned;
    private long completed;
    private long breaks;

    public TrafficDriver(RoutingConfig config, int targetWaiting, long seed) {
        if (targetWaiting < 1) {
            throw new IllegalArgumentException("targetWaiting must be at least 1, got " + targetWaiting);
        }
        if (config.queues().size() != RoutingWorkload.QUEUES || config.skills().size() != RoutingWorkload.SKILLS) {
            throw new IllegalArgumentException("the driver plays a RoutingWorkload floor");
        }
        if (config.agents().size() >= 1L << (Long.SIZE - OFFER_BITS - NEEDS_BITS)) {
            // A call's slot keeps its seat in the bits above the offer number and the skills.
            throw new IllegalArgumentException("the driver seats at most "
                    + ((1L << (Long.SIZE - OFFER_BITS - NEEDS_BITS)) - 1) + " agents");
        }
        this.agentCount = config.agents().size();
        this.targetWaiting = targetWaiting;
        this.agentWord = RoutingWorkload.agentSkillMasks(config);
        this.random = new RoutingWorkload.SplitMix(seed ^ 0x5DEECE66DL);
        long meanAnswerMs = (QUICK_ANSWER_MS + SLOW_ANSWER_MS) / 2;
        // Little's law: waiting = arrival rate x wait, and the arrival rate is what the agents clear.
        long handleMs = MEAN_WAIT_AT_TARGET_MS * agentCount / targetWaiting;
        this.talkMeanMs = Math.max(5_000, handleMs - meanAnswerMs - WRAP_UP_MS);
        this.baseGapMicros = Math.max(1, (talkMeanMs + meanAnswerMs + WRAP_UP_MS) * 1000 / agentCount);

        this.neighbourSkill = new long[RoutingWorkload.QUEUES];
        for (int q = 0; q < RoutingWorkload.QUEUES; q++) {
            long pair = (1L << q) | (1L << ((q + 1) % RoutingWorkload.SKILLS));
            for (long skills : agentWord) {
                if ((skills & pair) == pair) {
                    // A call nobody can take would wait for ever and clog the call table.
                    neighbourSkill[q] = 1L << ((q + 1) % RoutingWorkload.SKILLS);
                    break;
                }
            }
        }
        // A call lives through about (agents + waiting) arrivals; the slack covers the long waits and talks.
        int slotCount = Integer.highestOneBit(8 * (agentCount + targetWaiting)) << 1;
        this.slotMask = slotCount - 1;
        this.slots = new long[slotCount * SLOT_WIDTH];

        int capacity = 2 * (agentCount + targetWaiting) + 1024;
        this.lanes = new DelayLane[HANG_UP + TALK_SHARES.length];
        lanes[QUICK_ANSWER] = new DelayLane(QUICK_ANSWER, QUICK_ANSWER_MS, capacity);
        lanes[SLOW_ANSWER] = new DelayLane(SLOW_ANSWER, SLOW_ANSWER_MS, capacity);
        lanes[RING_OUT] = new DelayLane(RING_OUT, RING_OUT_MS, capacity);
        lanes[BREAK_REQUEST] = new DelayLane(BREAK_REQUEST, BREAK_REQUEST_MS, capacity);
        lanes[WRAP_UP_DONE] = new DelayLane(WRAP_UP_DONE, WRAP_UP_MS, capacity);
        lanes[BACK_FROM_BREAK] = new DelayLane(BACK_FROM_BREAK, WRAP_UP_MS + BREAK_MS, capacity);
        lanes[ABANDON] = new DelayLane(ABANDON, PATIENCE_MS, capacity);
        for (int k = 0; k < TALK_SHARES.length; k++) {
            lanes[HANG_UP + k] = new DelayLane(HANG_UP + k, Math.round(TALK_SHARES[k] * talkMeanMs), capacity);
        }
        this.laneDueMs = new long[lanes.length];
        Arrays.fill(laneDueMs, Long.MAX_VALUE);
    }

    /** The engine this driver feeds; it must have been built with this driver as its directive sink. */
    public TrafficDriver attach(RoutingEngine routingEngine) {
        this.engine = routingEngine;
        return this;
    }

    public TrafficDriver observeOffers(OfferObserver offerObserver) {
        this.observer = offerObserver;
        return this;
    }

    /** Applies the next event to the engine; returns its time. */
    public long step() {
        EngineEvent e = next();
        engine.onEvent(e);
        return e.timeMs;
    }

    /**
     * Logs every agent in, fills the floor until the target number of calls wait, then runs
     * until every seat has been through several calls: the steady state benchmarks measure.
     */
    public void warmUp() {
        while (loginCursor < 2 * agentCount || filling) {
            step();
        }
        long settle = Math.max(200_000, 20L * (agentCount + targetWaiting));
        for (long i = 0; i < settle; i++) {
            step();
        }
    }

    /**
     * Produces the next event without applying it. The caller must apply it to the attached
     * engine before asking for another: the driver's view of seats and calls assumes so.
     */
    public EngineEvent next() {
        events++;
        if (loginCursor < 2 * agentCount) {
            int agent = loginCursor >> 1;
            if ((loginCursor++ & 1) == 0) {
                return event.agentEvent(EventType.AGENT_LOGGED_IN, nowMs, agent, 0);
            }
            agentWord[agent] |= FREE;
            return event.agentEvent(EventType.AGENT_READY, nowMs, agent, 0);
        }
        while (true) {
            int kind = -1;
            long dueMs = arrivalMicros / 1000;
            for (int k = 0; k < laneDueMs.length; k++) {
                if (laneDueMs[k] < dueMs) {
                    kind = k;
                    dueMs = laneDueMs[k];
                }
            }
            nowMs = dueMs;
            if (kind < 0) {
                return arrive();
            }
            DelayLane due = lanes[kind];
            long callId = due.nextCallId();
            int agent = due.nextAgent();
            int offer = due.nextOffer();
            due.pop();
            laneDueMs[kind] = due.isEmpty() ? Long.MAX_VALUE : due.nextDueMs();
            if (act(kind, callId, agent, offer)) {
                return event;
            }
            // A stale action (the caller hung up while it rang, say): nothing to send, take the next.
        }
    }

    private EngineEvent arrive() {
        long callId = ++lastCallId;
        int s = slot(callId);
        if (state(s) != NO_CALL) {
            throw new IllegalStateException("call table too small: call " + (slots[s + ID_AND_STATE] >>> STATE_BITS)
                    + " still in progress");
        }
        int queue = random.nextInt(RoutingWorkload.QUEUES);
        int tier = drawTier();
        long extraSkills = random.nextInt(EXTRA_SKILL_ONE_IN) == 0 ? neighbourSkill[queue] : 0;
        slots[s + ID_AND_STATE] = idAndState(callId, WAITING);
        slots[s + SEAT_AND_NEEDS] = seat(-1, 0) | (1L << queue) | extraSkills;
        waiting++;
        arrivals++;
        if (random.nextInt(IMPATIENT_ONE_IN) == 0) {
            schedule(ABANDON, nowMs, callId, -1, 0);
        }
        if (filling && waiting >= targetWaiting) {
            filling = false;
        }
        long gap = filling ? FILL_GAP_MICROS : (long) (baseGapMicros * pace() * (0.5 + random.nextDouble()));
        arrivalMicros += Math.max(1, gap);
        return event.callArrived(nowMs, callId, queue, tier, EngineEvent.NONE, EngineEvent.NONE, extraSkills,
                CALLER_NUMBERS[(int) (callId & 3)], IVR_PATH);
    }

    /** Stretches arrival gaps while more than the target wait, shrinks them while fewer do. */
    private double pace() {
        double factor = 1 + 2.0 * (waiting - targetWaiting) / targetWaiting;
        return Math.max(0.5, Math.min(2.0, factor));
    }

    private int drawTier() {
        int draw = random.nextInt(1000);
        int[] mix = RoutingWorkload.TIER_MIX_PER_MILLE;
        for (int t = 0; t < mix.length - 1; t++) {
            draw -= mix[t];
            if (draw < 0) {
                return t;
            }
        }
        return mix.length - 1;
    }

    private boolean act(int kind, long callId, int agent, int offer) {
        switch (kind) {
            case QUICK_ANSWER, SLOW_ANSWER -> {
                if (!ringing(callId, agent, offer)) {
                    return false;
                }
                slots[slot(callId) + ID_AND_STATE] = idAndState(callId, TALKING);
                agentWord[agent] &= ~MISSED_LAST;
                answered++;
                schedule(HANG_UP + random.nextInt(TALK_SHARES.length), nowMs, callId, agent, offer);
                event.offerAnswered(nowMs, callId, agent);
                return true;
            }
            case RING_OUT -> {
                if (!ringing(callId, agent, offer)) {
                    return false;
                }
                slots[slot(callId) + ID_AND_STATE] = idAndState(callId, WAITING);
                waiting++;
                agentWord[agent] |= MISSED_LAST | FREE;
                ringOuts++;
                event.offerNotAnswered(nowMs, callId, agent);
                return true;
            }
            case ABANDON -> {
                int s = slot(callId);
                long idAndState = slots[s + ID_AND_STATE];
                if (idAndState == idAndState(callId, WAITING)) {
                    waiting--;
                } else if (idAndState == idAndState(callId, RINGING)) {
                    agentWord[seatAgent(slots[s + SEAT_AND_NEEDS])] |= FREE;
                } else {
                    return false;
                }
                slots[s + ID_AND_STATE] = idAndState(callId, NO_CALL);
                abandoned++;
                event.callEvent(EventType.CALLER_ABANDONED, nowMs, callId);
                return true;
            }
            case BREAK_REQUEST -> {
                event.agentEvent(EventType.AGENT_NOT_READY, nowMs, agent, ReasonCodes.FIRST_CONFIGURED);
                return true;
            }
            case WRAP_UP_DONE -> {
                if ((agentWord[agent] & ON_BREAK) == 0) {
                    agentWord[agent] |= FREE;
                }
                event.agentEvent(EventType.WRAP_UP_DONE, nowMs, agent, 0);
                return true;
            }
            case BACK_FROM_BREAK -> {
                agentWord[agent] = (agentWord[agent] & ~ON_BREAK) | FREE;
                event.agentEvent(EventType.AGENT_READY, nowMs, agent, 0);
                return true;
            }
            default -> {
                int s = slot(callId);
                if (slots[s + ID_AND_STATE] != idAndState(callId, TALKING)
                        || seatAgent(slots[s + SEAT_AND_NEEDS]) != agent) {
                    return false;
                }
                slots[s + ID_AND_STATE] = idAndState(callId, NO_CALL);
                completed++;
                if (random.nextInt(BREAK_ONE_IN) == 0) {
                    agentWord[agent] |= ON_BREAK;
                    breaks++;
                    schedule(BREAK_REQUEST, nowMs, -1, agent, 0);
                    schedule(BACK_FROM_BREAK, nowMs, -1, agent, 0);
                }
                schedule(WRAP_UP_DONE, nowMs, -1, agent, 0);
                event.callEvent(EventType.CALL_ENDED, nowMs, callId);
                return true;
            }
        }
    }

    private void schedule(int kind, long fromMs, long callId, int agent, int offer) {
        DelayLane lane = lanes[kind];
        if (lane.isEmpty()) {
            laneDueMs[kind] = fromMs + lane.delayMs;
        }
        lane.schedule(fromMs, callId, agent, offer);
    }

    private boolean ringing(long callId, int agent, int offer) {
        int s = slot(callId);
        return slots[s + ID_AND_STATE] == idAndState(callId, RINGING)
                && (slots[s + SEAT_AND_NEEDS] & ~NEEDS_MASK) == seat(agent, offer);
    }

    private int state(int s) {
        return (int) (slots[s + ID_AND_STATE] & STATE_MASK);
    }

    private static long idAndState(long callId, long state) {
        return callId << STATE_BITS | state;
    }

    private int slot(long callId) {
        return (int) (callId & slotMask) * SLOT_WIDTH;
    }

    /** The seat a call rings at and the offer's number, above the bits of the skills it needs. */
    private static long seat(int agent, int offer) {
        return (long) (agent + 1) << (OFFER_BITS + NEEDS_BITS) | (offer & OFFER_MASK) << NEEDS_BITS;
    }

    private static int seatAgent(long seatAndNeeds) {
        return (int) (seatAndNeeds >>> (OFFER_BITS + NEEDS_BITS)) - 1;
    }

    private static int seatOffer(long seatAndNeeds) {
        return (int) (seatAndNeeds >>> NEEDS_BITS & OFFER_MASK);
    }

    // ------------------------------------------------------------------ directives from the engine

    @Override
    public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
        long callId = call.callId();
        if (observer != null) {
            observer.offered(timeMs, callId, agentIndex);
        }
        int s = slot(callId);
        if (slots[s + ID_AND_STATE] != idAndState(callId, WAITING)) {
            throw new IllegalStateException("offered call " + callId + " which is not waiting");
        }
        if (agentIndex < 0 || agentIndex >= agentCount || (agentWord[agentIndex] & FREE) == 0) {
            throw new IllegalStateException("offered call " + callId + " to agent " + agentIndex + " who is busy");
        }
        long agentSeat = agentWord[agentIndex];
        long seatAndNeeds = slots[s + SEAT_AND_NEEDS];
        if ((seatAndNeeds & NEEDS_MASK & ~(agentSeat & SKILL_BITS)) != 0) {
            throw new IllegalStateException("offered call " + callId + " to agent " + agentIndex
                    + " who lacks a required skill");
        }
        agentWord[agentIndex] = agentSeat & ~FREE;
        int offer = seatOffer(seatAndNeeds) + 1;
        slots[s + ID_AND_STATE] = idAndState(callId, RINGING);
        slots[s + SEAT_AND_NEEDS] = seat(agentIndex, offer) | (seatAndNeeds & NEEDS_MASK);
        waiting--;
        offers++;
        int reaction;
        if ((agentSeat & MISSED_LAST) == 0 && random.nextInt(RING_OUT_ONE_IN) == 0) {
            // Never two in a row: the second would set the seat not ready (the no-answer limit).
            reaction = RING_OUT;
        } else {
            reaction = random.nextInt(2) == 0 ? QUICK_ANSWER : SLOW_ANSWER;
        }
        schedule(reaction, timeMs, callId, agentIndex, offer);
    }

    @Override
    public void cancelOffer(long timeMs, CallView call, int agentIndex) {
        long callId = call.callId();
        int s = slot(callId);
        if (slots[s + ID_AND_STATE] == idAndState(callId, RINGING)) {
            throw new IllegalStateException("engine gave up ringing call " + callId + " at agent " + agentIndex);
        }
    }

    @Override
    public void overflow(long timeMs, CallView call, int fromQueue, int toQueue) {
        throw new IllegalStateException("unexpected overflow of call " + call.callId());
    }

    @Override
    public void sendToVoicemail(long timeMs, CallView call, ExitReason reason) {
        throw new IllegalStateException("unexpected voicemail for call " + call.callId() + ": " + reason);
    }

    @Override
    public void disconnect(long timeMs, CallView call, ExitReason reason) {
        throw new IllegalStateException("unexpected disconnect of call " + call.callId() + ": " + reason);
    }

    // ------------------------------------------------------------------ figures

    /** Calls waiting for a seat (not ringing, not talking). */
    public int waiting() {
        return waiting;
    }

    public long nowMs() {
        return nowMs;
    }

    public long events() {
        return events;
    }

    public long arrivals() {
        return arrivals;
    }

    public long offers() {
        return offers;
    }

    public long answered() {
        return answered;
    }

    public long ringOuts() {
        return ringOuts;
    }

    public long abandoned() {
        return abandoned;
    }

    public long completed() {
        return completed;
    }

    public long breaks() {
        return breaks;
    }

    public long talkMeanMs() {
        return talkMeanMs;
    }

    @Override
    public String toString() {
        return String.format("%,d events over %,d s: %,d arrived, %,d offers, %,d answered, %,d rang out, "
                        + "%,d abandoned, %,d completed, %,d breaks, %,d waiting now",
                events, (nowMs - RoutingWorkload.OPENING_MS) / 1000, arrivals, offers, answered, ringOuts,
                abandoned, completed, breaks, waiting);
    }
}
