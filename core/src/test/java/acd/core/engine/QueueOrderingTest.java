package acd.core.engine;

import acd.core.model.QueueOrdering;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static acd.core.engine.CallCenterFloor.DIAMOND;
import static acd.core.engine.CallCenterFloor.GOLD;
import static acd.core.engine.CallCenterFloor.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;

class QueueOrderingTest {

    private static CallCenterFloor floor(QueueOrdering ordering, int waitBoundSeconds) {
        return CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withOrdering(ordering).withWaitBoundSeconds(waitBoundSeconds))
                .agent("1001", Map.of("billing", 1))
                .build();
    }

    /** Puts the only agent on a call so that the next calls wait, and returns the floor. */
    private static CallCenterFloor busy(CallCenterFloor floor) {
        floor.loginReady("1001").call(1, "billing", STANDARD).answer(1);
        return floor;
    }

    /**
     * The call the busy agent takes when it frees up at {@code freeAt} seconds: an ordinary
     * caller (call 10) who came at 0 s, or a diamond one (call 11) who came at {@code vipAt}.
     */
    private static long takenFirst(QueueOrdering ordering, int waitBoundSeconds, double vipAt, double freeAt) {
        CallCenterFloor floor = busy(floor(ordering, waitBoundSeconds));
        floor.at(0).call(10, "billing", STANDARD);
        floor.at(vipAt).call(11, "billing", DIAMOND);
        floor.at(freeAt).hangUp(1);
        return floor.offers().get(1).callId();
    }

    /**
     * The call an agent sharing two queues takes when it frees up at {@code freeAt} seconds: an
     * ordinary billing caller (call 10) who came at 0 s, or a gold broadband one (call 11) who
     * came at {@code goldAt}.
     */
    private static long takenFirstAcrossQueues(double goldAt, double freeAt) {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .queue("broadband", "broadband")
                .agent("1001", Map.of("billing", 1, "broadband", 1))
                .build();
        floor.loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.at(0).call(10, "billing", STANDARD);
        floor.at(goldAt).call(11, "broadband", GOLD);
        floor.at(freeAt).hangUp(1);
        return floor.offers().get(1).callId();
    }

    @Test
    void aVipCallerMovesAheadOfOrdinaryCallersWhoHaveWaitedLess() {
        // At 20 s: ordinary 20 s × 1 = 20; diamond 10 s × 5 = 50.
        assertEquals(11, takenFirst(QueueOrdering.WEIGHTED, 0, 10, 20));
    }

    @Test
    void anOrdinaryCallerWhoHasWaitedLongEnoughGoesBeforeAFreshVip() {
        // At 60 s: ordinary 60 × 1 = 60; diamond 5 × 5 = 25: nobody starves behind the VIPs.
        assertEquals(10, takenFirst(QueueOrdering.WEIGHTED, 0, 55, 60));
    }

    @Test
    void callersOfOneTierAreServedInArrivalOrder() {
        CallCenterFloor floor = busy(floor(QueueOrdering.WEIGHTED, 0));
        floor.at(1).call(10, "billing", GOLD).at(2).call(11, "billing", GOLD).at(3).call(12, "billing", GOLD);
        floor.at(4).hangUp(1).answer(10).hangUp(10).answer(11).hangUp(11);
        assertEquals(List.of(1L, 10L, 11L, 12L), floor.offerOrder());
    }

    @Test
    void strictPriorityServesTheHigherTierFirstHoweverLongOthersWaited() {
        CallCenterFloor floor = busy(floor(QueueOrdering.STRICT, 0));
        floor.at(0).call(10, "billing", STANDARD);
        floor.at(590).call(11, "billing", GOLD);
        floor.at(600).hangUp(1);
        assertEquals(11, floor.offers().get(1).callId());
    }

    @Test
    void fifoIgnoresTiers() {
        assertEquals(10, takenFirst(QueueOrdering.FIFO, 0, 1, 2));
    }

    @Test
    void aCallPastTheWaitBoundGoesFirstEvenUnderStrictPriority() {
        assertEquals(11, takenFirst(QueueOrdering.STRICT, 120, 100, 119), "before the bound the diamond caller goes first");
        assertEquals(10, takenFirst(QueueOrdering.STRICT, 120, 100, 121), "past the bound the ordinary caller goes first");
    }

    @Test
    void aSharedAgentTakesTheCallWithTheHighestWeightedWaitAcrossQueues() {
        // At 12 s: billing ordinary 12 × 1 = 12; broadband gold 7 × 2 = 14.
        assertEquals(11, takenFirstAcrossQueues(5, 12));
    }

    @Test
    void aCallPastTheWaitBoundGoesBeforeACallWithAHigherWeightedWait() {
        // At 119 s: ordinary 119 × 1 = 119; diamond 29 × 5 = 145.
        assertEquals(11, takenFirst(QueueOrdering.WEIGHTED, 120, 90, 119), "before the bound the weighted wait decides");
        // At 121 s the diamond caller's 31 × 5 = 155 is still higher, but the ordinary caller is past the bound.
        assertEquals(10, takenFirst(QueueOrdering.WEIGHTED, 120, 90, 121), "past the bound the ordinary caller goes first");
    }

    @Test
    void anEqualWeightedWaitAcrossQueuesGoesToTheCallerWhoCameFirst() {
        // At 20 s: billing ordinary 20 × 1 = 20; broadband gold 10 × 2 = 20.
        assertEquals(10, takenFirstAcrossQueues(10, 20));
    }
}
