package acd.core.engine;

import acd.core.model.AgentSelection;
import acd.core.model.CallbackRules;
import acd.core.model.ClosedAction;
import acd.core.model.MaxWaitAction;
import acd.core.model.NoAgentsAction;
import acd.core.model.QueueOrdering;
import acd.core.model.QueueSpec;

import java.util.Arrays;

/** A queue's settings in engine units, and the lines its waiting calls sit in. */
final class QueueRuntime {
    final int index;
    final QueueSpec spec;
    final long skillsMask;
    final QueueOrdering ordering;
    final AgentSelection selection;
    /** The wait at which a call is past the queue's wait bound and goes first: {@code Long.MAX_VALUE} for no bound. */
    final long pastBoundAtMs;
    final long ringTimeoutMs;
    /** The queue's own longest wait and what follows it; {@link #maxWaitMs()} is the one in force. */
    final long ownMaxWaitMs;
    final MaxWaitAction ownMaxWaitAction;
    /** Where the queue's own overflow goes (its longest wait, nobody logged in). */
    int overflowTarget = -1;
    /** Peak mode's longest wait (0: the queue has no peak mode), what follows it and where it overflows. */
    final long peakMaxWaitMs;
    final MaxWaitAction peakMaxWaitAction;
    int peakOverflowTarget = -1;
    /** The sound waiting callers hear first in peak mode, or null. */
    final String peakAnnouncement;
    /** Switched by a supervisor. */
    boolean inPeak;
    final NoAgentsAction whenNoAgents;
    final long accountManagerWaitMs;
    final long announceEveryMs;
    /** Expected wait over which callbacks are offered: {@code Long.MAX_VALUE} when never. */
    final long callbackOfferAboveMs;
    final int callbackAttempts;
    final long callbackRetryMs;
    final long callbackCustomerRingMs;
    /** The queue's opening hours, or null when it keeps none (open always). */
    OpenHours openHours;
    ClosedAction whenClosed = ClosedAction.VOICEMAIL;
    /** Where a call goes when the queue is closed and {@link #whenClosed} is OVERFLOW. */
    int closedOverflowTarget = -1;

    CallLine[] lines = new CallLine[8];
    int lineCount;

    /** Running handle-time sums, for expected-wait announcements. */
    long handledCalls;
    long handleSumMs;

    QueueRuntime(int index, QueueSpec spec, long skillsMask) {
        this.index = index;
        this.spec = spec;
        this.skillsMask = skillsMask;
        this.ordering = spec.ordering();
        this.selection = spec.agentSelection();
        this.pastBoundAtMs = spec.waitBoundSeconds() > 0 ? spec.waitBoundSeconds() * 1000L : Long.MAX_VALUE;
        this.ringTimeoutMs = spec.ringTimeoutSeconds() * 1000L;
        this.ownMaxWaitMs = spec.maxWaitSeconds() * 1000L;
        this.ownMaxWaitAction = spec.maxWaitAction();
        this.peakMaxWaitMs = spec.peak().maxWaitSeconds() * 1000L;
        this.peakMaxWaitAction = spec.peak().maxWaitAction();
        this.peakAnnouncement = spec.peak().announcement();
        this.whenNoAgents = spec.whenNoAgents();
        this.accountManagerWaitMs = spec.accountManagerWaitSeconds() * 1000L;
        this.announceEveryMs = spec.announceEverySeconds() * 1000L;
        CallbackRules callback = spec.callback();
        this.callbackOfferAboveMs = callback.offered() ? callback.offerAboveWaitSeconds() * 1000L : Long.MAX_VALUE;
        this.callbackAttempts = callback.attempts();
        this.callbackRetryMs = callback.retryAfterSeconds() * 1000L;
        this.callbackCustomerRingMs = callback.customerRingSeconds() * 1000L;
    }

    /** The longest a call waits now, counted from its joining: peak mode's while it lasts; 0 for no limit. */
    long maxWaitMs() {
        return inPeak ? peakMaxWaitMs : ownMaxWaitMs;
    }

    MaxWaitAction maxWaitAction() {
        return inPeak ? peakMaxWaitAction : ownMaxWaitAction;
    }

    /** Where a call past {@link #maxWaitMs()} overflows to, or -1. */
    int maxWaitTarget() {
        return inPeak ? peakOverflowTarget : overflowTarget;
    }

    /** The sound announcements start with now, or null. */
    String leadAnnouncement() {
        return inPeak ? peakAnnouncement : null;
    }

    void addLine(CallLine line) {
        if (lineCount == lines.length) {
            lines = Arrays.copyOf(lines, lineCount * 2);
        }
        lines[lineCount++] = line;
    }
}
