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

    @Test
    void aVipCallerMovesAheadOfOrdinaryCallersWhoHaveWaitedLess() {
        CallCenterFloor floor = busy(floor(QueueOrdering.WEIGHTED, 0));
        floor.at(0).call(10, "billing", STANDARD);
        floor.at(10).call(11, "billing", DIAMOND);
        // At 20 s: ordinary 20 s × 1 = 20; diamond 10 s × 5 = 50.
        floor.at(20).hangUp(1);
        assertEquals(11, floor.offers().get(1).callId());
    }

    @Test
    void anOrdinaryCallerWhoHasWaitedLongEnoughGoesBeforeAFreshVip() {
        CallCenterFloor floor = busy(floor(QueueOrdering.WEIGHTED, 0));
        floor.at(0).call(10, "billing", STANDARD);
        floor.at(55).call(11, "billing", DIAMOND);
        // At 60 s: ordinary 60 × 1 = 60; diamond 5 × 5 = 25: nobody starves behind the VIPs.
        floor.at(60).hangUp(1);
        assertEquals(10, floor.offers().get(1).callId());
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
        CallCenterFloor floor = busy(floor(QueueOrdering.FIFO, 0));
        floor.at(0).call(10, "billing", STANDARD);
        floor.at(1).call(11, "billing", DIAMOND);
        floor.at(2).hangUp(1);
        assertEquals(10, floor.offers().get(1).callId());
    }

    @Test
    void aCallPastTheWaitBoundGoesFirstEvenUnderStrictPriority() {
        CallCenterFloor floor = busy(floor(QueueOrdering.STRICT, 120));
        floor.at(0).call(10, "billing", STANDARD);
        floor.at(100).call(11, "billing", DIAMOND);
        floor.at(119).hangUp(1);
        assertEquals(11, floor.offers().get(1).callId(), "before the bound the diamond caller goes first");

        CallCenterFloor later = busy(floor(QueueOrdering.STRICT, 120));
        later.at(0).call(10, "billing", STANDARD);
        later.at(100).call(11, "billing", DIAMOND);
        later.at(121).hangUp(1);
        assertEquals(10, later.offers().get(1).callId(), "past the bound the ordinary caller goes first");
    }

    @Test
    void aSharedAgentTakesTheCallWithTheHighestWeightedWaitAcrossQueues() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .queue("broadband", "broadband")
                .agent("1001", Map.of("billing", 1, "broadband", 1))
                .build();
        floor.loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.at(0).call(10, "billing", STANDARD);
        floor.at(5).call(11, "broadband", GOLD);
        // At 12 s: billing ordinary 12 × 1 = 12; broadband gold 7 × 2 = 14.
        floor.at(12).hangUp(1);
        assertEquals(11, floor.offers().get(1).callId());
    }

    @Test
    void aCallPastTheWaitBoundGoesBeforeACallWithAHigherWeightedWait() {
        CallCenterFloor floor = busy(floor(QueueOrdering.WEIGHTED, 120));
        floor.at(0).call(10, "billing", STANDARD);
        floor.at(90).call(11, "billing", DIAMOND);
        // At 119 s: ordinary 119 × 1 = 119; diamond 29 × 5 = 145.
        floor.at(119).hangUp(1);
        assertEquals(11, floor.offers().get(1).callId(), "before the bound the weighted wait decides");

        CallCenterFloor later = busy(floor(QueueOrdering.WEIGHTED, 120));
        later.at(0).call(10, "billing", STANDARD);
        later.at(90).call(11, "billing", DIAMOND);
        // At 121 s the diamond caller's 31 × 5 = 155 is still higher, but the ordinary caller is past the bound.
        later.at(121).hangUp(1);
        assertEquals(10, later.offers().get(1).callId(), "past the bound the ordinary caller goes first");
    }

    @Test
    void anEqualWeightedWaitAcrossQueuesGoesToTheCallerWhoCameFirst() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .queue("broadband", "broadband")
                .agent("1001", Map.of("billing", 1, "broadband", 1))
                .build();
        floor.loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.at(0).call(10, "billing", STANDARD);
        floor.at(10).call(11, "broadband", GOLD);
        // At 20 s: billing ordinary 20 × 1 = 20; broadband gold 10 × 2 = 20.
        floor.at(20).hangUp(1);
        assertEquals(10, floor.offers().get(1).callId());
    }
}
