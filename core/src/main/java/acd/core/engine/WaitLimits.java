package acd.core.engine;

import acd.core.model.ClosedAction;
import acd.core.model.MaxWaitAction;
import acd.core.model.NoAgentsAction;
import acd.core.model.RoutingConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * What happens to a waiting call besides being answered: its position announced, its account
 * manager's wait given up, the queue's longest wait (overflow, voicemail or disconnect), and
 * nobody left logged in to wait for.
 */
abstract class WaitLimits extends SeatChoice {
    private final List<Call> scratchCalls = new ArrayList<>();

    WaitLimits(RoutingConfig config, long startTimeMs, DirectiveSink directives, EngineListener listener) {
        super(config, startTimeMs, directives, listener);
    }

    /** Puts the call in a queue; see {@link CallLifeCycle}. */
    abstract void enterQueue(Call call, int queueIndex);

    /** Puts the call in line at the step its wait has reached; see {@link CallLifeCycle}. */
    abstract void startQueueing(Call call);

    void startAnnouncements(Call call, QueueRuntime queue) {
        if (queue.announceEveryMs > 0 && !call.callback) {
            announce(call);
            call.announceTimerId = schedule(now + queue.announceEveryMs, TimerKinds.ANNOUNCE, call.callId);
        }
    }

    void nobodyToWaitFor(Call call, QueueRuntime queue) {
        cancelWaitTimers(call);
        if (queue.whenNoAgents == NoAgentsAction.OVERFLOW && queue.overflowTarget >= 0) {
            overflow(call, queue.overflowTarget);
        } else if (call.callback) {
            giveUpCallback(call);
        } else {
            board.recordRefused(call.queueIndex, call.tierIndex, call.brandIndex, call.queuedAtMs);
            directives.disconnect(now, call, ExitReason.NO_AGENTS);
            release(call);
        }
    }

    void fallBackToQueue(Call call) {
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
    void releaseCallsNobodyCanTake(Agent agent) {
        boolean emptied = false;
        for (int p = 0; p < agent.poolCount && !emptied; p++) {
            emptied = agent.pools[p].loggedIn == 0;
        }
        if (!emptied) {
            return;
        }
        releaseCallsWithNobodyToWaitFor();
    }

    void releaseCallsWithNobodyToWaitFor() {
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

    void maxWaitReached(Call call) {
        QueueRuntime queue = queues[call.queueIndex];
        if (call.line != null) {
            call.line.remove(call);
        }
        cancelWaitTimers(call);
        if (queue.maxWaitAction() == MaxWaitAction.OVERFLOW && queue.maxWaitTarget() >= 0) {
            overflow(call, queue.maxWaitTarget());
            return;
        }
        if (call.callback) {
            giveUpCallback(call);
            return;
        }
        board.recordTimedOut(call.queueIndex, call.tierIndex, call.brandIndex, call.queuedAtMs);
        if (queue.maxWaitAction() == MaxWaitAction.VOICEMAIL) {
            directives.sendToVoicemail(now, call, ExitReason.MAX_WAIT);
        } else {
            directives.disconnect(now, call, ExitReason.MAX_WAIT);
        }
        release(call);
    }

    void overflow(Call call, int target) {
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

    /**
     * The call came when its queue was closed: it is not offered there, so the service level,
     * which counts opening hours only, never sees it. The caller leaves a message, goes on to the
     * queue named for closed hours (entering it as if dialled there), or hears the hours and goes.
     */
    void closed(Call call, QueueRuntime queue) {
        board.recordClosed(queue.index, call.tierIndex, call.brandIndex, now);
        if (call.callback) {
            // Moved on to a closed queue with nobody on the line: a person follows it up when open.
            handCallbackToPerson(call);
            return;
        }
        if (queue.whenClosed == ClosedAction.OVERFLOW && queue.closedOverflowTarget >= 0) {
            if (++call.overflowHops > queues.length) {
                directives.disconnect(now, call, ExitReason.OVERFLOW_LOOP);
                release(call);
                return;
            }
            enterQueue(call, queue.closedOverflowTarget);
            return;
        }
        if (queue.whenClosed == ClosedAction.HANGUP) {
            directives.disconnect(now, call, ExitReason.CLOSED);
        } else {
            directives.sendToVoicemail(now, call, ExitReason.CLOSED);
        }
        release(call);
    }

    /**
     * The callback leaves the line without reaching the customer: its attempts are used up, or
     * nobody is left to take it. The call counts as not answered; a person follows it up.
     */
    void giveUpCallback(Call call) {
        board.recordCallbackNotReached(call.queueIndex, call.tierIndex, call.brandIndex, call.queuedAtMs);
        handCallbackToPerson(call);
    }

    /** The callback leaves the engine for a reply task; release takes it out of its line and timers. */
    private void handCallbackToPerson(Call call) {
        listener.callbackGivenUp(now, call, call.callbackAttempts);
        directives.followUpCallback(now, call, call.callbackAttempts);
        release(call);
    }

    void announce(Call call) {
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
        // A callback is offered only to a caller the hotline can call: one whose number it has.
        boolean callbackOffered = expectedWaitMs > queue.callbackOfferAboveMs && call.hasCallerNumber();
        if (callbackOffered && !call.callbackOffered) {
            call.callbackOffered = true;
            board.recordCallbackOffered(call.queueIndex, call.tierIndex, call.brandIndex, call.queuedAtMs);
        }
        directives.announcePosition(now, call, position, expectedWaitMs, callbackOffered, queue.leadAnnouncement());
    }

    /**
     * A supervisor switched the queue's peak mode. Every caller in the queue waits from then on
     * under the longest wait now in force, counted from when they joined: one already past it
     * leaves the line now (overflow to the backup queue, as the rule says), a ringing one when
     * the ring ends. Switched on, the waiting callers hear the peak announcement at once.
     */
    void switchPeakMode(QueueRuntime queue, boolean on) {
        queue.inPeak = on;
        board.publishPeakMode(queue.index, on);
        listener.peakModeChanged(now, queue.index, on);
        scratchCalls.clear();
        for (int b = 0; b < queue.lineCount; b++) {
            CallLine line = queue.lines[b];
            for (int i = 0; i < line.span(); i++) {
                Call call = line.inSlot(i);
                if (call != null) {
                    scratchCalls.add(call);
                }
            }
        }
        for (Agent agent : agents) {
            if (agent.call != null && agent.call.queueIndex == queue.index && agent.call.state == CallState.OFFERED) {
                scratchCalls.add(agent.call);
            }
            CallLine personal = agent.personal;
            for (int i = 0; personal != null && i < personal.span(); i++) {
                Call call = personal.inSlot(i);
                if (call != null && call.queueIndex == queue.index) {
                    scratchCalls.add(call);
                }
            }
        }
        // copied: an overflow below may run code that uses the scratch list
        Call[] inQueue = scratchCalls.toArray(new Call[0]);
        scratchCalls.clear();
        for (Call call : inQueue) {
            if (call.callback) {
                continue;
            }
            cancel(call.maxWaitTimerId);
            call.maxWaitTimerId = TimerKinds.NO_TIMER;
            call.maxWaitPassed = false;
            long limit = queue.maxWaitMs();
            if (limit > 0 && call.queuedAtMs + limit <= now) {
                if (call.state == CallState.OFFERED) {
                    call.maxWaitPassed = true;
                } else {
                    maxWaitReached(call);
                }
                continue;
            }
            if (limit > 0) {
                call.maxWaitTimerId = schedule(call.queuedAtMs + limit, TimerKinds.MAX_WAIT, call.callId);
            }
            if (on && call.state != CallState.OFFERED) {
                announce(call);
            }
        }
    }
}
