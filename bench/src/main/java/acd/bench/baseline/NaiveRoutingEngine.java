package acd.bench.baseline;

import acd.core.engine.AgentState;
import acd.core.engine.CallState;
import acd.core.engine.CallView;
import acd.core.engine.DirectiveSink;
import acd.core.engine.EngineEvent;
import acd.core.engine.HangupSide;
import acd.core.engine.ReasonCodes;
import acd.core.engine.RoutingEngine;
import acd.core.engine.WaitingOrder;
import acd.core.model.AgentSelection;
import acd.core.model.AgentSpec;
import acd.core.model.NoAgentsAction;
import acd.core.model.QueueOrdering;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierSpec;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The routing most ACDs do (Asterisk's app_queue among them), kept as the yardstick for
 * {@link acd.core.engine.AcdEngine}: one lock around everything, every agent in one array and
 * every waiting call in one list. An arriving call scans all agents for the free eligible one
 * who has been idle longest; a freed agent scans all waiting calls for the best one it may take.
 * The rules are the engine's (longest idle; weighted wait with the tier weights and offsets,
 * the queue's wait bound, first come first served within a tier), so both make the same offers
 * for the same events; only the data layout differs.
 *
 * <p>It models what the benchmark floor uses: longest-idle selection, no tier rules, no
 * maximum wait, no announcements, callers wait when nobody is logged in. Ring and wrap-up
 * timeouts are not modelled: the floor always answers and finishes wrap-up before them. Calls
 * for an own account manager are routed like any other. A configuration outside this is refused
 * at construction rather than routed differently.
 */
public final class NaiveRoutingEngine implements RoutingEngine {
    private final ReentrantLock lock = new ReentrantLock();
    private final DirectiveSink directives;

    private final Seat[] agents;
    private final List<Caller> waiting = new ArrayList<>(8192);
    private final Long2ObjectHashMap<Caller> calls = new Long2ObjectHashMap<>(16384, 0.65f);
    private final ArrayDeque<Caller> spareCalls = new ArrayDeque<>(16384);

    private final long[] queueSkills;
    private final long[] queueWaitBoundMs;
    private final long[] queueRingTimeoutMs;
    private final QueueOrdering[] queueOrdering;
    private final double[] tierWeight;
    private final long[] tierOffsetMs;
    private final int defaultTier;
    private final int noAnswerLimit;

    private long now;
    private long callSequence;
    private long readySequence;
    private long rejectedEvents;

    public NaiveRoutingEngine(RoutingConfig config, long startTimeMs, DirectiveSink directives) {
        this.directives = directives;
        this.now = startTimeMs;
        if (!config.tierRules().isEmpty()) {
            throw new IllegalArgumentException("the baseline does not model tier rules");
        }
        List<String> skills = config.skills();
        int queues = config.queues().size();
        this.queueSkills = new long[queues];
        this.queueWaitBoundMs = new long[queues];
        this.queueRingTimeoutMs = new long[queues];
        this.queueOrdering = new QueueOrdering[queues];
        for (int q = 0; q < queues; q++) {
            QueueSpec spec = config.queues().get(q);
            if (spec.agentSelection() != AgentSelection.LONGEST_IDLE || spec.maxWaitSeconds() > 0
                    || spec.announceEverySeconds() > 0 || spec.whenNoAgents() != NoAgentsAction.WAIT) {
                throw new IllegalArgumentException("queue " + spec.id() + ": the baseline models longest-idle "
                        + "queues without max wait, announcements or refusal only");
            }
            for (String skill : spec.requiredSkills()) {
                queueSkills[q] |= 1L << skillIndex(skills, skill);
            }
            queueWaitBoundMs[q] = spec.waitBoundSeconds() * 1000L;
            queueRingTimeoutMs[q] = spec.ringTimeoutSeconds() * 1000L;
            queueOrdering[q] = spec.ordering();
        }
        int tiers = config.tiers().size();
        this.tierWeight = new double[tiers];
        this.tierOffsetMs = new long[tiers];
        for (int t = 0; t < tiers; t++) {
            TierSpec tier = config.tiers().get(t);
            tierWeight[t] = tier.weight();
            tierOffsetMs[t] = Math.round(tier.offsetSeconds() * 1000);
        }
        this.defaultTier = config.defaultTier() == null ? tiers - 1 : config.tierIndex(config.defaultTier());
        this.noAnswerLimit = Math.max(1, config.noAnswerLimit());
        this.agents = new Seat[config.agents().size()];
        for (int a = 0; a < agents.length; a++) {
            AgentSpec spec = config.agents().get(a);
            long mask = 0;
            for (String skill : spec.skills().keySet()) {
                mask |= 1L << skillIndex(skills, skill);
            }
            agents[a] = new Seat(a, mask, spec.wrapUpSeconds() * 1000L);
        }
        for (int i = 0; i < 1024; i++) {
            spareCalls.push(new Caller());
        }
    }

    private static int skillIndex(List<String> skills, String skill) {
        int i = skills.indexOf(skill);
        if (i < 0) {
            throw new IllegalArgumentException("unknown skill '" + skill + "'");
        }
        return i;
    }

    @Override
    public void onEvent(EngineEvent e) {
        lock.lock();
        try {
            if (e.timeMs > now) {
                now = e.timeMs;
            }
            switch (e.type) {
                case CALL_ARRIVED -> callArrived(e);
                case CALLER_ABANDONED -> callerAbandoned(e);
                case AGENT_LOGGED_IN -> agentLoggedIn(e);
                case AGENT_LOGGED_OUT -> agentLoggedOut(e);
                case AGENT_READY -> agentReady(e);
                case AGENT_NOT_READY -> agentNotReady(e);
                case OFFER_ANSWERED -> offerAnswered(e);
                case OFFER_NOT_ANSWERED -> offerNotAnswered(e);
                case CALL_ENDED -> callEnded(e);
                case WRAP_UP_DONE -> wrapUpDone(e);
                case TICK -> {
                }
            }
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ the two scans

    /** Every agent, once: the free one with every required skill who has been idle longest. */
    private Seat longestIdleFreeAgent(long needs) {
        Seat best = null;
        for (Seat agent : agents) {
            if (agent.state == AgentState.READY && (agent.skills & needs) == needs
                    && (best == null || agent.readySequence < best.readySequence)) {
                best = agent;
            }
        }
        return best;
    }

    /** Every waiting call, once: the one the agent should take first, or -1. */
    private int bestWaitingCallFor(Seat agent) {
        int best = -1;
        Caller bestCall = null;
        for (int i = 0, n = waiting.size(); i < n; i++) {
            Caller call = waiting.get(i);
            if ((call.needs & ~agent.skills) == 0 && (bestCall == null || goesBefore(call, bestCall))) {
                best = i;
                bestCall = call;
            }
        }
        return best;
    }

    /** The engine's order ({@link WaitingOrder}), on this layout's figures. */
    private boolean goesBefore(Caller a, Caller b) {
        long waitA = now - a.placeMs;
        long waitB = now - b.placeMs;
        long boundA = queueWaitBoundMs[a.queue];
        long boundB = queueWaitBoundMs[b.queue];
        return WaitingOrder.goesBefore(boundA > 0 && waitA >= boundA, score(a, waitA), a.tier, a.placeMs, a.sequence,
                boundB > 0 && waitB >= boundB, score(b, waitB), b.tier, b.placeMs, b.sequence,
                a.queue == b.queue && queueOrdering[a.queue] == QueueOrdering.STRICT);
    }

    private double score(Caller call, long waitMs) {
        QueueOrdering ordering = queueOrdering[call.queue];
        return WaitingOrder.score(waitMs, WaitingOrder.weight(ordering, tierWeight[call.tier]),
                WaitingOrder.offsetMs(ordering, tierOffsetMs[call.tier]));
    }

    // ------------------------------------------------------------------ calls

    private void callArrived(EngineEvent e) {
        if (e.queueIndex < 0 || e.queueIndex >= queueSkills.length || e.callId < 0 || calls.containsKey(e.callId)) {
            rejectedEvents++;
            return;
        }
        Caller call = spareCalls.isEmpty() ? new Caller() : spareCalls.pop();
        call.callId = e.callId;
        call.sequence = ++callSequence;
        call.queue = e.queueIndex;
        call.tier = e.tierIndex >= 0 && e.tierIndex < tierWeight.length ? e.tierIndex : defaultTier;
        call.brand = e.brandIndex;
        call.accountManager = e.accountManagerIndex;
        call.needs = queueSkills[e.queueIndex] | e.extraSkillsMask;
        call.callerNumber = e.callerNumber;
        call.ivrPath = e.ivrPath;
        call.arrivedAtMs = now;
        call.queuedAtMs = now;
        call.placeMs = now;
        calls.put(call.callId, call);
        routeOrWait(call);
    }

    private void routeOrWait(Caller call) {
        call.state = CallState.QUEUED;
        Seat agent = longestIdleFreeAgent(call.needs);
        if (agent != null) {
            offer(call, agent);
        } else {
            call.lineIndex = waiting.size();
            waiting.add(call);
        }
    }

    private void leaveLine(Caller call) {
        int at = call.lineIndex;
        Caller last = waiting.remove(waiting.size() - 1);
        if (last != call) {
            waiting.set(at, last);
            last.lineIndex = at;
        }
        call.lineIndex = -1;
    }

    private void offer(Caller call, Seat agent) {
        call.state = CallState.OFFERED;
        call.agent = agent;
        agent.call = call;
        agent.state = AgentState.RINGING;
        directives.offerCall(now, call, agent.index, queueRingTimeoutMs[call.queue]);
    }

    private void offerAnswered(EngineEvent e) {
        Caller call = calls.get(e.callId);
        if (call == null || call.state != CallState.OFFERED || call.agent.index != e.agentIndex) {
            rejectedEvents++;
            return;
        }
        call.state = CallState.CONNECTED;
        call.agent.state = AgentState.TALKING;
        call.agent.consecutiveNoAnswers = 0;
    }

    private void offerNotAnswered(EngineEvent e) {
        Caller call = calls.get(e.callId);
        if (call == null || call.state != CallState.OFFERED || call.agent.index != e.agentIndex) {
            rejectedEvents++;
            return;
        }
        ringEnded(call, e.reasonCode != ReasonCodes.NOT_DELIVERED);
    }

    /** Back to its place in line (or straight to a colleague), then the seat is freed or set not ready. */
    private void ringEnded(Caller call, boolean agentMissedIt) {
        Seat agent = call.agent;
        agent.call = null;
        call.agent = null;
        routeOrWait(call);
        if (agentMissedIt && ++agent.consecutiveNoAnswers >= noAnswerLimit && !agent.logoutPending) {
            agent.consecutiveNoAnswers = 0;
            agent.notReadyPending = false;
            agent.state = AgentState.NOT_READY;
            agent.reasonCode = ReasonCodes.NO_ANSWER;
            return;
        }
        afterWork(agent);
    }

    private void callEnded(EngineEvent e) {
        Caller call = calls.get(e.callId);
        if (call == null) {
            rejectedEvents++;
            return;
        }
        if (call.state != CallState.CONNECTED) {
            abandon(call);
            return;
        }
        Seat agent = call.agent;
        agent.call = null;
        release(call);
        if (agent.wrapUpMs > 0 && !agent.logoutPending) {
            agent.state = AgentState.WRAP_UP;
        } else {
            afterWork(agent);
        }
    }

    private void callerAbandoned(EngineEvent e) {
        Caller call = calls.get(e.callId);
        if (call == null || call.state == CallState.CONNECTED) {
            rejectedEvents++;
            return;
        }
        abandon(call);
    }

    private void abandon(Caller call) {
        if (call.state == CallState.OFFERED) {
            Seat ringing = call.agent;
            directives.cancelOffer(now, call, ringing.index);
            ringing.call = null;
            release(call);
            afterWork(ringing);
        } else {
            leaveLine(call);
            release(call);
        }
    }

    private void release(Caller call) {
        calls.remove(call.callId);
        call.reset();
        spareCalls.push(call);
    }

    // ------------------------------------------------------------------ agents

    private Seat agentOf(EngineEvent e) {
        if (e.agentIndex < 0 || e.agentIndex >= agents.length) {
            rejectedEvents++;
            return null;
        }
        return agents[e.agentIndex];
    }

    private void agentLoggedIn(EngineEvent e) {
        Seat agent = agentOf(e);
        if (agent == null) {
            return;
        }
        if (agent.state != AgentState.LOGGED_OUT) {
            rejectedEvents++;
            return;
        }
        agent.consecutiveNoAnswers = 0;
        agent.logoutPending = false;
        agent.notReadyPending = false;
        agent.state = AgentState.NOT_READY;
        agent.reasonCode = ReasonCodes.LOGGED_IN;
    }

    private void agentLoggedOut(EngineEvent e) {
        Seat agent = agentOf(e);
        if (agent == null) {
            return;
        }
        switch (agent.state) {
            case LOGGED_OUT -> rejectedEvents++;
            case READY, NOT_READY -> logOut(agent);
            case RINGING -> {
                agent.logoutPending = true;
                Caller call = agent.call;
                directives.cancelOffer(now, call, agent.index);
                ringEnded(call, false);
            }
            case TALKING -> agent.logoutPending = true;
            case WRAP_UP -> {
                agent.logoutPending = true;
                afterWork(agent);
            }
        }
    }

    private void logOut(Seat agent) {
        agent.logoutPending = false;
        agent.notReadyPending = false;
        agent.state = AgentState.LOGGED_OUT;
        agent.reasonCode = 0;
    }

    private void agentReady(EngineEvent e) {
        Seat agent = agentOf(e);
        if (agent == null) {
            return;
        }
        switch (agent.state) {
            case LOGGED_OUT -> rejectedEvents++;
            case NOT_READY -> becomeReady(agent);
            case WRAP_UP -> {
                agent.notReadyPending = false;
                afterWork(agent);
            }
            case TALKING, RINGING -> agent.notReadyPending = false;
            case READY -> {
            }
        }
    }

    private void agentNotReady(EngineEvent e) {
        Seat agent = agentOf(e);
        if (agent == null) {
            return;
        }
        switch (agent.state) {
            case LOGGED_OUT -> rejectedEvents++;
            case READY, NOT_READY -> {
                agent.state = AgentState.NOT_READY;
                agent.reasonCode = e.reasonCode;
            }
            case RINGING -> {
                agent.notReadyPending = true;
                agent.pendingReasonCode = e.reasonCode;
                Caller call = agent.call;
                directives.cancelOffer(now, call, agent.index);
                ringEnded(call, false);
            }
            case TALKING, WRAP_UP -> {
                agent.notReadyPending = true;
                agent.pendingReasonCode = e.reasonCode;
            }
        }
    }

    private void wrapUpDone(EngineEvent e) {
        Seat agent = agentOf(e);
        if (agent == null) {
            return;
        }
        if (agent.state != AgentState.WRAP_UP) {
            rejectedEvents++;
            return;
        }
        afterWork(agent);
    }

    private void afterWork(Seat agent) {
        if (agent.logoutPending) {
            logOut(agent);
        } else if (agent.notReadyPending) {
            agent.notReadyPending = false;
            agent.state = AgentState.NOT_READY;
            agent.reasonCode = agent.pendingReasonCode;
        } else {
            becomeReady(agent);
        }
    }

    private void becomeReady(Seat agent) {
        agent.state = AgentState.READY;
        agent.reasonCode = 0;
        agent.readySequence = ++readySequence;
        int best = bestWaitingCallFor(agent);
        if (best >= 0) {
            Caller call = waiting.get(best);
            leaveLine(call);
            offer(call, agent);
        }
    }

    // ------------------------------------------------------------------ queries

    public int waitingCalls() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    public int callsInProgress() {
        lock.lock();
        try {
            return calls.size();
        } finally {
            lock.unlock();
        }
    }

    public AgentState agentState(int agent) {
        lock.lock();
        try {
            return agents[agent].state;
        } finally {
            lock.unlock();
        }
    }

    public long rejectedEvents() {
        lock.lock();
        try {
            return rejectedEvents;
        } finally {
            lock.unlock();
        }
    }

    /** An agent as the baseline keeps it: one struct per seat, as app_queue's member. */
    private static final class Seat {
        final int index;
        final long skills;
        final long wrapUpMs;
        AgentState state = AgentState.LOGGED_OUT;
        int reasonCode;
        /** When the agent last became ready, as a running count: lower has been idle longer. */
        long readySequence;
        int consecutiveNoAnswers;
        boolean notReadyPending;
        int pendingReasonCode;
        boolean logoutPending;
        Caller call;

        Seat(int index, long skills, long wrapUpMs) {
            this.index = index;
            this.skills = skills;
            this.wrapUpMs = wrapUpMs;
        }
    }

    /** A call as the baseline keeps it; reused once finished. */
    private static final class Caller implements CallView {
        long callId;
        long sequence;
        CallState state;
        int queue;
        int tier;
        int brand;
        int accountManager;
        long needs;
        CharSequence callerNumber;
        CharSequence ivrPath;
        long arrivedAtMs;
        long queuedAtMs;
        long placeMs;
        int lineIndex = -1;
        Seat agent;

        void reset() {
            callId = 0;
            state = null;
            callerNumber = null;
            ivrPath = null;
            agent = null;
            lineIndex = -1;
        }

        @Override
        public long callId() {
            return callId;
        }

        @Override
        public int queueIndex() {
            return queue;
        }

        @Override
        public int tierIndex() {
            return tier;
        }

        @Override
        public int brandIndex() {
            return brand;
        }

        @Override
        public int accountManagerIndex() {
            return accountManager;
        }

        @Override
        public CharSequence callerNumber() {
            return callerNumber;
        }

        @Override
        public CharSequence ivrPath() {
            return ivrPath;
        }

        /** The baseline routes calls with no PBX behind them. */
        @Override
        public CharSequence callerChannel() {
            return null;
        }

        @Override
        public CharSequence seatChannel() {
            return null;
        }

        @Override
        public HangupSide hungUpFirst() {
            return HangupSide.UNKNOWN;
        }

        @Override
        public long arrivedAtMs() {
            return arrivedAtMs;
        }

        @Override
        public long queuedAtMs() {
            return queuedAtMs;
        }

        @Override
        public CallState state() {
            return state;
        }
    }
}
