package acd.core.engine;

import acd.core.model.QueueOrdering;
import acd.core.model.RoutingConfig;

/**
 * A freed seat's choice of call: its account manager's own customers first, then the best head
 * of its pools' lines by {@link WaitingOrder}. On almost every offer one quick pass by weighted
 * wait decides; a line past its bound or in strict order sends the choice through every rule.
 */
abstract class SeatChoice extends EngineFloor {
    SeatChoice(RoutingConfig config, long startTimeMs, DirectiveSink directives, EngineListener listener) {
        super(config, startTimeMs, directives, listener);
    }

    /** Rings the agent with the call; see {@link CallLifeCycle}. */
    abstract void offer(Call call, Agent agent);

    /**
     * The agent is ready: it takes a waiting call at once if there is one, and only otherwise
     * joins its pools' free lines. On a busy floor most agents never reach those lines, which
     * spares touching every pool's slot arrays twice (in, then straight out again).
     */
    void becomeReady(Agent agent) {
        changeState(agent, AgentState.READY, 0);
        if (!findWork(agent)) {
            listFree(agent);
        }
    }

    /**
     * A freed agent takes its own customers first, then the best head of its pools' lines.
     * Returns whether it was offered a call.
     */
    boolean findWork(Agent agent) {
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
    boolean quickPassUndecided;

    /**
     * The best head of the agent's lines when none waited past its queue's bound and none is in
     * strict priority, as on almost every offer: then the weighted wait alone decides, and
     * the place in line breaks a tie. One pass without a branch per line but the rare new best;
     * an empty line's wait is negative, so it never beats a line with a call. Sets
     * {@link #quickPassUndecided} when those rules do not settle it; else returns the line or null.
     */
    CallLine quickBestLine(Agent agent) {
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
    CallLine weighedBestLine(Agent agent) {
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
    boolean goesBefore(Call a, Call b) {
        QueueRuntime qa = queues[a.queueIndex];
        QueueRuntime qb = queues[b.queueIndex];
        long waitA = now - a.placeMs;
        long waitB = now - b.placeMs;
        return WaitingOrder.goesBefore(pastBound(qa, waitA), score(qa, a.tierIndex, waitA), a.tierIndex, a.placeMs,
                a.sequence,
                pastBound(qb, waitB), score(qb, b.tierIndex, waitB), b.tierIndex, b.placeMs, b.sequence,
                a.queueIndex == b.queueIndex && qa.ordering == QueueOrdering.STRICT);
    }

    static boolean pastBound(QueueRuntime queue, long waitMs) {
        return waitMs >= queue.pastBoundAtMs;
    }

    /** The weighted wait of a call of this tier in this queue. */
    double score(QueueRuntime queue, int tier, long waitMs) {
        return WaitingOrder.score(waitMs, weight(queue, tier), offsetMs(queue, tier));
    }

    double weight(QueueRuntime queue, int tier) {
        return WaitingOrder.weight(queue.ordering, index.tierWeight(tier));
    }

    double offsetMs(QueueRuntime queue, int tier) {
        return WaitingOrder.offsetMs(queue.ordering, index.tierOffsetMs(tier));
    }

    static boolean aheadInLine(Call a, Call b) {
        return WaitingOrder.aheadInLine(a.placeMs, a.sequence, b.placeMs, b.sequence);
    }
}
