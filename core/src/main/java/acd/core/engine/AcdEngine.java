package acd.core.engine;

import acd.core.metrics.ServiceLevelBoard;
import acd.core.model.AgentChange;
import acd.core.model.AgentSpec;
import acd.core.model.MaxWaitAction;
import acd.core.model.NoAgentsAction;
import acd.core.model.QueueOrdering;
import acd.core.model.RoutingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The routing engine: a deterministic single-writer state machine. Events go in with their
 * own timestamps; directives come out. One thread calls {@link #onEvent}; it never reads a
 * clock, draws a random number or touches I/O, so the same engine runs live behind the ring,
 * in the virtual-time simulator and in replay.
 *
 * <p>Routing never scans all agents or all calls. Agents sit in {@link AgentPool}s, one per
 * distinct eligibility (required skills, admitted seat groups, selection strategy), with the
 * free ones kept in the strategy's order. Waiting calls sit in {@link CallLine}s per pool,
 * queue and tier, oldest first. A call looks at one pool's best free agent; a freed agent
 * looks at the heads of its pools' lines. After every event no free agent is eligible for any
 * waiting call, which is what makes those two looks enough.
 */
public final class AcdEngine implements RoutingEngine {
    private static final Logger LOG = LoggerFactory.getLogger(AcdEngine.class);

    /** The seat's own ring timeout comes from the PBX; the engine gives up this much later. */
    public static final long RING_GRACE_MS = 5_000;
    /** Timers are checked at least this often in event time (a TICK always checks). */
    static final long TIMER_POLL_INTERVAL_MS = 10;
    private static final long TIMER_TICK_MS = 64;
    private static final int TIMER_TICKS_PER_WHEEL = 1024;
    private static final long MAX_CALL_ID = (1L << 56) - 1;

    private final RoutingConfig config;
    private final DirectiveSink directives;
    private final EngineListener listener;
    private final ServiceLevelBoard board;
    private final ReasonCodes reasons;

    /** The configuration in indexed form. */
    private final RoutingIndex index;
    final Agent[] agents;
    /** Each agent's id and skill levels, apart from its routing state (see {@link Agent}). */
    final String[] agentIds;
    private final SkillLevels skillLevels;
    final QueueRuntime[] queues;

    private final Map<List<Integer>, Integer> staffingGroupIds = new HashMap<>();
    private final List<int[]> staffingGroupQueues = new ArrayList<>();
    final List<AgentPool> pools = new ArrayList<>();
    private final Map<PoolKey, AgentPool> poolsByKey = new HashMap<>();
    private final Map<List<AgentPool>, AgentPool[]> sharedPoolLists = new HashMap<>();
    private final PoolKey poolProbe = new PoolKey();
    private final Route[] routes;
    private final Map<RouteKey, Route> extraSkillRoutes = new HashMap<>();
    private final RouteKey routeProbe = new RouteKey();

    final CallTable calls = new CallTable(8192);
    private final ArrayDeque<Call> spareCalls = new ArrayDeque<>(4096);
    private final EngineTimers timers;
    private final List<Call> scratchCalls = new ArrayList<>();

    private long now;
    private long nextTimerPollMs;
    private long callSequence;
    private long offerSequence;
    private long readySequence;
    private long rejectedEvents;
    private long processedEvents;

    public AcdEngine(RoutingConfig config, long startTimeMs, DirectiveSink directives, EngineListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.directives = Objects.requireNonNull(directives, "directives");
        this.listener = listener == null ? EngineListener.NONE : listener;
        this.now = startTimeMs;
        this.nextTimerPollMs = startTimeMs;
        this.reasons = new ReasonCodes(config.notReadyReasons());
        this.timers = new EngineTimers(startTimeMs, TIMER_TICK_MS, TIMER_TICKS_PER_WHEEL, this::onTimerExpiry);

        this.index = new RoutingIndex(config);

        this.agents = new Agent[index.agentCount()];
        this.agentIds = new String[agents.length];
        this.skillLevels = new SkillLevels(agents.length);
        for (int a = 0; a < agents.length; a++) {
            agentIds[a] = index.agentId(a);
            skillLevels.set(a, index.agentProficiency(a));
            agents[a] = new Agent(a, config.agents().get(a), index.agentSkills(a), index.agentGroups(a));
        }
        this.queues = new QueueRuntime[index.queueCount()];
        for (int q = 0; q < queues.length; q++) {
            queues[q] = new QueueRuntime(q, config.queues().get(q), index.queueSkills(q));
            queues[q].overflowTarget = index.overflowTarget(q);
        }

        // Agents who staff the same queues form one group, so the board counts states per group.
        int[] groupOfAgent = new int[agents.length];
        for (Agent agent : agents) {
            agent.staffingGroup = staffingGroupOf(agent);
            groupOfAgent[agent.index] = agent.staffingGroup;
        }

        int[] thresholds = new int[queues.length];
        int[] shortAbandons = new int[queues.length];
        for (int q = 0; q < queues.length; q++) {
            thresholds[q] = queues[q].spec.thresholdSeconds();
            shortAbandons[q] = queues[q].spec.shortAbandonSeconds();
        }
        this.board = new ServiceLevelBoard(thresholds, shortAbandons, index.tiers(), config.brands().size());
        board.agentsConfigured(groupOfAgent, staffingGroupQueues.toArray(new int[0][]));
        board.publishTime(startTimeMs);

        this.routes = new Route[index.routeCount()];
        for (int q = 0; q < queues.length; q++) {
            for (int t = 0; t < index.tiers(); t++) {
                for (int b = 0; b < index.brandSlots(); b++) {
                    int route = index.routeIndex(q, t, b == index.brandSlots() - 1 ? -1 : b);
                    routes[route] = compileRoute(queues[q], index.plan(route), 0L);
                }
            }
        }
        for (int i = 0; i < 1024; i++) {
            spareCalls.push(new Call());
        }
    }

    /** The group of agents who staff exactly the queues this agent has the skills for. */
    private int staffingGroupOf(Agent agent) {
        List<Integer> staffed = new ArrayList<>();
        for (QueueRuntime queue : queues) {
            if ((agent.skillsMask & queue.skillsMask) == queue.skillsMask) {
                staffed.add(queue.index);
            }
        }
        Integer group = staffingGroupIds.get(staffed);
        if (group == null) {
            group = staffingGroupQueues.size();
            staffingGroupIds.put(staffed, group);
            staffingGroupQueues.add(staffed.stream().mapToInt(Integer::intValue).toArray());
        }
        return group;
    }

    /** The pools a call of this route may reach, step by step, for its queue's skills and any extra. */
    private Route compileRoute(QueueRuntime queue, RoutingIndex.WideningPlan plan, long extraSkills) {
        long skills = queue.skillsMask | extraSkills;
        AgentPool[] stepPools = new AgentPool[plan.steps()];
        for (int i = 0; i < stepPools.length; i++) {
            stepPools[i] = pool(skills, plan.groupsMask()[i], queue);
        }
        return new Route(plan.afterMs(), stepPools);
    }

    /** The pool for an eligibility, created (and filled from all agents) on first use. */
    private AgentPool pool(long skills, long groups, QueueRuntime queue) {
        poolProbe.set(skills, groups, queue.selection.ordinal());
        AgentPool pool = poolsByKey.get(poolProbe);
        if (pool != null) {
            return pool;
        }
        pool = AgentPool.create(pools.size(), skills, groups, queue.selection, skillLevels);
        pools.add(pool);
        PoolKey key = new PoolKey();
        key.set(skills, groups, queue.selection.ordinal());
        poolsByKey.put(key, pool);
        List<Agent> free = new ArrayList<>();
        for (Agent agent : agents) {
            if (pool.admits(agent)) {
                joinPool(agent, pool);
                if (agent.isLoggedIn()) {
                    pool.loggedIn++;
                }
                if (agent.listedFree) {
                    free.add(agent);
                }
            }
        }
        // A pool made while agents are already free must line them up as if it had always existed.
        free.sort(Comparator.comparingLong((Agent a) -> a.freeSinceMs).thenComparingLong(a -> a.readySequence));
        for (Agent agent : free) {
            pool.markFree(agent.poolSlots[agent.poolCount - 1], agent);
        }
        return pool;
    }

    private Route routeFor(Call call) {
        int ri = index.routeIndex(call.queueIndex, call.tierIndex, call.brandIndex);
        if (call.extraSkillsMask == 0) {
            return routes[ri];
        }
        routeProbe.set(ri, call.extraSkillsMask);
        Route route = extraSkillRoutes.get(routeProbe);
        if (route == null) {
            route = compileRoute(queues[call.queueIndex], index.plan(ri), call.extraSkillsMask);
            RouteKey key = new RouteKey();
            key.set(ri, call.extraSkillsMask);
            extraSkillRoutes.put(key, route);
        }
        return route;
    }

    // ------------------------------------------------------------------ events

    @Override
    public void onEvent(EngineEvent e) {
        if (e.timeMs < now) {
            // Producers on several threads may stamp a hair out of order; time never runs back.
            e.timeMs = now;
        }
        now = e.timeMs;
        processedEvents++;
        if (e.type == EventType.TICK || now >= nextTimerPollMs) {
            pollTimers();
        }
        switch (e.type) {
            case CALL_ARRIVED -> onCallArrived(e);
            case CALLER_ABANDONED -> onCallerAbandoned(e);
            case AGENT_LOGGED_IN -> onAgentLoggedIn(e);
            case AGENT_LOGGED_OUT -> onAgentLoggedOut(e);
            case AGENT_READY -> onAgentReady(e);
            case AGENT_NOT_READY -> onAgentNotReady(e);
            case OFFER_ANSWERED -> onOfferAnswered(e);
            case OFFER_NOT_ANSWERED -> onOfferNotAnswered(e);
            case CALL_ENDED -> onCallEnded(e);
            case WRAP_UP_DONE -> onWrapUpDone(e);
            case AGENT_CHANGED -> onAgentChanged(e);
            case TICK -> publishGauges();
        }
    }

    private void reject(EngineEvent e, String why) {
        rejectedEvents++;
        // One line per bad event while they are rare; a flood is summarised, never a log storm.
        if (rejectedEvents <= 100 || Long.bitCount(rejectedEvents) == 1) {
            LOG.warn("ignored {}: {} (ignored so far: {})", e, why, rejectedEvents);
        }
        listener.eventRejected(e, why);
    }

    private void onCallArrived(EngineEvent e) {
        if (e.callId < 0 || e.callId > MAX_CALL_ID) {
            reject(e, "call id out of range");
            return;
        }
        if (calls.containsKey(e.callId)) {
            reject(e, "call already known");
            return;
        }
        if (e.queueIndex < 0 || e.queueIndex >= queues.length) {
            reject(e, "unknown queue");
            return;
        }
        if ((e.extraSkillsMask & ~index.allSkillsMask()) != 0) {
            reject(e, "unknown skill in required skills");
            return;
        }
        Call call = spareCalls.isEmpty() ? new Call() : spareCalls.pop();
        call.callId = e.callId;
        call.sequence = ++callSequence;
        call.tierIndex = e.tierIndex >= 0 && e.tierIndex < index.tiers() ? e.tierIndex : index.defaultTier();
        call.brandIndex = e.brandIndex >= 0 && e.brandIndex < index.brandSlots() - 1 ? e.brandIndex : -1;
        call.accountManagerIndex = e.accountManagerIndex >= 0 && e.accountManagerIndex < agents.length
                ? e.accountManagerIndex : -1;
        call.extraSkillsMask = e.extraSkillsMask;
        call.callerNumber = e.callerNumber;
        call.ivrPath = e.ivrPath;
        call.callerChannel = e.channelId;
        call.placeMs = now;
        calls.put(call);
        enterQueue(call, e.queueIndex);
    }

    private void enterQueue(Call call, int queueIndex) {
        QueueRuntime queue = queues[queueIndex];
        call.queueIndex = queueIndex;
        call.queuedAtMs = now;
        call.route = routeFor(call);
        call.maxWaitPassed = false;
        board.recordOffered(queueIndex, call.tierIndex, call.brandIndex, now);
        call.state = CallState.QUEUED;
        listener.callQueued(now, call);
        if (queue.maxWaitMs > 0) {
            call.maxWaitTimerId = schedule(now + queue.maxWaitMs, TimerKinds.MAX_WAIT, call.callId);
        }
        Agent manager = call.accountManagerIndex >= 0 && call.overflowHops == 0 ? agents[call.accountManagerIndex] : null;
        if (manager != null && manager.isLoggedIn() && !manager.logoutPending && queue.accountManagerWaitMs > 0) {
            call.state = CallState.WAITING_FOR_ACCOUNT_MANAGER;
            call.step = -1;
            call.pool = null;
            if (manager.state == AgentState.READY) {
                offer(call, manager);
            } else {
                manager.personalLine().add(call);
                call.stepTimerId = schedule(now + queue.accountManagerWaitMs, TimerKinds.STEP, call.callId);
                startAnnouncements(call, queue);
            }
            return;
        }
        if (call.route.widest().loggedIn == 0 && queue.whenNoAgents != NoAgentsAction.WAIT) {
            nobodyToWaitFor(call, queue);
            return;
        }
        startQueueing(call);
        if (call.state == CallState.QUEUED) {
            startAnnouncements(call, queue);
        }
    }

    private void startAnnouncements(Call call, QueueRuntime queue) {
        if (queue.announceEveryMs > 0) {
            announce(call);
            call.announceTimerId = schedule(now + queue.announceEveryMs, TimerKinds.ANNOUNCE, call.callId);
        }
    }

    private void nobodyToWaitFor(Call call, QueueRuntime queue) {
        cancelWaitTimers(call);
        if (queue.whenNoAgents == NoAgentsAction.OVERFLOW && queue.overflowTarget >= 0) {
            overflow(call, queue.overflowTarget);
        } else {
            board.recordRefused(call.queueIndex, call.tierIndex, call.brandIndex, call.queuedAtMs);
            directives.disconnect(now, call, ExitReason.NO_AGENTS);
            release(call);
        }
    }

    /** Puts the call in line at the step its wait has reached, or straight to a free agent. */
    private void startQueueing(Call call) {
        call.state = CallState.QUEUED;
        Route route = call.route;
        call.step = route.stepFor(now - call.placeMs);
        call.pool = route.pools[call.step];
        scheduleNextStep(call);
        routeOrWait(call);
    }

    private void scheduleNextStep(Call call) {
        cancel(call.stepTimerId);
        call.stepTimerId = TimerKinds.NO_TIMER;
        Route route = call.route;
        if (call.step + 1 < route.afterMs.length) {
            call.stepTimerId = schedule(call.placeMs + route.afterMs[call.step + 1], TimerKinds.STEP, call.callId);
        }
    }

    private void routeOrWait(Call call) {
        int agent = call.pool.bestFreeAgent();
        if (agent >= 0) {
            offer(call, agents[agent]);
        } else {
            lineFor(call.pool, call.queueIndex, call.tierIndex).add(call);
        }
    }

    private CallLine lineFor(AgentPool pool, int queueIndex, int tierIndex) {
        CallLine line = pool.lineFor(queueIndex, tierIndex);
        if (line == null) {
            QueueRuntime queue = queues[queueIndex];
            line = new CallLine(queueIndex, tierIndex, pool, weight(queue, tierIndex), offsetMs(queue, tierIndex),
                    queue.pastBoundAtMs, queue.ordering == QueueOrdering.STRICT);
            pool.addLine(line);
            queues[queueIndex].addLine(line);
        }
        return line;
    }

    private void offer(Call call, Agent agent) {
        if (call.line != null) {
            call.line.remove(call);
        }
        QueueRuntime queue = queues[call.queueIndex];
        call.state = CallState.OFFERED;
        call.offeredTo = agent;
        calls.seat(call, agent);
        agent.call = call;
        agent.offeredAtMs = now;
        agent.lastOfferSequence = ++offerSequence;
        changeState(agent, AgentState.RINGING, 0);
        call.ringTimerId = schedule(now + queue.ringTimeoutMs + RING_GRACE_MS, TimerKinds.RING, call.callId);
        directives.offerCall(now, call, agent.index, queue.ringTimeoutMs);
    }

    private void onOfferAnswered(EngineEvent e) {
        Call call = calls.get(e.callId);
        if (call == null) {
            reject(e, "answer for an unknown or finished call");
            return;
        }
        if (call.state != CallState.OFFERED || call.offeredTo.index != e.agentIndex) {
            reject(e, "answer for a call not offered to this agent");
            return;
        }
        Agent agent = call.offeredTo;
        cancel(call.ringTimerId);
        call.ringTimerId = TimerKinds.NO_TIMER;
        cancelWaitTimers(call);
        call.state = CallState.CONNECTED;
        call.seatChannel = e.channelId;
        agent.callsAnswered++;
        agent.consecutiveNoAnswers = 0;
        agent.offeredAtMs = now;
        long waitMs = now - call.queuedAtMs;
        board.recordAnswered(call.queueIndex, call.tierIndex, call.brandIndex, call.queuedAtMs, waitMs);
        changeState(agent, AgentState.TALKING, 0);
        listener.callConnected(now, call, agent.index);
    }

    private void onOfferNotAnswered(EngineEvent e) {
        Call call = calls.get(e.callId);
        if (call == null) {
            reject(e, "no-answer for an unknown or finished call");
            return;
        }
        if (call.state != CallState.OFFERED || call.offeredTo.index != e.agentIndex) {
            reject(e, "no-answer for a call not offered to this agent");
            return;
        }
        ringEnded(call, e.reasonCode != ReasonCodes.NOT_DELIVERED, e.reasonCode == ReasonCodes.UNREACHABLE);
    }

    /**
     * The seat did not take the call: the call goes back to its place in line first (so a
     * colleague who is free gets it), then the agent is freed or, after too many misses in a
     * row, set not ready. A phone that cannot ring at all sets its agent not ready at once: no
     * call should wait a ring timeout on it.
     */
    private void ringEnded(Call call, boolean agentMissedIt, boolean phoneUnreachable) {
        Agent agent = call.offeredTo;
        cancel(call.ringTimerId);
        call.ringTimerId = TimerKinds.NO_TIMER;
        listener.ringNoAnswer(now, call, agent.index, now - agent.offeredAtMs);
        agent.call = null;
        call.offeredTo = null;
        // The agent stays reserved (out of every pool) until the call has found its place again.
        returnToLine(call);
        if (phoneUnreachable && !agent.logoutPending) {
            agent.consecutiveNoAnswers = 0;
            agent.notReadyPending = false;
            changeState(agent, AgentState.NOT_READY, ReasonCodes.UNREACHABLE);
            return;
        }
        if (agentMissedIt && ++agent.consecutiveNoAnswers >= index.noAnswerLimit() && !agent.logoutPending) {
            agent.consecutiveNoAnswers = 0;
            agent.notReadyPending = false;
            changeState(agent, AgentState.NOT_READY, ReasonCodes.NO_ANSWER);
            return;
        }
        afterWork(agent);
    }

    private void returnToLine(Call call) {
        if (call.maxWaitPassed) {
            call.state = CallState.QUEUED;
            maxWaitReached(call);
        } else if (call.step < 0) {
            // The account manager did not pick up: nobody else should wait on them.
            fallBackToQueue(call);
        } else {
            call.state = CallState.QUEUED;
            routeOrWait(call);
        }
    }

    private void onCallEnded(EngineEvent e) {
        Call call = calls.get(e.callId);
        // The agent from beside the call's slot, not through the call: the two load side by side.
        Agent agent = calls.seatHint(e.callId);
        if (call == null) {
            reject(e, "hang-up for an unknown or finished call");
            return;
        }
        if (call.state != CallState.CONNECTED) {
            // Hung up before anyone answered: that is an abandon.
            abandon(call);
            return;
        }
        if (agent != call.offeredTo) {
            // A call kept apart from the slot of its id (another call holds it): the call decides.
            agent = call.offeredTo;
        }
        long talkMs = now - agent.offeredAtMs;
        call.hungUpFirst = e.hungUpFirst != null ? e.hungUpFirst : HangupSide.UNKNOWN;
        listener.callCompleted(now, call, agent.index, talkMs);
        agent.lastQueue = call.queueIndex;
        agent.lastTier = call.tierIndex;
        agent.lastBrand = call.brandIndex;
        agent.lastQueuedAtMs = call.queuedAtMs;
        agent.lastTalkMs = talkMs;
        agent.call = null;
        release(call);
        agent.wrapUpStartMs = now;
        if (agent.wrapUpMs > 0 && !agent.logoutPending) {
            changeState(agent, AgentState.WRAP_UP, 0);
            agent.wrapUpTimerId = schedule(now + agent.wrapUpMs, TimerKinds.WRAP_UP, agent.index);
        } else {
            finishWrapUp(agent);
        }
    }

    private void onCallerAbandoned(EngineEvent e) {
        Call call = calls.get(e.callId);
        if (call == null) {
            reject(e, "abandon for an unknown or finished call");
            return;
        }
        if (call.state == CallState.CONNECTED) {
            reject(e, "abandon for a call already answered");
            return;
        }
        abandon(call);
    }

    private void abandon(Call call) {
        Agent ringing = call.state == CallState.OFFERED ? call.offeredTo : null;
        long waitMs = now - call.queuedAtMs;
        board.recordAbandoned(call.queueIndex, call.tierIndex, call.brandIndex, call.queuedAtMs, waitMs);
        listener.callAbandoned(now, call, waitMs);
        if (ringing != null) {
            directives.cancelOffer(now, call, ringing.index);
            ringing.call = null;
            release(call);
            afterWork(ringing);
        } else {
            release(call);
        }
    }

    private void onWrapUpDone(EngineEvent e) {
        Agent agent = agentOf(e);
        if (agent == null) {
            return;
        }
        if (agent.state != AgentState.WRAP_UP) {
            reject(e, "wrap-up done while not in wrap-up");
            return;
        }
        finishWrapUp(agent);
    }

    private void finishWrapUp(Agent agent) {
        cancel(agent.wrapUpTimerId);
        agent.wrapUpTimerId = TimerKinds.NO_TIMER;
        long handleMs = agent.lastTalkMs + (now - agent.wrapUpStartMs);
        board.recordHandled(agent.lastQueue, agent.lastTier, agent.lastBrand, agent.lastQueuedAtMs, handleMs);
        QueueRuntime queue = queues[agent.lastQueue];
        queue.handledCalls++;
        queue.handleSumMs += handleMs;
        afterWork(agent);
    }

    /** The agent has no call: log out, go not ready or take the next call, as asked. */
    private void afterWork(Agent agent) {
        if (agent.logoutPending) {
            logOut(agent);
        } else if (agent.notReadyPending) {
            agent.notReadyPending = false;
            changeState(agent, AgentState.NOT_READY, agent.pendingReasonCode);
        } else {
            becomeReady(agent);
        }
    }

    private Agent agentOf(EngineEvent e) {
        if (e.agentIndex < 0 || e.agentIndex >= agents.length) {
            reject(e, "unknown agent");
            return null;
        }
        return agents[e.agentIndex];
    }

    private void onAgentLoggedIn(EngineEvent e) {
        Agent agent = agentOf(e);
        if (agent == null) {
            return;
        }
        if (agent.isLoggedIn()) {
            reject(e, "agent already logged in");
            return;
        }
        agent.callsAnswered = 0;
        agent.consecutiveNoAnswers = 0;
        agent.logoutPending = false;
        agent.notReadyPending = false;
        changeState(agent, AgentState.NOT_READY, ReasonCodes.LOGGED_IN);
    }

    private void onAgentLoggedOut(EngineEvent e) {
        Agent agent = agentOf(e);
        if (agent == null) {
            return;
        }
        switch (agent.state) {
            case LOGGED_OUT -> reject(e, "agent not logged in");
            case READY, NOT_READY -> logOut(agent);
            case RINGING -> {
                agent.logoutPending = true;
                Call call = agent.call;
                directives.cancelOffer(now, call, agent.index);
                ringEnded(call, false, false);
            }
            case TALKING -> {
                agent.logoutPending = true;
                // Whoever waits for this account manager would wait for nobody.
                drainPersonalLine(agent);
            }
            case WRAP_UP -> {
                agent.logoutPending = true;
                finishWrapUp(agent);
            }
        }
    }

    private void logOut(Agent agent) {
        agent.logoutPending = false;
        agent.notReadyPending = false;
        changeState(agent, AgentState.LOGGED_OUT, 0);
        drainPersonalLine(agent);
        releaseCallsNobodyCanTake(agent);
    }

    private void drainPersonalLine(Agent agent) {
        while (agent.personalWaiting() > 0) {
            fallBackToQueue(agent.personal.peek());
        }
    }

    private void onAgentReady(EngineEvent e) {
        Agent agent = agentOf(e);
        if (agent == null) {
            return;
        }
        switch (agent.state) {
            case LOGGED_OUT -> reject(e, "ready from an agent not logged in");
            case NOT_READY -> becomeReady(agent);
            case WRAP_UP -> {
                agent.notReadyPending = false;
                finishWrapUp(agent);
            }
            case TALKING, RINGING -> agent.notReadyPending = false;
            case READY -> {
            }
        }
    }

    private void onAgentNotReady(EngineEvent e) {
        Agent agent = agentOf(e);
        if (agent == null) {
            return;
        }
        switch (agent.state) {
            case LOGGED_OUT -> reject(e, "not ready from an agent not logged in");
            case READY, NOT_READY -> changeState(agent, AgentState.NOT_READY, e.reasonCode);
            case RINGING -> {
                agent.notReadyPending = true;
                agent.pendingReasonCode = e.reasonCode;
                Call call = agent.call;
                directives.cancelOffer(now, call, agent.index);
                ringEnded(call, false, false);
            }
            case TALKING, WRAP_UP -> {
                agent.notReadyPending = true;
                agent.pendingReasonCode = e.reasonCode;
            }
        }
    }

    /**
     * New skills or seat groups take effect at the next routing decision: the agent leaves the
     * pools it no longer qualifies for and joins the ones it now does, keeping its state and its
     * place (a free agent stays as long idle as it was). A call ringing or talking at the seat is
     * not touched.
     */
    private void onAgentChanged(EngineEvent e) {
        Agent agent = agentOf(e);
        if (agent == null) {
            return;
        }
        AgentChange change = e.agentChange;
        if (change == null || (change.skills() == null && change.seatGroups() == null)) {
            reject(e, "no change given");
            return;
        }
        long skills = agent.skillsMask;
        long groups = agent.groupsMask;
        byte[] proficiency = null;
        if (change.skills() != null) {
            proficiency = new byte[64];
            skills = 0;
            for (Map.Entry<String, Integer> s : change.skills().entrySet()) {
                Integer bit = index.skillBit(s.getKey());
                Integer level = s.getValue();
                if (bit == null || level == null || level < AgentSpec.BEST_PROFICIENCY
                        || level > AgentSpec.WORST_PROFICIENCY) {
                    reject(e, "bad skill " + s.getKey() + "=" + level);
                    return;
                }
                proficiency[bit] = level.byteValue();
                skills |= 1L << bit;
            }
        }
        if (change.seatGroups() != null) {
            groups = 0;
            for (String g : change.seatGroups()) {
                Integer bit = index.groupBit(g);
                if (bit == null) {
                    reject(e, "unknown seat group " + g);
                    return;
                }
                groups |= 1L << bit;
            }
        }

        boolean free = agent.state == AgentState.READY;
        boolean loggedIn = agent.isLoggedIn();
        unlistFree(agent);
        agent.skillsMask = skills;
        agent.groupsMask = groups;
        if (proficiency != null) {
            skillLevels.set(agent.index, proficiency);
        }
        int kept = 0;
        boolean emptied = false;
        // The pools array is shared with colleagues: rewrite a copy of it.
        agent.pools = agent.pools.clone();
        for (int p = 0; p < agent.poolCount; p++) {
            AgentPool pool = agent.pools[p];
            int slot = agent.poolSlots[p];
            if (pool.admits(agent)) {
                pool.rejoin(slot, agent);
                agent.pools[kept] = pool;
                agent.poolSlots[kept] = slot;
                kept++;
            } else {
                pool.leave(slot);
                if (loggedIn) {
                    pool.loggedIn--;
                    emptied |= pool.loggedIn == 0;
                }
            }
        }
        int before = kept;
        agent.poolCount = kept;
        agent.pools = sharedPoolList(Arrays.copyOf(agent.pools, kept));
        for (AgentPool pool : pools) {
            if (pool.admits(agent) && !isMember(agent, pool, before)) {
                joinPool(agent, pool);
                if (loggedIn) {
                    pool.loggedIn++;
                }
            }
        }

        int group = staffingGroupOf(agent);
        if (group != agent.staffingGroup) {
            board.agentRegrouped(agent.staffingGroup, group, staffingGroupQueues.get(group), agent.state);
            agent.staffingGroup = group;
        }
        if (free && !findWork(agent)) {
            listFree(agent);
        }
        if (emptied) {
            releaseCallsWithNobodyToWaitFor();
        }
    }

    private void joinPool(Agent agent, AgentPool pool) {
        int slot = pool.join(agent);
        AgentPool[] joined = Arrays.copyOf(agent.pools, agent.poolCount + 1);
        joined[agent.poolCount] = pool;
        agent.addPool(sharedPoolList(joined), slot);
    }

    /**
     * The one array for this list of pools. Agents who qualify for the same pools read them
     * from the same array, which the many freed before them keep in cache; an array of its own
     * would mostly be fetched from memory, an agent's turn coming round only every few minutes.
     */
    private AgentPool[] sharedPoolList(AgentPool[] list) {
        return sharedPoolLists.computeIfAbsent(Arrays.asList(list), key -> list);
    }

    private static boolean isMember(Agent agent, AgentPool pool, int among) {
        for (int p = 0; p < among; p++) {
            if (agent.pools[p] == pool) {
                return true;
            }
        }
        return false;
    }

    /**
     * The agent is ready: it takes a waiting call at once if there is one, and only otherwise
     * joins its pools' free lines. On a busy floor most agents never reach those lines, which
     * spares touching every pool's slot arrays twice (in, then straight out again).
     */
    private void becomeReady(Agent agent) {
        changeState(agent, AgentState.READY, 0);
        if (!findWork(agent)) {
            listFree(agent);
        }
    }

    private static void listFree(Agent agent) {
        for (int p = 0; p < agent.poolCount; p++) {
            agent.pools[p].markFree(agent.poolSlots[p], agent);
        }
        agent.listedFree = true;
    }

    private static void unlistFree(Agent agent) {
        if (agent.listedFree) {
            for (int p = 0; p < agent.poolCount; p++) {
                agent.pools[p].markBusy(agent.poolSlots[p]);
            }
            agent.listedFree = false;
        }
    }

    /**
     * A freed agent takes its own customers first, then the best head of its pools' lines.
     * Returns whether it was offered a call.
     */
    private boolean findWork(Agent agent) {
        if (agent.personalWaiting() > 0) {
            offer(agent.personal.peek(), agent);
            return true;
        }
        CallLine best = quickBestLine(agent);
        if (quickPassUndecided) {
            best = weighedBestLine(agent);
        }
        if (best != null) {
            offer(best.peek(), agent);
            return true;
        }
        return false;
    }

    /**
     * Set by {@link #quickBestLine}: a head waited past its bound or a line is in strict
     * priority, so the quick pass cannot decide and every rule must be weighed.
     */
    private boolean quickPassUndecided;

    /**
     * The best head of the agent's lines when none waited past its queue's bound and none is in
     * strict priority, as on almost every offer: then the weighted wait alone decides, and
     * the place in line breaks a tie. One pass without a branch per line but the rare new best;
     * an empty line's wait is negative, so it never beats a line with a call. Sets
     * {@link #quickPassUndecided} when those rules do not settle it; else returns the line or null.
     */
    private CallLine quickBestLine(Agent agent) {
        CallLine best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        boolean weighInFull = false;
        for (int p = 0; p < agent.poolCount; p++) {
            AgentPool pool = agent.pools[p];
            CallLine[] lines = pool.lines;
            for (int b = 0; b < pool.lineCount; b++) {
                CallLine line = lines[b];
                long waitMs = now - line.headPlaceMs;
                weighInFull |= line.strict | waitMs >= line.pastBoundAtMs;
                // WaitingOrder's weighted wait and tie-break, written out: this loop runs on every offer
                double score = waitMs * line.weight + line.offsetMs;
                if (score >= bestScore && (score > bestScore || line.headPlaceMs < best.headPlaceMs
                        || line.headPlaceMs == best.headPlaceMs && line.headSequence < best.headSequence)) {
                    best = line;
                    bestScore = score;
                }
            }
        }
        quickPassUndecided = weighInFull;
        if (weighInFull) {
            return null;
        }
        return best == null || best.size() == 0 ? null : best;
    }

    /** The best head of the agent's lines by every rule of {@link #goesBefore(Call, Call)}; null if all are empty. */
    private CallLine weighedBestLine(Agent agent) {
        CallLine best = null;
        boolean bestPastBound = false;
        double bestScore = 0;
        for (int p = 0; p < agent.poolCount; p++) {
            AgentPool pool = agent.pools[p];
            CallLine[] lines = pool.lines;
            for (int b = 0; b < pool.lineCount; b++) {
                CallLine line = lines[b];
                if (line.size() == 0) {
                    continue;
                }
                long waitMs = now - line.headPlaceMs;
                boolean pastBound = waitMs >= line.pastBoundAtMs;
                double score = WaitingOrder.score(waitMs, line.weight, line.offsetMs);
                if (best == null || WaitingOrder.goesBefore(pastBound, score, line.tierIndex, line.headPlaceMs,
                        line.headSequence,
                        bestPastBound, bestScore, best.tierIndex, best.headPlaceMs, best.headSequence,
                        line.strict && line.queueIndex == best.queueIndex)) {
                    best = line;
                    bestPastBound = pastBound;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    /**
     * Whether call {@code a} should be served before {@code b}. A call past its queue's wait
     * bound goes first whatever its tier; within one queue the queue's ordering decides; across
     * queues the weighted wait does.
     */
    private boolean goesBefore(Call a, Call b) {
        QueueRuntime qa = queues[a.queueIndex];
        QueueRuntime qb = queues[b.queueIndex];
        long waitA = now - a.placeMs;
        long waitB = now - b.placeMs;
        return WaitingOrder.goesBefore(pastBound(qa, waitA), score(qa, a.tierIndex, waitA), a.tierIndex, a.placeMs,
                a.sequence,
                pastBound(qb, waitB), score(qb, b.tierIndex, waitB), b.tierIndex, b.placeMs, b.sequence,
                a.queueIndex == b.queueIndex && qa.ordering == QueueOrdering.STRICT);
    }

    private static boolean pastBound(QueueRuntime queue, long waitMs) {
        return waitMs >= queue.pastBoundAtMs;
    }

    /** The weighted wait of a call of this tier in this queue. */
    private double score(QueueRuntime queue, int tier, long waitMs) {
        return WaitingOrder.score(waitMs, weight(queue, tier), offsetMs(queue, tier));
    }

    private double weight(QueueRuntime queue, int tier) {
        return WaitingOrder.weight(queue.ordering, index.tierWeight(tier));
    }

    private double offsetMs(QueueRuntime queue, int tier) {
        return WaitingOrder.offsetMs(queue.ordering, index.tierOffsetMs(tier));
    }

    static boolean aheadInLine(Call a, Call b) {
        return WaitingOrder.aheadInLine(a.placeMs, a.sequence, b.placeMs, b.sequence);
    }

    private void changeState(Agent agent, AgentState to, int reasonCode) {
        AgentState from = agent.state;
        if (from == AgentState.READY && to != AgentState.READY) {
            unlistFree(agent);
        }
        if (from == AgentState.LOGGED_OUT && to != AgentState.LOGGED_OUT) {
            for (int p = 0; p < agent.poolCount; p++) {
                agent.pools[p].loggedIn++;
            }
        } else if (from != AgentState.LOGGED_OUT && to == AgentState.LOGGED_OUT) {
            for (int p = 0; p < agent.poolCount; p++) {
                agent.pools[p].loggedIn--;
            }
        }
        agent.state = to;
        agent.reasonCode = reasonCode;
        if (to == AgentState.READY && from != AgentState.READY) {
            agent.freeSinceMs = now;
            agent.readySequence = ++readySequence;
        }
        if (from != to) {
            board.agentStateChanged(agent.staffingGroup, from, to);
        }
        listener.agentStateChanged(now, agent.index, from, to, reasonCode);
    }

    // ------------------------------------------------------------------ waiting-call rules

    private void fallBackToQueue(Call call) {
        if (call.line != null) {
            call.line.remove(call);
        }
        cancel(call.stepTimerId);
        call.stepTimerId = TimerKinds.NO_TIMER;
        QueueRuntime queue = queues[call.queueIndex];
        if (call.route.widest().loggedIn == 0 && queue.whenNoAgents != NoAgentsAction.WAIT) {
            cancelWaitTimers(call);
            nobodyToWaitFor(call, queue);
            return;
        }
        startQueueing(call);
    }

    /** After a logout: callers who now have nobody to wait for leave as their queue says. */
    private void releaseCallsNobodyCanTake(Agent agent) {
        boolean emptied = false;
        for (int p = 0; p < agent.poolCount && !emptied; p++) {
            emptied = agent.pools[p].loggedIn == 0;
        }
        if (!emptied) {
            return;
        }
        releaseCallsWithNobodyToWaitFor();
    }

    private void releaseCallsWithNobodyToWaitFor() {
        scratchCalls.clear();
        for (QueueRuntime queue : queues) {
            if (queue.whenNoAgents == NoAgentsAction.WAIT) {
                continue;
            }
            for (int b = 0; b < queue.lineCount; b++) {
                CallLine line = queue.lines[b];
                for (int i = 0; i < line.span(); i++) {
                    Call call = line.inSlot(i);
                    if (call != null && call.route.widest().loggedIn == 0) {
                        scratchCalls.add(call);
                    }
                }
            }
        }
        for (Call call : scratchCalls) {
            call.line.remove(call);
            cancelWaitTimers(call);
            nobodyToWaitFor(call, queues[call.queueIndex]);
        }
        scratchCalls.clear();
    }

    private void maxWaitReached(Call call) {
        QueueRuntime queue = queues[call.queueIndex];
        if (call.line != null) {
            call.line.remove(call);
        }
        cancelWaitTimers(call);
        if (queue.maxWaitAction == MaxWaitAction.OVERFLOW && queue.overflowTarget >= 0) {
            overflow(call, queue.overflowTarget);
            return;
        }
        board.recordTimedOut(call.queueIndex, call.tierIndex, call.brandIndex, call.queuedAtMs);
        if (queue.maxWaitAction == MaxWaitAction.VOICEMAIL) {
            directives.sendToVoicemail(now, call, ExitReason.MAX_WAIT);
        } else {
            directives.disconnect(now, call, ExitReason.MAX_WAIT);
        }
        release(call);
    }

    private void overflow(Call call, int target) {
        if (call.line != null) {
            call.line.remove(call);
        }
        cancelWaitTimers(call);
        int from = call.queueIndex;
        board.recordOverflowed(from, call.tierIndex, call.brandIndex, call.queuedAtMs);
        if (++call.overflowHops > queues.length) {
            directives.disconnect(now, call, ExitReason.OVERFLOW_LOOP);
            release(call);
            return;
        }
        directives.overflow(now, call, from, target);
        enterQueue(call, target);
    }

    private void announce(Call call) {
        QueueRuntime queue = queues[call.queueIndex];
        int ahead = 0;
        if (call.state == CallState.WAITING_FOR_ACCOUNT_MANAGER) {
            CallLine personal = call.line;
            for (int i = 0; personal != null && i < personal.span(); i++) {
                Call other = personal.inSlot(i);
                if (other != null && aheadInLine(other, call)) {
                    ahead++;
                }
            }
        } else {
            for (int b = 0; b < queue.lineCount; b++) {
                CallLine line = queue.lines[b];
                for (int i = 0; i < line.span(); i++) {
                    Call other = line.inSlot(i);
                    if (other != null && other != call && goesBefore(other, call)) {
                        ahead++;
                    }
                }
            }
        }
        int position = ahead + 1;
        long expectedWaitMs = -1;
        if (queue.handledCalls > 0 && call.route != null) {
            long staffed = Math.max(1, call.route.widest().loggedIn);
            expectedWaitMs = position * (queue.handleSumMs / queue.handledCalls) / staffed;
        }
        directives.announcePosition(now, call, position, expectedWaitMs);
    }

    // ------------------------------------------------------------------ timers

    private long schedule(long deadlineMs, int kind, long entity) {
        // Never in the past: a timer due now would fire inside the same poll forever.
        return timers.schedule(Math.max(deadlineMs, now + 1), TimerKinds.payload(kind, entity));
    }

    private void cancel(long timerId) {
        if (timerId != TimerKinds.NO_TIMER) {
            timers.cancel(timerId);
        }
    }

    private void cancelWaitTimers(Call call) {
        cancel(call.stepTimerId);
        cancel(call.maxWaitTimerId);
        cancel(call.announceTimerId);
        call.stepTimerId = TimerKinds.NO_TIMER;
        call.maxWaitTimerId = TimerKinds.NO_TIMER;
        call.announceTimerId = TimerKinds.NO_TIMER;
    }

    private void pollTimers() {
        nextTimerPollMs = now + TIMER_POLL_INTERVAL_MS;
        timers.poll(now);
    }

    private void onTimerExpiry(long payload) {
        long entity = TimerKinds.entity(payload);
        switch (TimerKinds.kind(payload)) {
            case TimerKinds.WRAP_UP -> {
                Agent agent = agents[(int) entity];
                agent.wrapUpTimerId = TimerKinds.NO_TIMER;
                if (agent.state == AgentState.WRAP_UP) {
                    finishWrapUp(agent);
                }
            }
            case TimerKinds.RING -> {
                Call call = calls.get(entity);
                if (call != null && call.state == CallState.OFFERED) {
                    call.ringTimerId = TimerKinds.NO_TIMER;
                    directives.cancelOffer(now, call, call.offeredTo.index);
                    ringEnded(call, true, false);
                }
            }
            case TimerKinds.STEP -> {
                Call call = calls.get(entity);
                if (call != null) {
                    call.stepTimerId = TimerKinds.NO_TIMER;
                    stepReached(call);
                }
            }
            case TimerKinds.MAX_WAIT -> {
                Call call = calls.get(entity);
                if (call != null) {
                    call.maxWaitTimerId = TimerKinds.NO_TIMER;
                    if (call.state == CallState.OFFERED) {
                        call.maxWaitPassed = true;
                    } else if (call.state != CallState.CONNECTED) {
                        maxWaitReached(call);
                    }
                }
            }
            case TimerKinds.ANNOUNCE -> {
                Call call = calls.get(entity);
                if (call != null) {
                    call.announceTimerId = TimerKinds.NO_TIMER;
                    if (call.state == CallState.QUEUED || call.state == CallState.WAITING_FOR_ACCOUNT_MANAGER) {
                        announce(call);
                    }
                    if (call.state != CallState.CONNECTED) {
                        call.announceTimerId = schedule(now + queues[call.queueIndex].announceEveryMs,
                                TimerKinds.ANNOUNCE, call.callId);
                    }
                }
            }
            default -> {
            }
        }
    }

    /** The call's wait reached its next widening step, or its account-manager wait ran out. */
    private void stepReached(Call call) {
        if (call.state == CallState.WAITING_FOR_ACCOUNT_MANAGER) {
            fallBackToQueue(call);
            return;
        }
        if (call.state == CallState.CONNECTED || call.step < 0) {
            return;
        }
        call.step = call.route.stepFor(now - call.placeMs);
        AgentPool widened = call.route.pools[call.step];
        scheduleNextStep(call);
        if (widened == call.pool) {
            return;
        }
        call.pool = widened;
        if (call.state == CallState.QUEUED) {
            call.line.remove(call);
            routeOrWait(call);
        }
    }

    private void release(Call call) {
        cancel(call.ringTimerId);
        cancelWaitTimers(call);
        if (call.line != null) {
            call.line.remove(call);
        }
        calls.remove(call.callId);
        call.reset();
        spareCalls.push(call);
    }

    private void publishGauges() {
        board.publishTime(now);
        for (QueueRuntime queue : queues) {
            long oldest = Long.MAX_VALUE;
            for (int b = 0; b < queue.lineCount; b++) {
                Call head = queue.lines[b].peek();
                if (head != null && head.placeMs < oldest) {
                    oldest = head.placeMs;
                }
            }
            board.publishOldestWaiting(queue.index, oldest);
        }
    }

    // ------------------------------------------------------------------ queries (engine thread)

    public ServiceLevelBoard board() {
        return board;
    }

    public RoutingConfig config() {
        return config;
    }

    public ReasonCodes reasons() {
        return reasons;
    }

    public long now() {
        return now;
    }

    public long rejectedEvents() {
        return rejectedEvents;
    }

    public long processedEvents() {
        return processedEvents;
    }

    public int agentCount() {
        return agents.length;
    }

    public int queueCount() {
        return queues.length;
    }

    public int agentIndex(String id) {
        return config.agentIndex(id);
    }

    public String agentId(int index) {
        return agentIds[index];
    }

    public int queueIndex(String id) {
        return config.queueIndex(id);
    }

    public int tierIndex(String id) {
        return config.tierIndex(id);
    }

    public int brandIndex(String id) {
        return config.brandIndex(id);
    }

    /** The mask for a list of skill names; unknown names are an error. */
    public long skillMask(List<String> skills) {
        return index.skillMask(skills, "required skills");
    }

    public AgentState agentState(int agent) {
        return agents[agent].state;
    }

    public int agentReason(int agent) {
        return agents[agent].reasonCode;
    }

    /** The call's state, or null when the engine does not hold it (finished or unknown). */
    public CallState callState(long callId) {
        Call call = calls.get(callId);
        return call == null ? null : call.state;
    }

    /** The agent the call is offered to or talking with, or -1. */
    public int agentOfCall(long callId) {
        Call call = calls.get(callId);
        return call == null || call.offeredTo == null ? -1 : call.offeredTo.index;
    }

    /** Calls the engine holds: waiting, ringing or connected. */
    public int callsInProgress() {
        return calls.size();
    }

    /** Calls waiting in the queue's line (not ringing), account-manager waits included. */
    public int waitingCalls(int queue) {
        int n = 0;
        QueueRuntime q = queues[queue];
        for (int b = 0; b < q.lineCount; b++) {
            n += q.lines[b].size();
        }
        for (Agent agent : agents) {
            for (int i = 0; agent.personal != null && i < agent.personal.span(); i++) {
                Call call = agent.personal.inSlot(i);
                if (call != null && call.queueIndex == queue) {
                    n++;
                }
            }
        }
        return n;
    }

    public int pendingTimers() {
        return (int) timers.count();
    }

    private static final class PoolKey {
        long skills;
        long groups;
        int selection;

        void set(long skills, long groups, int selection) {
            this.skills = skills;
            this.groups = groups;
            this.selection = selection;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PoolKey k && k.skills == skills && k.groups == groups && k.selection == selection;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(skills) * 31 * 31 + Long.hashCode(groups) * 31 + selection;
        }
    }

    private static final class RouteKey {
        int route;
        long extraSkills;

        void set(int route, long extraSkills) {
            this.route = route;
            this.extraSkills = extraSkills;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RouteKey k && k.route == route && k.extraSkills == extraSkills;
        }

        @Override
        public int hashCode() {
            return route * 31 + Long.hashCode(extraSkills);
        }
    }
}
