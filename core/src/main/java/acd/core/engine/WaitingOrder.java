package acd.core.engine;

import acd.core.model.QueueOrdering;

/**
 * The order waiting calls are served in, in one place: the engine's lines and freed agents
 * apply it, and so does the naive baseline the benchmarks measure the engine against, so both
 * make the same offers for the same events.
 *
 * <ol>
 *   <li>A call that has waited past its queue's wait bound goes first, whatever its tier; among
 *       such calls the place in line decides.</li>
 *   <li>Within one queue of strict priority, the better tier goes first.</li>
 *   <li>Otherwise the weighted wait decides: {@code wait x weight + offset}, the tier's weight
 *       and offset, or 1 and 0 in a first-come-first-served queue, where every caller's wait
 *       counts alike.</li>
 *   <li>A tie goes to the call ahead in line: the earlier place (a call back from a seat that
 *       did not answer keeps its old place), then the earlier arrival.</li>
 * </ol>
 *
 * Everything is on figures, never on calls, so a freed agent weighs each head of its lines once.
 */
public final class WaitingOrder {
    private WaitingOrder() {
    }

    /**
     * Whether call A goes before call B, on what decides it.
     *
     * @param strictBetween both wait in one queue of strict priority
     */
    public static boolean goesBefore(boolean pastBoundA, double scoreA, int tierA, long placeA, long sequenceA,
                                     boolean pastBoundB, double scoreB, int tierB, long placeB, long sequenceB,
                                     boolean strictBetween) {
        if (pastBoundA != pastBoundB) {
            return pastBoundA;
        }
        if (pastBoundA) {
            return aheadInLine(placeA, sequenceA, placeB, sequenceB);
        }
        if (strictBetween && tierA != tierB) {
            return tierA < tierB;
        }
        if (scoreA != scoreB) {
            return scoreA > scoreB;
        }
        return aheadInLine(placeA, sequenceA, placeB, sequenceB);
    }

    /** The earlier place in line, then the earlier arrival. */
    public static boolean aheadInLine(long placeA, long sequenceA, long placeB, long sequenceB) {
        return placeA != placeB ? placeA < placeB : sequenceA < sequenceB;
    }

    /** The weighted wait. */
    public static double score(long waitMs, double weight, double offsetMs) {
        return waitMs * weight + offsetMs;
    }

    /** How much a millisecond of a tier's wait counts in a queue of this ordering. */
    public static double weight(QueueOrdering ordering, double tierWeight) {
        return ordering == QueueOrdering.FIFO ? 1 : tierWeight;
    }

    /** What a tier's call starts with in a queue of this ordering. */
    public static double offsetMs(QueueOrdering ordering, long tierOffsetMs) {
        return ordering == QueueOrdering.FIFO ? 0 : tierOffsetMs;
    }
}
