package acd.core.engine;

import acd.core.model.QueueOrdering;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitingOrderTest {

    @Test
    void aCallPastItsWaitBoundGoesFirstWhateverItsTierAndScore() {
        assertTrue(WaitingOrder.goesBefore(true, 10, 4, 500, 9, false, 1_000_000, 0, 100, 1, true));
        assertFalse(WaitingOrder.goesBefore(false, 1_000_000, 0, 100, 1, true, 10, 4, 500, 9, true));
    }

    @Test
    void amongCallsPastTheBoundThePlaceInLineDecides() {
        assertTrue(WaitingOrder.goesBefore(true, 1, 4, 100, 9, true, 999, 0, 200, 1, false));
    }

    @Test
    void inAStrictQueueTheBetterTierGoesFirstAndAcrossQueuesTheWeightedWaitDoes() {
        assertTrue(WaitingOrder.goesBefore(false, 10, 0, 500, 2, false, 90, 3, 100, 1, true));
        assertFalse(WaitingOrder.goesBefore(false, 10, 0, 500, 2, false, 90, 3, 100, 1, false));
    }

    @Test
    void aTieGoesToTheEarlierPlaceThenTheEarlierArrival() {
        assertTrue(WaitingOrder.goesBefore(false, 50, 1, 100, 7, false, 50, 1, 200, 3, false));
        assertTrue(WaitingOrder.goesBefore(false, 50, 1, 100, 3, false, 50, 1, 100, 7, false));
        assertFalse(WaitingOrder.goesBefore(false, 50, 1, 100, 7, false, 50, 1, 100, 3, false));
    }

    @Test
    void aFirstComeFirstServedQueueCountsEveryCallersWaitAlike() {
        assertEquals(1.0, WaitingOrder.weight(QueueOrdering.FIFO, 3.0));
        assertEquals(0.0, WaitingOrder.offsetMs(QueueOrdering.FIFO, 20_000));
        assertEquals(3.0, WaitingOrder.weight(QueueOrdering.WEIGHTED, 3.0));
        assertEquals(20_000.0, WaitingOrder.offsetMs(QueueOrdering.WEIGHTED, 20_000));
        assertEquals(2 * 1_500 + 500.0, WaitingOrder.score(1_500, 2, 500));
    }
}
