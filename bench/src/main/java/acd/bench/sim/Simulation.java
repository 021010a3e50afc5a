package acd.bench.sim;

import acd.core.engine.AcdEngine;
import acd.core.engine.AgentState;
import acd.core.engine.CallState;
import acd.core.engine.CallView;
import acd.core.engine.DirectiveSink;
import acd.core.engine.EngineEvent;
import acd.core.engine.EngineListener;
import acd.core.engine.EventType;
import acd.core.engine.ExitReason;
import acd.core.engine.ReasonCodes;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A discrete-event simulation of a call-center floor in virtual time, driving the real
 * {@link AcdEngine}: callers arrive, wait, hang up when their patience runs out; seats ring,
 * answer or let the call ring out; talk ends; wrap-up runs on the engine's own timer. The
 * simulator keeps its own calendar of future events and feeds the engine one event at a time,
 * each stamped with its virtual time, exactly as the live adapters would. A run is a function of
 * the scenario and its seed.
 *
 * <p>Every caller's talk time and patience are a function of the seed and the caller's place in
 * the arrival sequence alone, not of when the draw happens, so two runs with the same seed that
 * differ only in routing (say FIFO against weighted ordering) meet exactly the same callers.
 */
public final class Simulation {
    /** Low bits of a call id name its stream, so no per-call map is needed to find it. */
    private static final int STREAM_BITS = 8;
    private static final long STREAM_MASK = (1L << STREAM_BITS) - 1;
    /** What a caller's own draws are for; {@link #CALLER_DRAWS} of them per caller. */
    private static final int PATIENCE = 0;
    private static final int TALK = 1;
    private static final int TALK_SPREAD = 2;
    private static final int CALLER_DRAWS = 4;

    private static final int ARRIVAL = 0;
    private static final int PATIENCE_ENDS = 1;
    private static final int SEAT_ANSWERS = 2;
    private static final int SEAT_RINGS_OUT = 3;
    private static final int HANG_UP = 4;
    /** A tick at the moment an engine timer is known to fall due (end of wrap-up). */
    private static final int TIMER_DUE = 5;
    private static final int PERIODIC_TICK = 6;
    private static final int AGENT_RETURNS = 7;

    /**
     * The engine only fires timers when an event arrives, so while a waiting call has a timer
     * (widening step, max wait, account-manager wait) the simulator ticks at least this often.
     */
    static final long TICK_INTERVAL_MS = 250;
    /** A run whose callers nobody can serve stops this long after the last arrival. */
    static final long DRAIN_LIMIT_MS = 24L * 3600 * 1000;

    private final Scenario scenario;
    private final RoutingConfig config;
    private final Traffic traffic;
    private final AcdEngine engine;
    private final EngineEvent event = new EngineEvent();
    private final EventCalendar calendar = new EventCalendar(1024);
    private final OutcomeTally tally;

    private final SplittableRandom arrivalRandom;
    private final SplittableRandom seatRandom;
    private final long callerKey;

    private final int[] streamQueue;
    private final int[] streamTier;
    private final int[] streamBrand;
    private final int[] streamAccountManager;
    private final long[] streamExtraSkills;
    private final double[] streamCumulativeShare;
    private final double[] streamAhtMs;
    private final double[] streamPatienceMs;
    private final double logNormalSigma;

    private final long[] wrapUpMs;
    private final long[] offerToken;
    private final long ringDelayMs;
    private final double meanArrivalGapMs;

    private long now;
    private double arrivalClockMs;
    private long arrivals;
    private long offers;
    private int agentsRinging;
    private int agentsInWrapUp;
    private boolean periodicTickPending;
    private long lastEngineEventMs;
    private long lastArrivalMs = -1;

    private final AgentState[] agentState;
    private final long[] agentStateSinceMs;
    private long busyMs;
    private long availableMs;
    private boolean occupancyClosed;

    private Simulation(Scenario scenario) {
        this.scenario = scenario;
        this.config = scenario.config().withQueues(withoutAnnouncements(scenario.config().queues()));
        this.traffic = scenario.traffic();
        this.ringDelayMs = Math.round(traffic.ringDelaySeconds() * 1000);
        this.tally = new OutcomeTally(config, ringDelayMs);
        this.engine = new AcdEngine(config, 0, new Seats(), new Outcomes());

        SplittableRandom root = new SplittableRandom(traffic.seed());
        arrivalRandom = root.split();
        seatRandom = root.split();
        callerKey = root.nextLong();

        List<CallerStream> streams = traffic.streams();
        int n = streams.size();
        streamQueue = new int[n];
        streamTier = new int[n];
        streamBrand = new int[n];
        streamAccountManager = new int[n];
        streamExtraSkills = new long[n];
        streamCumulativeShare = new double[n];
        streamAhtMs = new double[n];
        streamPatienceMs = new double[n];
        double totalShare = 0;
        for (CallerStream s : streams) {
            totalShare += s.share();
        }
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            CallerStream s = streams.get(i);
            streamQueue[i] = required(config.queueIndex(s.queue()), "queue", s.queue());
            streamTier[i] = s.tier() == null ? -1 : required(config.tierIndex(s.tier()), "tier", s.tier());
            streamBrand[i] = s.brand() == null ? -1 : required(config.brandIndex(s.brand()), "brand", s.brand());
            streamAccountManager[i] = s.accountManager() == null ? -1
                    : required(config.agentIndex(s.accountManager()), "agent", s.accountManager());
            long mask = 0;
            for (String skill : s.extraSkills()) {
                mask |= 1L << required(config.skills().indexOf(skill), "skill", skill);
            }
            streamExtraSkills[i] = mask;
            cumulative += s.share() / totalShare;
            streamCumulativeShare[i] = cumulative;
            streamAhtMs[i] = s.ahtSeconds() * 1000;
            streamPatienceMs[i] = s.patienceSeconds() * 1000;
        }
        streamCumulativeShare[n - 1] = 1.0;
        double cv = traffic.handleTimeCv();
        logNormalSigma = Math.sqrt(Math.log(1 + cv * cv));

        int agents = config.agents().size();
        wrapUpMs = new long[agents];
        for (int a = 0; a < agents; a++) {
            wrapUpMs[a] = config.agents().get(a).wrapUpSeconds() * 1000L;
        }
        offerToken = new long[agents];
        agentState = new AgentState[agents];
        agentStateSinceMs = new long[agents];
        Arrays.fill(agentState, AgentState.LOGGED_OUT);
        meanArrivalGapMs = 1000.0 / traffic.arrivalsPerSecond();
    }

    /**
     * Announcements only tell callers where they stand; they route nothing. Turning them off
     * spares the engine a timer per waiting caller and the simulator the ticks to fire them.
     */
    private static List<QueueSpec> withoutAnnouncements(List<QueueSpec> queues) {
        List<QueueSpec> out = new ArrayList<>(queues.size());
        for (QueueSpec q : queues) {
            out.add(q.withAnnounceEverySeconds(0));
        }
        return out;
    }

    private static int required(int index, String what, String name) {
        if (index < 0) {
            throw new IllegalArgumentException("traffic names unknown " + what + " '" + name + "'");
        }
        return index;
    }

    /** Runs the scenario to the end: every call arrived and every caller served, gone or stuck. */
    public static SimulationReport run(Scenario scenario) {
        return new Simulation(scenario).execute();
    }

    private SimulationReport execute() {
        long started = System.nanoTime();
        for (int a = 0; a < agentState.length; a++) {
            send(event.agentEvent(EventType.AGENT_LOGGED_IN, 0, a, 0));
            send(event.agentEvent(EventType.AGENT_READY, 0, a, 0));
        }
        scheduleNextArrival();
        while (calendar.next()) {
            now = calendar.time;
            if (lastArrivalMs >= 0 && now - lastArrivalMs > DRAIN_LIMIT_MS) {
                break;
            }
            switch (calendar.kind) {
                case ARRIVAL -> arrive();
                case PATIENCE_ENDS -> patienceEnds(calendar.callId);
                case SEAT_ANSWERS -> seatAnswers(calendar.callId, calendar.agent, calendar.token);
                case SEAT_RINGS_OUT -> seatRingsOut(calendar.callId, calendar.agent, calendar.token);
                case HANG_UP -> send(event.callEvent(EventType.CALL_ENDED, now, calendar.callId));
                case TIMER_DUE -> send(event.tick(now));
                case PERIODIC_TICK -> periodicTick();
                case AGENT_RETURNS -> agentReturns(calendar.agent);
                default -> throw new IllegalStateException("unknown simulation event " + calendar.kind);
            }
        }
        long wall = System.nanoTime() - started;
        closeOccupancy();
        double occupancy = busyMs + availableMs > 0 ? (double) busyMs / (busyMs + availableMs) : Double.NaN;
        return new SimulationReport(scenario.name(), tally.rows(), arrivals, traffic.warmUpCalls(), traffic.seed(),
                agentState.length, traffic.offeredErlangs(), occupancy, engine.now() / 1000.0,
                engine.processedEvents(), engine.rejectedEvents(), engine.callsInProgress(), wall, engine.board());
    }

    private void send(EngineEvent e) {
        engine.onEvent(e);
        lastEngineEventMs = e.timeMs;
        if (!periodicTickPending && engine.pendingTimers() > agentsRinging + agentsInWrapUp) {
            // Some waiting call has a timer (ring and wrap-up timers are resolved by the simulator's own events).
            periodicTickPending = true;
            calendar.schedule(now + TICK_INTERVAL_MS, PERIODIC_TICK, 0, -1, 0);
        }
    }

    private void periodicTick() {
        periodicTickPending = false;
        long due = lastEngineEventMs + TICK_INTERVAL_MS;
        if (due > now) {
            // Another event reached the engine since this tick was planned: its timers were looked at then.
            periodicTickPending = true;
            calendar.schedule(due, PERIODIC_TICK, 0, -1, 0);
            return;
        }
        send(event.tick(now));
    }

    private void scheduleNextArrival() {
        arrivalClockMs += meanArrivalGapMs * arrivalRandom.nextExponential();
        calendar.schedule(Math.round(arrivalClockMs), ARRIVAL, 0, -1, 0);
    }

    private void arrive() {
        long sequence = ++arrivals;
        double pick = arrivalRandom.nextDouble();
        int s = 0;
        while (pick >= streamCumulativeShare[s]) {
            s++;
        }
        long callId = (sequence << STREAM_BITS) | s;
        if (streamPatienceMs[s] > 0) {
            long patienceMs = Math.round(streamPatienceMs[s] * -Math.log(callerUniform(sequence, PATIENCE)));
            calendar.schedule(now + patienceMs, PATIENCE_ENDS, callId, -1, 0);
        }
        if (arrivals < traffic.calls()) {
            scheduleNextArrival();
        } else {
            lastArrivalMs = now;
        }
        send(event.callArrived(now, callId, streamQueue[s], streamTier[s], streamBrand[s], streamAccountManager[s],
                streamExtraSkills[s], null, null));
        if (lastArrivalMs >= 0) {
            closeOccupancy();
        }
    }

    private long talkMs(long callId) {
        long sequence = callId >>> STREAM_BITS;
        double mean = streamAhtMs[(int) (callId & STREAM_MASK)];
        double u = callerUniform(sequence, TALK);
        double ms;
        if (traffic.handleTime() == Traffic.HandleTime.LOG_NORMAL) {
            double mu = Math.log(mean) - logNormalSigma * logNormalSigma / 2;
            double gaussian = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * callerUniform(sequence, TALK_SPREAD));
            ms = Math.exp(mu + logNormalSigma * gaussian);
        } else {
            ms = -mean * Math.log(u);
        }
        return Math.round(ms);
    }

    /**
     * A uniform draw in (0, 1] for one caller and purpose: the SplitMix64 sequence at a position
     * given by the caller's arrival number, so it does not matter when or whether it is drawn.
     */
    private double callerUniform(long sequence, int purpose) {
        long z = callerKey + (sequence * CALLER_DRAWS + purpose) * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z ^= z >>> 31;
        return ((z >>> 11) + 1) * 0x1.0p-53;
    }

    private boolean measured(long callId) {
        return (callId >>> STREAM_BITS) > traffic.warmUpCalls();
    }

    private void patienceEnds(long callId) {
        CallState state = engine.callState(callId);
        if (state != null && state != CallState.CONNECTED) {
            send(event.callEvent(EventType.CALLER_ABANDONED, now, callId));
        }
    }

    private void seatAnswers(long callId, int agent, long token) {
        if (offerToken[agent] == token) {
            offerToken[agent] = 0;
            send(event.offerAnswered(now, callId, agent));
        }
    }

    private void seatRingsOut(long callId, int agent, long token) {
        if (offerToken[agent] == token) {
            offerToken[agent] = 0;
            send(event.offerNotAnswered(now, callId, agent));
        }
    }

    private void agentReturns(int agent) {
        if (engine.agentState(agent) == AgentState.NOT_READY) {
            send(event.agentEvent(EventType.AGENT_READY, now, agent, 0));
        }
    }

    private void closeOccupancy() {
        if (occupancyClosed) {
            return;
        }
        for (int a = 0; a < agentState.length; a++) {
            countStateTime(a, now);
        }
        occupancyClosed = true;
    }

    private void countStateTime(int agent, long untilMs) {
        long spent = untilMs - agentStateSinceMs[agent];
        switch (agentState[agent]) {
            case READY -> availableMs += spent;
            case RINGING, TALKING, WRAP_UP -> busyMs += spent;
            default -> {
            }
        }
        agentStateSinceMs[agent] = untilMs;
    }

    /** The seat phones: they ring, get picked up after the ring delay, or ring out. */
    private final class Seats implements DirectiveSink {
        @Override
        public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
            long token = ++offers;
            offerToken[agentIndex] = token;
            boolean picksUp = traffic.noAnswerProbability() == 0
                    || seatRandom.nextDouble() >= traffic.noAnswerProbability();
            if (picksUp && ringDelayMs < ringTimeoutMs) {
                calendar.schedule(timeMs + ringDelayMs, SEAT_ANSWERS, call.callId(), agentIndex, token);
            } else {
                calendar.schedule(timeMs + ringTimeoutMs, SEAT_RINGS_OUT, call.callId(), agentIndex, token);
            }
        }

        @Override
        public void cancelOffer(long timeMs, CallView call, int agentIndex) {
            offerToken[agentIndex] = 0;
        }

        @Override
        public void overflow(long timeMs, CallView call, int fromQueue, int toQueue) {
            if (measured(call.callId())) {
                tally.overflowed(fromQueue, call.tierIndex());
            }
        }

        @Override
        public void sendToVoicemail(long timeMs, CallView call, ExitReason reason) {
            callerLeft(call, reason);
        }

        @Override
        public void disconnect(long timeMs, CallView call, ExitReason reason) {
            callerLeft(call, reason);
        }

        private void callerLeft(CallView call, ExitReason reason) {
            if (!measured(call.callId())) {
                return;
            }
            switch (reason) {
                case MAX_WAIT -> tally.timedOut(call.queueIndex(), call.tierIndex());
                case NO_AGENTS -> tally.refused(call.queueIndex(), call.tierIndex());
                // the engine counts a call caught in an overflow loop as overflowed, then lets it go
                case OVERFLOW_LOOP -> tally.overflowed(call.queueIndex(), call.tierIndex());
            }
        }
    }

    /** What the engine reports: outcomes for the tally, hang-ups and wrap-up ends to schedule. */
    private final class Outcomes implements EngineListener {
        @Override
        public void callQueued(long timeMs, CallView call) {
            if (measured(call.callId())) {
                tally.queued(call.queueIndex(), call.tierIndex());
            }
        }

        @Override
        public void callConnected(long timeMs, CallView call, int agentIndex) {
            calendar.schedule(timeMs + talkMs(call.callId()), HANG_UP, call.callId(), agentIndex, 0);
            if (measured(call.callId())) {
                tally.answered(call.queueIndex(), call.tierIndex(), call.queuedAtMs(), timeMs - call.queuedAtMs());
            }
        }

        @Override
        public void callAbandoned(long timeMs, CallView call, long waitMs) {
            if (measured(call.callId())) {
                tally.abandoned(call.queueIndex(), call.tierIndex(), call.queuedAtMs(), waitMs);
            }
        }

        @Override
        public void agentStateChanged(long timeMs, int agentIndex, AgentState from, AgentState to, int reasonCode) {
            if (!occupancyClosed) {
                countStateTime(agentIndex, timeMs);
            }
            agentState[agentIndex] = to;
            if (from == AgentState.RINGING) {
                agentsRinging--;
            }
            if (to == AgentState.RINGING) {
                agentsRinging++;
            }
            if (from == AgentState.WRAP_UP) {
                agentsInWrapUp--;
            }
            if (to == AgentState.WRAP_UP) {
                agentsInWrapUp++;
                calendar.schedule(timeMs + wrapUpMs[agentIndex], TIMER_DUE, 0, agentIndex, 0);
            }
            if (to == AgentState.NOT_READY && reasonCode == ReasonCodes.NO_ANSWER) {
                calendar.schedule(timeMs + Math.round(traffic.backAfterNoAnswerSeconds() * 1000), AGENT_RETURNS, 0,
                        agentIndex, 0);
            }
        }
    }
}
