package acd.core.engine;

import acd.core.model.NoAgentsAction;
import acd.core.model.QueueOrdering;
import acd.core.model.RoutingConfig;

/**
 * A call's life: it arrives and enters its queue (its account manager first, when the customer
 * has one), waits in line widening step by step, rings a seat, is answered or put back in its
 * place, and ends, as a completed call or an abandon.
 */
abstract class CallLifeCycle extends WaitLimits {
    /** The seat's own ring timeout comes from the PBX; the engine gives up this much later. */
    static final long RING_GRACE_MS = 5_000;
    /** A callback's customer hears what the call is before the seat rings, or the agent hears who is rung. */
    static final long CALLBACK_CONNECT_MS = 10_000;
    private static final long MAX_CALL_ID = (1L << 56) - 1;

    CallLifeCycle(RoutingConfig config, long startTimeMs, DirectiveSink directives, EngineListener listener) {
        super(config, startTimeMs, directives, listener);
    }

    /** The agent has no call now; see {@link AgentLifeCycle}. */
    abstract void afterWork(Agent agent);

    /** The agent's after-call work is over; see {@link AgentLifeCycle}. */
    abstract void finishWrapUp(Agent agent);

    /** The call ends while its agent consults a colleague: the colleague is let go. */
    abstract void dropConsultation(Call call, Agent agent);

    void onCallArrived(EngineEvent e) {
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
        call.preferredAgentIndex = call.accountManagerIndex;
        call.extraSkillsMask = e.extraSkillsMask;
        call.callerNumber = e.callerNumber;
        call.ivrPath = e.ivrPath;
        call.callerChannel = e.channelId;
        call.placeMs = now;
        calls.put(call);
        enterQueue(call, e.queueIndex);
    }

    void enterQueue(Call call, int queueIndex) {
        QueueRuntime queue = queues[queueIndex];
        call.queueIndex = queueIndex;
        call.queuedAtMs = now;
        if (queue.openHours != null && !queue.openHours.isOpen(now)) {
            closed(call, queue);
            return;
        }
        call.route = routeFor(call);
        call.maxWaitPassed = false;
        board.recordOffered(queueIndex, call.tierIndex, call.brandIndex, now);
        call.state = CallState.QUEUED;
        listener.callQueued(now, call);
        // A callback moved on (overflow) keeps its place with nobody on the line: no wait limit, no announcements.
        if (queue.maxWaitMs() > 0 && !call.callback) {
            call.maxWaitTimerId = schedule(now + queue.maxWaitMs(), TimerKinds.MAX_WAIT, call.callId);
        }
        Agent manager = call.preferredAgentIndex >= 0 && call.overflowHops == 0 ? agents[call.preferredAgentIndex] : null;
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

    /** Puts the call in line at the step its wait has reached, or straight to a free agent. */
    void startQueueing(Call call) {
        call.state = CallState.QUEUED;
        Route route = call.route;
        call.step = route.stepFor(now - call.placeMs);
        call.pool = route.pools[call.step];
        scheduleNextStep(call);
        routeOrWait(call);
    }

    void scheduleNextStep(Call call) {
        cancel(call.stepTimerId);
        call.stepTimerId = TimerKinds.NO_TIMER;
        Route route = call.route;
        if (call.step + 1 < route.afterMs.length) {
            call.stepTimerId = schedule(call.placeMs + route.afterMs[call.step + 1], TimerKinds.STEP, call.callId);
        }
    }

    void routeOrWait(Call call) {
        int agent = call.pool.bestFreeAgent();
        if (agent >= 0) {
            offer(call, agents[agent]);
        } else {
            lineFor(call.pool, call.queueIndex, call.tierIndex).add(call);
        }
    }

    CallLine lineFor(AgentPool pool, int queueIndex, int tierIndex) {
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

    void offer(Call call, Agent agent) {
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
        // A callback rings the customer's phone as well as the seat's before anyone talks.
        long ringMs = queue.ringTimeoutMs + (call.callback ? queue.callbackCustomerRingMs + CALLBACK_CONNECT_MS : 0);
        call.ringTimerId = schedule(now + ringMs + RING_GRACE_MS, TimerKinds.RING, call.callId);
        directives.offerCall(now, call, agent.index, queue.ringTimeoutMs);
    }

    void onOfferAnswered(EngineEvent e) {
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
        if (call.callback) {
            // Answered means both phones are up: the customer was reached, whether or not that was said.
            reached(call);
        }
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

    void onOfferNotAnswered(EngineEvent e) {
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
    void ringEnded(Call call, boolean agentMissedIt, boolean phoneUnreachable) {
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

    void returnToLine(Call call) {
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

    void onCallEnded(EngineEvent e) {
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
        if (call.consultWith != null) {
            dropConsultation(call, agent);
        }
        long talkMs = now - agent.offeredAtMs;
        call.hungUpFirst = e.hungUpFirst != null ? e.hungUpFirst : HangupSide.UNKNOWN;
        listener.callCompleted(now, call, agent.index, talkMs);
        leaveCall(agent, call, talkMs);
        release(call);
        startWrapUp(agent);
    }

    /** The agent is done talking with the call: what it was is kept for the wrap-up's figures. */
    void leaveCall(Agent agent, Call call, long talkMs) {
        agent.lastQueue = call.queueIndex;
        agent.lastTier = call.tierIndex;
        agent.lastBrand = call.brandIndex;
        agent.lastQueuedAtMs = call.queuedAtMs;
        agent.lastTalkMs = talkMs;
        agent.call = null;
    }

    void startWrapUp(Agent agent) {
        agent.wrapUpStartMs = now;
        if (agent.wrapUpMs > 0 && !agent.logoutPending) {
            changeState(agent, AgentState.WRAP_UP, 0);
            agent.wrapUpTimerId = schedule(now + agent.wrapUpMs, TimerKinds.WRAP_UP, agent.index);
        } else {
            finishWrapUp(agent);
        }
    }

    /**
     * The call the event's agent is talking on, or null once rejected: {@code action} names what
     * was asked ("transfer of" an unknown call, a call this agent is not talking on).
     */
    Call talkingCall(EngineEvent e, String action) {
        Call call = calls.get(e.callId);
        if (call == null) {
            reject(e, action + " an unknown or finished call");
            return null;
        }
        if (call.state != CallState.CONNECTED || call.offeredTo == null || call.offeredTo.index != e.agentIndex) {
            reject(e, action + " a call this agent is not talking on");
            return null;
        }
        return call;
    }

    /**
     * The queue a transfer or consultation names (the call's own when none), or -1 once rejected,
     * as is a skill no agent can have; {@code toWhom} says what was asked ("transfer to").
     */
    int targetQueue(EngineEvent e, Call call, String toWhom) {
        int queue = e.queueIndex == EngineEvent.NONE ? call.queueIndex : e.queueIndex;
        if (queue < 0 || queue >= queues.length) {
            reject(e, toWhom + " an unknown queue");
            return -1;
        }
        if ((e.extraSkillsMask & ~index.allSkillsMask()) != 0) {
            reject(e, "unknown skill in required skills");
            return -1;
        }
        return queue;
    }

    /** Whether the colleague the event names, if any, is a configured agent other than {@code agent}; else rejected. */
    boolean colleagueNamedRightly(EngineEvent e, Agent agent, String toWhom) {
        int named = e.accountManagerIndex;
        if (named == EngineEvent.NONE) {
            return true;
        }
        if (named < 0 || named >= agents.length) {
            reject(e, toWhom + " an unknown agent");
            return false;
        }
        if (agents[named] == agent) {
            reject(e, toWhom + " the agent's own seat");
            return false;
        }
        return true;
    }

    /**
     * A blind transfer. The agent is done with the call, as at its end, and goes to wrap-up; the
     * caller keeps their profile and their place in line (their arrival) and enters the target
     * queue as a new offer there, the colleague named, if any, first, as an account manager is.
     * The agent stays busy until the call has found its place, so it never comes straight back.
     */
    void onCallTransferred(EngineEvent e) {
        Call call = talkingCall(e, "transfer of");
        if (call == null) {
            return;
        }
        if (call.consultWith != null) {
            reject(e, "transfer while consulting a colleague: complete or cancel the consultation first");
            return;
        }
        int toQueue = targetQueue(e, call, "transfer to");
        Agent agent = call.offeredTo;
        if (toQueue < 0 || !colleagueNamedRightly(e, agent, "transfer to")) {
            return;
        }
        Agent colleague = e.accountManagerIndex == EngineEvent.NONE ? null : agents[e.accountManagerIndex];
        if (colleague != null && (!colleague.isLoggedIn() || colleague.logoutPending)) {
            reject(e, "transfer to an agent not logged in");
            return;
        }
        long talkMs = now - agent.offeredAtMs;
        listener.callTransferred(now, call, agent.index, talkMs, toQueue, colleague == null ? -1 : colleague.index);
        directives.transferCall(now, call, agent.index);
        leaveCall(agent, call, talkMs);
        call.offeredTo = null;
        call.seatChannel = null;
        call.hungUpFirst = HangupSide.UNKNOWN;
        call.extraSkillsMask = e.extraSkillsMask;
        call.preferredAgentIndex = colleague == null ? -1 : colleague.index;
        call.overflowHops = 0;
        enterQueue(call, toQueue);
        startWrapUp(agent);
    }

    /**
     * The caller took the callback offered and hung up. The call keeps its place in line (its
     * arrival, its tier's weight) with nobody on the line; no wait limit or announcement applies
     * to it any more. A seat already ringing for the caller is let go: it would ring for nobody.
     */
    void onCallbackRequested(EngineEvent e) {
        Call call = calls.get(e.callId);
        if (call == null) {
            reject(e, "callback for an unknown or finished call");
            return;
        }
        if (call.callback) {
            reject(e, "callback already asked for");
            return;
        }
        if (call.state == CallState.CONNECTED) {
            reject(e, "callback for a call already answered");
            return;
        }
        if (!queues[call.queueIndex].spec.callback().offered()) {
            reject(e, "callback in a queue that offers none");
            return;
        }
        if (!call.hasCallerNumber()) {
            reject(e, "callback for a caller whose number is not known");
            return;
        }
        call.callback = true;
        cancel(call.maxWaitTimerId);
        cancel(call.announceTimerId);
        call.maxWaitTimerId = TimerKinds.NO_TIMER;
        call.announceTimerId = TimerKinds.NO_TIMER;
        call.maxWaitPassed = false;
        board.recordCallbackRequested(call.queueIndex, call.tierIndex, call.brandIndex, call.queuedAtMs);
        listener.callbackRequested(now, call, now - call.queuedAtMs);
        if (call.state == CallState.OFFERED) {
            Agent ringing = call.offeredTo;
            cancel(call.ringTimerId);
            call.ringTimerId = TimerKinds.NO_TIMER;
            directives.cancelOffer(now, call, ringing.index);
            ringing.call = null;
            call.offeredTo = null;
            returnToLine(call);
            afterWork(ringing);
        }
    }

    /** The customer answered the callback: from here on it is a call with a caller on the line. */
    void onCallbackReached(EngineEvent e) {
        Call call = calls.get(e.callId);
        if (call == null) {
            reject(e, "callback answered for an unknown or finished call");
            return;
        }
        if (!call.callback || call.state != CallState.OFFERED || call.offeredTo.index != e.agentIndex) {
            reject(e, "callback answered for a call not being called back for this agent");
            return;
        }
        reached(call);
    }

    private void reached(Call call) {
        call.callback = false;
        board.recordCallbackReached(call.queueIndex, call.tierIndex, call.brandIndex, call.queuedAtMs);
    }

    /**
     * The customer did not answer. The seat reserved for the callback is free again (no miss for
     * the agent); the callback takes its place again after the queue's retry time, or, its
     * attempts used up, leaves the line to become a task for a person.
     */
    void onCallbackNotReached(EngineEvent e) {
        Call call = calls.get(e.callId);
        if (call == null) {
            reject(e, "callback not answered for an unknown or finished call");
            return;
        }
        if (!call.callback || call.state != CallState.OFFERED || call.offeredTo.index != e.agentIndex) {
            reject(e, "callback not answered for a call not being called back for this agent");
            return;
        }
        Agent agent = call.offeredTo;
        cancel(call.ringTimerId);
        call.ringTimerId = TimerKinds.NO_TIMER;
        agent.call = null;
        call.offeredTo = null;
        QueueRuntime queue = queues[call.queueIndex];
        int attempt = ++call.callbackAttempts;
        boolean givenUp = attempt >= queue.callbackAttempts;
        listener.callbackNotReached(now, call, agent.index, attempt);
        if (givenUp) {
            giveUpCallback(call);
        } else {
            call.state = CallState.QUEUED;
            call.callbackRetryTimerId = schedule(now + queue.callbackRetryMs, TimerKinds.CALLBACK_RETRY, call.callId);
        }
        afterWork(agent);
    }

    /** The callback's retry time is over: it takes its place in line again. */
    void callbackRetryDue(Call call) {
        call.callbackRetryTimerId = TimerKinds.NO_TIMER;
        if (call.state == CallState.QUEUED && call.line == null) {
            returnToLine(call);
        }
    }

    void onCallerAbandoned(EngineEvent e) {
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

    void abandon(Call call) {
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

    /** The call's wait reached its next widening step, or its account-manager wait ran out. */
    void stepReached(Call call) {
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
        if (call.state == CallState.QUEUED && call.line != null) {
            call.line.remove(call);
            routeOrWait(call);
        }
    }
}
