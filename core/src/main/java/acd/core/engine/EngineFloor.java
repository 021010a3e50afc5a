package acd.core.engine;

import acd.core.metrics.ServiceLevelBoard;
import acd.core.model.BusinessHours;
import acd.core.model.ClosedAction;
import acd.core.model.OpeningCalendar;
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
 * The floor as the engine holds it: agents, queues, the pools agents sit in and the routes
 * calls take through them, compiled from the {@link RoutingIndex}; the table of calls, the
 * timers and the clock that events move. Also what every rule uses: a state change of an agent
 * (with its place on the pools' free lists), a timer set or cancelled, a call released, an
 * event refused. The rules themselves are in the classes above it, one concern each, down to
 * {@link AcdEngine}.
 */
abstract class EngineFloor {
    static final Logger LOG = LoggerFactory.getLogger(AcdEngine.class);

    /** Timers are checked at least this often in event time (a TICK always checks). */
    static final long TIMER_POLL_INTERVAL_MS = 10;
    private static final long TIMER_TICK_MS = 64;
    private static final int TIMER_TICKS_PER_WHEEL = 1024;

    final RoutingConfig config;
    final DirectiveSink directives;
    final EngineListener listener;
    final ServiceLevelBoard board;
    final ReasonCodes reasons;

    /** The configuration in indexed form. */
    final RoutingIndex index;
    final Agent[] agents;
    /** Each agent's id and skill levels, apart from its routing state (see {@link Agent}). */
    final String[] agentIds;
    final SkillLevels skillLevels;
    final QueueRuntime[] queues;

    private final Map<List<Integer>, Integer> staffingGroupIds = new HashMap<>();
    final List<int[]> staffingGroupQueues = new ArrayList<>();
    final List<AgentPool> pools = new ArrayList<>();
    private final Map<PoolKey, AgentPool> poolsByKey = new HashMap<>();
    private final Map<List<AgentPool>, AgentPool[]> sharedPoolLists = new HashMap<>();
    private final PoolKey poolProbe = new PoolKey();
    private final Route[] routes;
    private final Map<RouteKey, Route> extraSkillRoutes = new HashMap<>();
    private final RouteKey routeProbe = new RouteKey();

    final CallTable calls = new CallTable(8192);
    final ArrayDeque<Call> spareCalls = new ArrayDeque<>(4096);
    final EngineTimers timers;

    long now;
    long nextTimerPollMs;
    long callSequence;
    long offerSequence;
    long readySequence;
    long rejectedEvents;
    long processedEvents;

    EngineFloor(RoutingConfig config, long startTimeMs, DirectiveSink directives, EngineListener listener) {
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
            queues[q].peakOverflowTarget = index.peakOverflowTarget(q);
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

    /** Gives each queue the calendar {@code hours} names for it, or none (open always). */
    void applyHours(BusinessHours hours) {
        for (QueueRuntime queue : queues) {
            OpeningCalendar calendar = hours.calendarOf(queue.spec.id());
            BusinessHours.QueueHours rule = hours.queues().get(queue.spec.id());
            queue.openHours = calendar == null ? null : new OpenHours(calendar, hours.zone());
            queue.whenClosed = rule == null ? ClosedAction.VOICEMAIL : rule.whenClosed();
            queue.closedOverflowTarget = rule == null || rule.overflowQueue() == null ? -1
                    : config.queueIndex(rule.overflowQueue());
        }
    }

    /** What a timer that fires means; see {@link TimerDispatch}. */
    abstract void onTimerExpiry(long payload);

    /** The group of agents who staff exactly the queues this agent has the skills for. */
    int staffingGroupOf(Agent agent) {
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
    Route compileRoute(QueueRuntime queue, RoutingIndex.WideningPlan plan, long extraSkills) {
        long skills = queue.skillsMask | extraSkills;
        AgentPool[] stepPools = new AgentPool[plan.steps()];
        for (int i = 0; i < stepPools.length; i++) {
            stepPools[i] = pool(skills, plan.groupsMask()[i], queue);
        }
        return new Route(plan.afterMs(), stepPools);
    }

    /** The pool for an eligibility, created (and filled from all agents) on first use. */
    AgentPool pool(long skills, long groups, QueueRuntime queue) {
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

    Route routeFor(Call call) {
        return routeFor(call.queueIndex, call.tierIndex, call.brandIndex, call.extraSkillsMask);
    }

    Route routeFor(int queueIndex, int tierIndex, int brandIndex, long extraSkillsMask) {
        int ri = index.routeIndex(queueIndex, tierIndex, brandIndex);
        if (extraSkillsMask == 0) {
            return routes[ri];
        }
        routeProbe.set(ri, extraSkillsMask);
        Route route = extraSkillRoutes.get(routeProbe);
        if (route == null) {
            route = compileRoute(queues[queueIndex], index.plan(ri), extraSkillsMask);
            RouteKey key = new RouteKey();
            key.set(ri, extraSkillsMask);
            extraSkillRoutes.put(key, route);
        }
        return route;
    }

    void joinPool(Agent agent, AgentPool pool) {
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
    AgentPool[] sharedPoolList(AgentPool[] list) {
        return sharedPoolLists.computeIfAbsent(Arrays.asList(list), key -> list);
    }

    void reject(EngineEvent e, String why) {
        rejectedEvents++;
        // One line per bad event while they are rare; a flood is summarised, never a log storm.
        if (rejectedEvents <= 100 || Long.bitCount(rejectedEvents) == 1) {
            LOG.warn("ignored {}: {} (ignored so far: {})", e, why, rejectedEvents);
        }
        listener.eventRejected(e, why);
    }

    long schedule(long deadlineMs, int kind, long entity) {
        // Never in the past: a timer due now would fire inside the same poll forever.
        return timers.schedule(Math.max(deadlineMs, now + 1), TimerKinds.payload(kind, entity));
    }

    void cancel(long timerId) {
        if (timerId != TimerKinds.NO_TIMER) {
            timers.cancel(timerId);
        }
    }

    void cancelWaitTimers(Call call) {
        cancel(call.stepTimerId);
        cancel(call.maxWaitTimerId);
        cancel(call.announceTimerId);
        call.stepTimerId = TimerKinds.NO_TIMER;
        call.maxWaitTimerId = TimerKinds.NO_TIMER;
        call.announceTimerId = TimerKinds.NO_TIMER;
    }

    void release(Call call) {
        cancel(call.ringTimerId);
        cancel(call.callbackRetryTimerId);
        cancelWaitTimers(call);
        if (call.line != null) {
            call.line.remove(call);
        }
        calls.remove(call.callId);
        call.reset();
        spareCalls.push(call);
    }

    void changeState(Agent agent, AgentState to, int reasonCode) {
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

    static void listFree(Agent agent) {
        for (int p = 0; p < agent.poolCount; p++) {
            agent.pools[p].markFree(agent.poolSlots[p], agent);
        }
        agent.listedFree = true;
    }

    static void unlistFree(Agent agent) {
        if (agent.listedFree) {
            for (int p = 0; p < agent.poolCount; p++) {
                agent.pools[p].markBusy(agent.poolSlots[p]);
            }
            agent.listedFree = false;
        }
    }

    static final class PoolKey {
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

    static final class RouteKey {
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
