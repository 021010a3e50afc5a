package acd.core.model;

import java.util.List;

/**
 * A line of calls with one required skill set and one service-level target.
 *
 * @param id                       queue id (e.g. {@code billing})
 * @param label                    the name shown to people
 * @param requiredSkills           skills an agent needs (any proficiency) to take this queue's calls
 * @param thresholdSeconds         the service-level threshold: answered within this counts (default 10)
 * @param targetPercent            the service-level target, 0..100 (default 90)
 * @param shortAbandonSeconds      abandons shorter than this are excluded from the service level (default 5)
 * @param ordering                 how waiting calls are ordered
 * @param waitBoundSeconds         a call that has waited this long goes first regardless of tier; 0 = no bound
 * @param agentSelection           how a free agent is chosen
 * @param ringTimeoutSeconds       how long a seat rings before the call returns to the queue
 * @param maxWaitSeconds           the longest a call waits before {@code maxWaitAction}; 0 = no limit
 * @param maxWaitAction            what happens at the max wait
 * @param overflowQueue            the queue that takes overflowed calls (required for OVERFLOW actions), or null
 * @param whenNoAgents             what happens to a call when nobody who could take it is logged in
 * @param accountManagerWaitSeconds how long a caller with an own account manager waits for that agent
 * @param announceEverySeconds     how often waiting callers hear their position and expected wait; 0 = never
 * @param callback                 whether and how a waiting caller may be called back instead
 * @param peak                     the peak mode a supervisor may switch the queue into
 */
public record QueueSpec(
        String id,
        String label,
        List<String> requiredSkills,
        int thresholdSeconds,
        int targetPercent,
        int shortAbandonSeconds,
        QueueOrdering ordering,
        int waitBoundSeconds,
        AgentSelection agentSelection,
        int ringTimeoutSeconds,
        int maxWaitSeconds,
        MaxWaitAction maxWaitAction,
        String overflowQueue,
        NoAgentsAction whenNoAgents,
        int accountManagerWaitSeconds,
        int announceEverySeconds,
        CallbackRules callback,
        PeakRules peak) {

    public static final int DEFAULT_THRESHOLD_SECONDS = 10;
    public static final int DEFAULT_TARGET_PERCENT = 90;
    public static final int DEFAULT_SHORT_ABANDON_SECONDS = 5;
    public static final int DEFAULT_WAIT_BOUND_SECONDS = 120;
    public static final int DEFAULT_RING_TIMEOUT_SECONDS = 15;
    public static final int DEFAULT_ACCOUNT_MANAGER_WAIT_SECONDS = 20;
    public static final int DEFAULT_ANNOUNCE_EVERY_SECONDS = 30;

    public QueueSpec {
        requiredSkills = List.copyOf(requiredSkills);
        callback = callback == null ? CallbackRules.NONE : callback;
        peak = peak == null ? PeakRules.NONE : peak;
    }

    /** A queue with every setting at its default; for tests and generated scenarios. */
    public static QueueSpec of(String id, List<String> requiredSkills) {
        return new QueueSpec(id, id, requiredSkills, DEFAULT_THRESHOLD_SECONDS, DEFAULT_TARGET_PERCENT,
                DEFAULT_SHORT_ABANDON_SECONDS, QueueOrdering.WEIGHTED, DEFAULT_WAIT_BOUND_SECONDS,
                AgentSelection.LONGEST_IDLE, DEFAULT_RING_TIMEOUT_SECONDS, 0, MaxWaitAction.DISCONNECT, null,
                NoAgentsAction.WAIT, DEFAULT_ACCOUNT_MANAGER_WAIT_SECONDS, DEFAULT_ANNOUNCE_EVERY_SECONDS,
                CallbackRules.NONE, PeakRules.NONE);
    }

    public QueueSpec withOrdering(QueueOrdering newOrdering) {
        return new QueueSpec(id, label, requiredSkills, thresholdSeconds, targetPercent, shortAbandonSeconds,
                newOrdering, waitBoundSeconds, agentSelection, ringTimeoutSeconds, maxWaitSeconds, maxWaitAction,
                overflowQueue, whenNoAgents, accountManagerWaitSeconds, announceEverySeconds, callback, peak);
    }

    public QueueSpec withAgentSelection(AgentSelection selection) {
        return new QueueSpec(id, label, requiredSkills, thresholdSeconds, targetPercent, shortAbandonSeconds,
                ordering, waitBoundSeconds, selection, ringTimeoutSeconds, maxWaitSeconds, maxWaitAction,
                overflowQueue, whenNoAgents, accountManagerWaitSeconds, announceEverySeconds, callback, peak);
    }

    public QueueSpec withThresholdSeconds(int seconds) {
        return new QueueSpec(id, label, requiredSkills, seconds, targetPercent, shortAbandonSeconds,
                ordering, waitBoundSeconds, agentSelection, ringTimeoutSeconds, maxWaitSeconds, maxWaitAction,
                overflowQueue, whenNoAgents, accountManagerWaitSeconds, announceEverySeconds, callback, peak);
    }

    public QueueSpec withWaitBoundSeconds(int seconds) {
        return new QueueSpec(id, label, requiredSkills, thresholdSeconds, targetPercent, shortAbandonSeconds,
                ordering, seconds, agentSelection, ringTimeoutSeconds, maxWaitSeconds, maxWaitAction,
                overflowQueue, whenNoAgents, accountManagerWaitSeconds, announceEverySeconds, callback, peak);
    }

    public QueueSpec withMaxWait(int seconds, MaxWaitAction action, String target) {
        return new QueueSpec(id, label, requiredSkills, thresholdSeconds, targetPercent, shortAbandonSeconds,
                ordering, waitBoundSeconds, agentSelection, ringTimeoutSeconds, seconds, action,
                target, whenNoAgents, accountManagerWaitSeconds, announceEverySeconds, callback, peak);
    }

    public QueueSpec withWhenNoAgents(NoAgentsAction action) {
        return new QueueSpec(id, label, requiredSkills, thresholdSeconds, targetPercent, shortAbandonSeconds,
                ordering, waitBoundSeconds, agentSelection, ringTimeoutSeconds, maxWaitSeconds, maxWaitAction,
                overflowQueue, action, accountManagerWaitSeconds, announceEverySeconds, callback, peak);
    }

    public QueueSpec withAnnounceEverySeconds(int seconds) {
        return new QueueSpec(id, label, requiredSkills, thresholdSeconds, targetPercent, shortAbandonSeconds,
                ordering, waitBoundSeconds, agentSelection, ringTimeoutSeconds, maxWaitSeconds, maxWaitAction,
                overflowQueue, whenNoAgents, accountManagerWaitSeconds, seconds, callback, peak);
    }

    public QueueSpec withRingTimeoutSeconds(int seconds) {
        return new QueueSpec(id, label, requiredSkills, thresholdSeconds, targetPercent, shortAbandonSeconds,
                ordering, waitBoundSeconds, agentSelection, seconds, maxWaitSeconds, maxWaitAction,
                overflowQueue, whenNoAgents, accountManagerWaitSeconds, announceEverySeconds, callback, peak);
    }

    public QueueSpec withAccountManagerWaitSeconds(int seconds) {
        return new QueueSpec(id, label, requiredSkills, thresholdSeconds, targetPercent, shortAbandonSeconds,
                ordering, waitBoundSeconds, agentSelection, ringTimeoutSeconds, maxWaitSeconds, maxWaitAction,
                overflowQueue, whenNoAgents, seconds, announceEverySeconds, callback, peak);
    }

    public QueueSpec withCallback(CallbackRules rules) {
        return new QueueSpec(id, label, requiredSkills, thresholdSeconds, targetPercent, shortAbandonSeconds,
                ordering, waitBoundSeconds, agentSelection, ringTimeoutSeconds, maxWaitSeconds, maxWaitAction,
                overflowQueue, whenNoAgents, accountManagerWaitSeconds, announceEverySeconds, rules, peak);
    }

    public QueueSpec withPeak(PeakRules rules) {
        return new QueueSpec(id, label, requiredSkills, thresholdSeconds, targetPercent, shortAbandonSeconds,
                ordering, waitBoundSeconds, agentSelection, ringTimeoutSeconds, maxWaitSeconds, maxWaitAction,
                overflowQueue, whenNoAgents, accountManagerWaitSeconds, announceEverySeconds, callback, rules);
    }
}
