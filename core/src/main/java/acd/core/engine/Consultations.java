package acd.core.engine;

import acd.core.model.RoutingConfig;

/**
 * Consultative transfer: the agent talking with a caller asks a colleague first, the caller
 * held, then hands the caller over or goes back to them. The colleague is reserved for the
 * consultation as for an offer, so no call rings them meanwhile; the agent stays on the call
 * until it is handed over. The call keeps its profile and its arrival throughout, and a
 * hand-over counts as the agent's call ending and the colleague's starting, not as a new offer.
 */
abstract class Consultations extends CallLifeCycle {
    Consultations(RoutingConfig config, long startTimeMs, DirectiveSink directives, EngineListener listener) {
        super(config, startTimeMs, directives, listener);
    }

    void onConsultStarted(EngineEvent e) {
        Call call = talkingCall(e, "consultation on");
        if (call == null) {
            return;
        }
        if (call.consultWith != null) {
            reject(e, "a consultation is already under way on this call");
            return;
        }
        int queue = targetQueue(e, call, "consultation with");
        Agent agent = call.offeredTo;
        if (queue < 0 || !colleagueNamedRightly(e, agent, "consultation with")) {
            return;
        }
        Agent colleague;
        if (e.accountManagerIndex != EngineEvent.NONE) {
            colleague = agents[e.accountManagerIndex];
            if (colleague.state != AgentState.READY || colleague.logoutPending) {
                reject(e, "consultation with an agent who is not free");
                return;
            }
        } else {
            colleague = freeColleague(queue, call, e.extraSkillsMask);
            if (colleague == null) {
                reject(e, "consultation with a queue where nobody is free");
                return;
            }
        }
        call.consultWith = colleague;
        colleague.consulting = call;
        colleague.offeredAtMs = now;
        changeState(colleague, AgentState.RINGING, 0);
        listener.consultStarted(now, call, agent.index, colleague.index);
        directives.consult(now, call, agent.index, colleague.index, queues[queue].ringTimeoutMs);
    }

    /** The best free agent for the queue with these skills, at any step of its widening. */
    private Agent freeColleague(int queue, Call call, long extraSkills) {
        Route route = routeFor(queue, call.tierIndex, call.brandIndex, extraSkills);
        for (AgentPool pool : route.pools) {
            int free = pool.bestFreeAgent();
            if (free >= 0) {
                return agents[free];
            }
        }
        return null;
    }

    void onConsultAnswered(EngineEvent e) {
        Call call = calls.get(e.callId);
        if (call == null || call.consultWith == null || call.consultWith.index != e.agentIndex) {
            reject(e, "consultation answered by an agent not asked");
            return;
        }
        if (call.consultAnswered) {
            return;
        }
        call.consultAnswered = true;
        call.consultChannel = e.channelId;
        call.consultWith.offeredAtMs = now;
        changeState(call.consultWith, AgentState.TALKING, 0);
    }

    /**
     * The hand-over: the agent's part of the call ends as a completed call would (wrap-up), and
     * the colleague talks with the caller from now on, the call's agent for what follows.
     */
    void onConsultCompleted(EngineEvent e) {
        Call call = consultingCall(e);
        if (call == null) {
            return;
        }
        if (!call.consultAnswered) {
            reject(e, "hand-over before the colleague answered");
            return;
        }
        Agent agent = call.offeredTo;
        Agent colleague = call.consultWith;
        long talkMs = now - agent.offeredAtMs;
        listener.consultEnded(now, call, agent.index, colleague.index, true, talkMs);
        directives.endConsult(now, call, agent.index, colleague.index, true);
        leaveCall(agent, call, talkMs);
        colleague.consulting = null;
        colleague.call = call;
        colleague.callsAnswered++;
        colleague.consecutiveNoAnswers = 0;
        colleague.offeredAtMs = now;
        call.offeredTo = colleague;
        calls.seat(call, colleague);
        call.seatChannel = call.consultChannel;
        call.endConsultation();
        call.hungUpFirst = HangupSide.UNKNOWN;
        startWrapUp(agent);
    }

    void onConsultCancelled(EngineEvent e) {
        Call call = consultingCall(e);
        if (call != null) {
            dropConsultation(call, call.offeredTo);
        }
    }

    /** Ends the consultation without a hand-over: the colleague is let go, the agent keeps the call. */
    @Override
    void dropConsultation(Call call, Agent agent) {
        Agent colleague = call.consultWith;
        listener.consultEnded(now, call, agent.index, colleague.index, false, 0);
        directives.endConsult(now, call, agent.index, colleague.index, false);
        call.endConsultation();
        colleague.consulting = null;
        afterWork(colleague);
    }

    private Call consultingCall(EngineEvent e) {
        Call call = talkingCall(e, "end of a consultation on");
        if (call != null && call.consultWith == null) {
            reject(e, "no consultation under way on this call");
            return null;
        }
        return call;
    }
}
