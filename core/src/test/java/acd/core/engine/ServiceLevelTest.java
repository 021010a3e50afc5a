package acd.core.engine;

import acd.core.metrics.IntervalFigures;
import acd.core.metrics.ServiceLevelBoard;
import acd.core.metrics.TrafficFigures;
import acd.core.metrics.WaitPercentiles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static acd.core.engine.CallCenterFloor.DIAMOND;
import static acd.core.engine.CallCenterFloor.GOTONE;
import static acd.core.engine.CallCenterFloor.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceLevelTest {

    private static CallCenterFloor floor() {
        return CallCenterFloor.builder()
                .queue("billing", "billing")
                .agent("1001", Map.of("billing", 1))
                .build();
    }

    @Test
    void serviceLevelIsAnsweredWithinThresholdOverOfferedLessShortAbandons() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001");
        floor.call(1, "billing", STANDARD).at(2).answer(1);          // 2 s: within 10 s
        floor.call(2, "billing", STANDARD);                          // waits behind call 1
        floor.at(3).call(3, "billing", STANDARD);
        floor.at(5).abandon(3);                                      // 2 s: a short abandon
        floor.at(4).call(4, "billing", STANDARD);
        floor.at(30).abandon(4);                                     // 26 s: a real abandon
        floor.at(40).hangUp(1).answer(2);                            // 38 s: answered late
        TrafficFigures billing = floor.engine.board().queue(0);
        assertEquals(4, billing.offered());
        assertEquals(2, billing.answered());
        assertEquals(1, billing.answeredWithin());
        assertEquals(2, billing.abandoned());
        assertEquals(1, billing.shortAbandoned());
        assertEquals(1.0 / 3, billing.serviceLevel(), 1e-9);
        assertEquals(0.5, billing.answerRate(), 1e-9);
        assertEquals((2_000 + 38_000) / 2.0, billing.averageSpeedOfAnswerMs(), 1e-9);
        assertEquals(38_000, billing.longestWaitMs());
    }

    @Test
    void theEngineAloneDecidesAHangUpBeforeAnAnswerIsAnAbandonAndOneAfterIsACompletedCall() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD);     // rings at the seat
        floor.call(2, "billing", STANDARD);                               // waits
        floor.at(20).hangUp(2);                                           // the PBX only says "over"
        floor.at(21).answer(1).at(60).hangUp(1);
        TrafficFigures billing = floor.engine.board().queue(0);
        assertEquals(2, billing.offered());
        assertEquals(1, billing.abandoned());
        assertEquals(1, billing.answered());
        assertEquals(0, floor.rejected.size(), floor.rejected.toString());
    }

    @Test
    void aCallCountsAsAnsweredWhenAPersonAnswersNotWhenItEnds() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).at(4).answer(1);
        assertEquals(1, floor.engine.board().queue(0).answered());
        assertEquals(1, floor.engine.board().queue(0).answeredWithin());
        floor.at(200).hangUp(1);
        assertEquals(200_000 - 4_000, (long) floor.engine.board().queue(0).averageHandleMs());
    }

    @Test
    void figuresAreKeptPerTierAndPerBrand() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001");
        floor.call(1, "billing", DIAMOND, GOTONE, -1).answer(1);
        floor.call(2, "billing", STANDARD);
        floor.at(20).hangUp(1).answer(2);
        ServiceLevelBoard board = floor.engine.board();
        assertEquals(1.0, board.queueTier(0, DIAMOND).serviceLevel());
        assertEquals(0.0, board.queueTier(0, STANDARD).serviceLevel());
        assertEquals(1, board.queueBrand(0, GOTONE).answered());
        assertEquals(1, board.queueBrand(0, -1).answered());
        assertEquals(1, board.tier(STANDARD).offered());
    }

    @Test
    void outcomesCountInTheFifteenMinuteIntervalTheCallWasOfferedIn() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.at(890).call(2, "billing", STANDARD);
        floor.at(905).hangUp(1).answer(2);                           // answered in interval 1, offered in 0
        floor.at(1000).hangUp(2).call(3, "billing", STANDARD).answer(3);
        List<IntervalFigures> intervals = floor.engine.board().intervals(0, -1);
        assertEquals(2, intervals.size());
        assertEquals(0, intervals.get(0).startMs());
        assertEquals(2, intervals.get(0).figures().answered());
        assertEquals(0.5, intervals.get(0).figures().serviceLevel(), 1e-9);
        assertEquals(ServiceLevelBoard.INTERVAL_MS, intervals.get(1).startMs());
        assertEquals(1, intervals.get(1).figures().offered());
    }

    /** Two ready seats on the billing line. */
    private static CallCenterFloor twoSeats() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .agent("1001", Map.of("billing", 1))
                .agent("1002", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001").loginReady("1002");
        return floor;
    }

    @Test
    void waitsAreJudgedInWholeSecondsOfTheClockAsAppQueueAndTheQueueLogCountThem() {
        CallCenterFloor floor = twoSeats();
        // Joined at 100.9 s and answered at 111.1 s: 10.2 s, but the clock read 100 and 111.
        floor.at(100.9).call(1, "billing", STANDARD).at(111.1).answer(1);
        // Joined at 200.1 s and answered at 210.8 s: 10.7 s, and the clock read 200 and 210.
        floor.at(200.1).call(2, "billing", STANDARD).at(210.8).answer(2);
        TrafficFigures billing = floor.engine.board().queue(0);
        assertEquals(2, billing.answered());
        assertEquals(1, billing.answeredWithin(), "only the call whose clock readings are 10 s apart");
        assertEquals(1, billing.answeredWithin10s());
        assertEquals(0.5, billing.answerRate10s(), 1e-9);
    }

    @Test
    void theTenSecondAnswerRateIsKeptWhateverTheQueuesOwnThreshold() {
        CallCenterFloor floor = twoSeats();
        floor.call(1, "billing", STANDARD).at(8).answer(1);
        floor.at(20).call(2, "billing", STANDARD).at(35).answer(2);       // 15 s: within no threshold of 10
        floor.at(40).call(3, "billing", STANDARD);
        floor.at(41).abandon(3);
        TrafficFigures billing = floor.engine.board().queue(0);
        assertEquals(3, billing.offered());
        assertEquals(1, billing.answeredWithin10s());
        assertEquals(1.0 / 3, billing.answerRate10s(), 1e-9, "over every call offered, short abandons included");
    }

    @Test
    void aStretchOfTimeReadsTheCallsQueuedInItByTierAndBrandFromTheKeptIntervals() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD, GOTONE, -1).answer(1);
        floor.at(100).hangUp(1);
        floor.at(900).call(2, "billing", DIAMOND, GOTONE, -1).answer(2);      // the second interval
        floor.at(1000).hangUp(2);
        floor.at(1800).call(3, "billing", DIAMOND, -1, -1);                    // the third, no brand
        ServiceLevelBoard board = floor.engine.board();

        acd.core.metrics.TrafficTable second = board.between(ServiceLevelBoard.INTERVAL_MS,
                2 * ServiceLevelBoard.INTERVAL_MS);
        assertEquals(1, second.queue(0).offered());
        assertEquals(1, second.queueTier(0, DIAMOND).answered());
        assertEquals(0, second.queueTier(0, STANDARD).offered());
        assertEquals(1, second.queueBrand(0, GOTONE).offered());

        acd.core.metrics.TrafficTable fromTheSecond = board.between(ServiceLevelBoard.INTERVAL_MS, Long.MAX_VALUE);
        assertEquals(2, fromTheSecond.queue(0).offered());
        assertEquals(1, fromTheSecond.queueBrand(0, -1).offered());
        assertEquals(2, fromTheSecond.tier(DIAMOND).offered());
        assertEquals(3, board.totals().queue(0).offered());
        assertEquals(board.totals().queue(0), board.between(0, Long.MAX_VALUE).queue(0));
    }

    @Test
    void waitPercentilesComeFromTheRecordedWaits() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001");
        for (int i = 1; i <= 10; i++) {
            floor.call(i, "billing", STANDARD);
        }
        for (int i = 1; i <= 10; i++) {
            floor.at(i * 3).answer(i).hangUp(i);
        }
        WaitPercentiles waits = floor.engine.board().waits(0);
        assertEquals(10, waits.count());
        // Waits are kept to two significant digits: within 1%.
        assertEquals(15_000, waits.p50Ms(), 150);
        assertEquals(30_000, waits.maxMs(), 300);
    }

    @Test
    void theWallboardSeesWhoIsWaitingAndAgentsByState() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.call(2, "billing", DIAMOND).call(3, "billing", STANDARD);
        floor.at(25);
        ServiceLevelBoard board = floor.engine.board();
        assertEquals(2, board.waitingNow(0));
        assertEquals(1, board.waitingNow(0, DIAMOND));
        assertEquals(25_000, board.longestWaitingNowMs(0));
        assertEquals(1, board.agents(0, AgentState.TALKING));
        assertEquals(0, board.agents(AgentState.LOGGED_OUT));
    }
}
