package acd.core.engine;

import acd.core.model.RoutingConfig;

/**
 * What each engine timer means when it fires in event time: wrap-up over, a ring gone
 * unanswered, the next widening step or the end of an account manager's wait, the longest
 * wait, the next announcement.
 */
abstract class TimerDispatch extends AgentLifeCycle {
    TimerDispatch(RoutingConfig config, long startTimeMs, DirectiveSink directives, EngineListener listener) {
        super(config, startTimeMs, directives, listener);
    }

    void pollTimers() {
        nextTimerPollMs = now + TIMER_POLL_INTERVAL_MS;
        timers.poll(now);
    }

    @Override
    void onTimerExpiry(long payload) {
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
                    if (call.state != CallState.CONNECTED && !call.callback) {
                        call.announceTimerId = schedule(now + queues[call.queueIndex].announceEveryMs,
                                TimerKinds.ANNOUNCE, call.callId);
                    }
                }
            }
            case TimerKinds.CALLBACK_RETRY -> {
                Call call = calls.get(entity);
                if (call != null) {
                    callbackRetryDue(call);
                }
            }
            default -> {
            }
        }
    }
}
