package acd.core.engine;

/**
 * The engine's internal consistency, checked by walking every structure: agents and their
 * calls, pools and their free lists, lines and their order, and that every waiting call is in
 * exactly one line. For tests and soak runs; throws on the first breach.
 */
final class EngineInvariants {
    private EngineInvariants() {
    }

    static void verify(AcdEngine engine) {
        Agent[] agents = engine.agents;
        String[] agentIds = engine.agentIds;
        QueueRuntime[] queues = engine.queues;
        for (Agent agent : agents) {
            boolean busy = agent.state == AgentState.RINGING || agent.state == AgentState.TALKING;
            check(busy == (agent.call != null), agentIds[agent.index] + " in " + agent.state + " with call " + agent.call);
            if (busy) {
                check(agent.call.offeredTo == agent, agentIds[agent.index] + " holds " + agent.call + " offered elsewhere");
            }
            for (int p = 0; p < agent.poolCount; p++) {
                boolean free = agent.pools[p].slotFree[agent.poolSlots[p]];
                check(free == (agent.state == AgentState.READY), agentIds[agent.index] + " free=" + free + " in " + agent.state);
            }
        }
        for (AgentPool pool : engine.pools) {
            int loggedIn = 0;
            int free = 0;
            for (int slot = 0; slot < pool.memberCount; slot++) {
                if (pool.slotAgent[slot] == AgentPool.VACANT) {
                    continue;
                }
                Agent agent = agents[pool.slotAgent[slot]];
                check(pool.admits(agent), "pool " + pool.id + " holds " + agentIds[agent.index] + " who does not qualify");
                loggedIn += agent.isLoggedIn() ? 1 : 0;
                free += agent.state == AgentState.READY ? 1 : 0;
            }
            check(loggedIn == pool.loggedIn, "pool " + pool.id + " counts " + pool.loggedIn + " logged in, has " + loggedIn);
            check(free == pool.freeCount, "pool " + pool.id + " counts " + pool.freeCount + " free, has " + free);
            for (int b = 0; b < pool.lineCount; b++) {
                CallLine line = pool.lines[b];
                check(line.size() > 0
                                ? line.headPlaceMs == line.peek().placeMs && line.headSequence == line.peek().sequence
                                : line.headPlaceMs == CallLine.EMPTY_HEAD_PLACE_MS,
                        "pool " + pool.id + " line " + b + " keeps a stale head");
                Call[] inLine = line.inOrder();
                for (int i = 1; i < inLine.length; i++) {
                    check(AcdEngine.aheadInLine(inLine[i - 1], inLine[i]), "pool " + pool.id + " line " + b + " out of order");
                }
            }
            if (free > 0) {
                check(pool.bestFreeAgent() >= 0, "pool " + pool.id + " has free agents but offers none");
                for (int b = 0; b < pool.lineCount; b++) {
                    check(pool.lines[b].size() == 0, "pool " + pool.id + " has a free agent and a waiting call");
                }
            }
        }
        int[] inLine = new int[1];
        engine.calls.forEach((id, call) -> {
            switch (call.state) {
                case QUEUED -> {
                    if (call.callbackRetryTimerId != TimerKinds.NO_TIMER) {
                        check(call.callback && call.line == null, call + " waits to retry a callback yet is in line");
                        return;
                    }
                    check(call.line != null && call.line.pool == call.pool, call + " queued outside its pool's line");
                    check(call.line.queueIndex == call.queueIndex && call.line.tierIndex == call.tierIndex,
                            call + " in the wrong line");
                    inLine[0]++;
                }
                case WAITING_FOR_ACCOUNT_MANAGER -> {
                    check(call.line == agents[call.preferredAgentIndex].personal, call + " not with its manager");
                    inLine[0]++;
                }
                case OFFERED, CONNECTED -> {
                    check(call.line == null, call + " ringing yet still in line");
                    check(call.offeredTo != null && call.offeredTo.call == call, call + " offered to nobody");
                }
            }
        });
        int inLines = 0;
        for (QueueRuntime queue : queues) {
            for (int b = 0; b < queue.lineCount; b++) {
                inLines += queue.lines[b].size();
            }
        }
        for (Agent agent : agents) {
            inLines += agent.personalWaiting();
        }
        check(inLines == inLine[0], "lines hold " + inLines + " calls, " + inLine[0] + " are waiting");
    }

    private static void check(boolean condition, String breach) {
        if (!condition) {
            throw new IllegalStateException(breach);
        }
    }
}
