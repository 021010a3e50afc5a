package acd.core.engine;

import acd.core.model.AgentChange;
import acd.core.model.AgentSpec;
import acd.core.model.RoutingConfig;

import java.util.Arrays;
import java.util.Map;

/**
 * An agent's life: logging in and out, ready and not ready (at once, or once the call in hand is
 * done), after-call work, a supervisor's change of skills or seat groups.
 */
abstract class AgentLifeCycle extends Consultations {
    AgentLifeCycle(RoutingConfig config, long startTimeMs, DirectiveSink directives, EngineListener listener) {
        super(config, startTimeMs, directives, listener);
    }

    void onWrapUpDone(EngineEvent e) {
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

    void finishWrapUp(Agent agent) {
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
    void afterWork(Agent agent) {
        if (agent.logoutPending) {
            logOut(agent);
        } else if (agent.notReadyPending) {
            agent.notReadyPending = false;
            changeState(agent, AgentState.NOT_READY, agent.pendingReasonCode);
        } else {
            becomeReady(agent);
        }
    }

    Agent agentOf(EngineEvent e) {
        if (e.agentIndex < 0 || e.agentIndex >= agents.length) {
            reject(e, "unknown agent");
            return null;
        }
        return agents[e.agentIndex];
    }

    void onAgentLoggedIn(EngineEvent e) {
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

    void onAgentLoggedOut(EngineEvent e) {
        Agent agent = agentOf(e);
        if (agent == null) {
            return;
        }
        switch (agent.state) {
            case LOGGED_OUT -> reject(e, "agent not logged in");
            case READY, NOT_READY -> logOut(agent);
            case RINGING -> {
                agent.logoutPending = true;
                if (agent.consulting != null) {
                    // Asked by a colleague: logged out once the consultation is over.
                    return;
                }
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

    void logOut(Agent agent) {
        agent.logoutPending = false;
        agent.notReadyPending = false;
        changeState(agent, AgentState.LOGGED_OUT, 0);
        drainPersonalLine(agent);
        releaseCallsNobodyCanTake(agent);
    }

    void drainPersonalLine(Agent agent) {
        while (agent.personalWaiting() > 0) {
            fallBackToQueue(agent.personal.peek());
        }
    }

    void onAgentReady(EngineEvent e) {
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

    void onAgentNotReady(EngineEvent e) {
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
                if (agent.consulting != null) {
                    return;
                }
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
    void onAgentChanged(EngineEvent e) {
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

    static boolean isMember(Agent agent, AgentPool pool, int among) {
        for (int p = 0; p < among; p++) {
            if (agent.pools[p] == pool) {
                return true;
            }
        }
        return false;
    }
}
