package acd.bench.sim;

import acd.core.metrics.ServiceLevelBoard;
import acd.core.metrics.TrafficFigures;
import acd.core.metrics.WaitPercentiles;
import acd.core.model.RoutingConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationTest {

    private static Scenario hotlineDay(long calls, long warmUp) throws Exception {
        return ScenarioFile.load(ProjectFiles.scenario("hotline-day.yaml")).withCalls(calls, warmUp);
    }

    @Test
    void theSameSeedReplaysTheSameDayAndAnotherSeedDoesNot() throws Exception {
        Scenario day = hotlineDay(20_000, 0);
        SimulationReport first = Simulation.run(day);
        SimulationReport again = Simulation.run(day);
        SimulationReport other = Simulation.run(day.withSeed(2));
        assertEquals(first.rows(), again.rows());
        assertEquals(first.engineEvents(), again.engineEvents());
        assertNotEquals(first.rows(), other.rows());
    }

    @Test
    void theSimulatorsCountsAgreeWithTheEnginesOwnBoard() throws Exception {
        // Without a warm-up both count every call: overflows, timeouts, abandons, refusals and all.
        SimulationReport report = Simulation.run(hotlineDay(30_000, 0));
        RoutingConfig config = hotlineDay(1, 0).config();
        ServiceLevelBoard board = report.board();
        assertEquals(0, report.rejectedEvents());
        for (ServiceLevelRow row : report.rows()) {
            int q = config.queueIndex(row.queue());
            TrafficFigures f = row.isQueueTotal() ? board.queue(q) : board.queueTier(q, config.tierIndex(row.tier()));
            WaitPercentiles w = row.isQueueTotal() ? board.waits(q) : board.waits(q, config.tierIndex(row.tier()));
            String where = row.queue() + "/" + row.tier();
            assertEquals(f.offered(), row.offered(), where + " offered");
            assertEquals(f.answered(), row.answered(), where + " answered");
            assertEquals(f.answeredWithin(), row.answeredWithin(), where + " answered within");
            assertEquals(f.abandoned(), row.abandoned(), where + " abandoned");
            assertEquals(f.shortAbandoned(), row.shortAbandoned(), where + " short abandons");
            assertEquals(f.overflowed(), row.overflowed(), where + " overflowed");
            assertEquals(f.timedOut(), row.timedOut(), where + " timed out");
            assertEquals(f.refused(), row.refused(), where + " refused");
            assertEquals(f.serviceLevel(), row.serviceLevel(), 1e-12, where + " service level");
            assertEquals(f.averageSpeedOfAnswerMs() / 1000, row.asaSeconds(), 1e-9, where + " ASA");
            assertEquals(f.longestWaitMs() / 1000.0, row.longestWaitSeconds(), 1e-9, where + " longest wait");
            // The simulator keeps its own histogram; the board keeps waits to two significant digits.
            assertEquals(w.p90Ms() / 1000.0, row.p90WaitSeconds(), 0.01 * row.p90WaitSeconds() + 1e-3, where + " p90 wait");
        }
    }

    @Test
    void aBusyDayEndsWithEveryCallerAnsweredOrGone() throws Exception {
        SimulationReport report = Simulation.run(hotlineDay(30_000, 600));
        assertEquals(0, report.rejectedEvents());
        assertEquals(0, report.unfinishedCalls());
        long offered = 0;
        long answered = 0;
        long abandoned = 0;
        for (ServiceLevelRow row : report.rows()) {
            if (row.isQueueTotal()) {
                assertTrue(row.offered() > 0, row.queue() + " had callers");
                assertEquals(row.offered(), row.answered() + row.abandoned() + row.overflowed() + row.timedOut()
                        + row.refused(), row.queue() + ": every call accounted for");
                offered += row.offered();
                answered += row.answered();
                abandoned += row.abandoned();
            }
        }
        assertTrue(abandoned > 0, "impatient callers hang up");
        assertTrue(answered > 0.9 * offered, "most callers reach a person");
        // with a 3 s ring delay nobody is answered sooner
        for (ServiceLevelRow row : report.rows()) {
            if (row.answered() > 0) {
                assertTrue(row.p50WaitSeconds() >= 2.99, row.queue() + "/" + row.tier() + " " + row.p50WaitSeconds());
            }
        }
    }

    @Test
    void callsThatWaitTooLongOverflowAndThenGoToVoicemailOnTime() {
        Scenario s = ScenarioFile.parse("overflow.yaml", """
                skills: [billing, general]
                tiers: [{id: standard, weight: 1}]
                queues:
                  - {id: billing, requiredSkills: [billing], maxWait: {seconds: 30, action: overflow, target: general}}
                  - {id: general, requiredSkills: [general], maxWait: {seconds: 60, action: voicemail}}
                agents:
                  - {idRange: 1-3, skills: {billing: 1}, wrapUpSeconds: 5}
                  - {idRange: 11-14, skills: {general: 1}, wrapUpSeconds: 5}
                traffic:
                  calls: 20000
                  warmUpCalls: 0
                  streams:
                    - {queue: billing, callsPerHour: 80, ahtSeconds: 150}
                    - {queue: general, callsPerHour: 60, ahtSeconds: 180}
                """);
        SimulationReport report = Simulation.run(s);
        ServiceLevelRow billing = report.row("billing", ServiceLevelRow.ALL_TIERS);
        ServiceLevelRow general = report.row("general", ServiceLevelRow.ALL_TIERS);
        assertEquals(0, report.rejectedEvents());
        assertTrue(billing.overflowed() > 0, billing.toString());
        assertEquals(billing.offered(), billing.answered() + billing.overflowed());
        assertEquals(20_000, billing.offered() + general.offered() - billing.overflowed(),
                "an overflowed call is offered again in the general line");
        assertTrue(general.timedOut() > 0, general.toString());
        assertEquals(general.offered(), general.answered() + general.timedOut());
        // the engine's max-wait timers fire on the simulator's ticks, so late by at most a tick
        double tickSeconds = Simulation.TICK_INTERVAL_MS / 1000.0;
        assertTrue(billing.longestWaitSeconds() <= 30 + tickSeconds, billing.toString());
        assertTrue(general.longestWaitSeconds() <= 60 + tickSeconds, general.toString());
    }

    @Test
    void seatsThatLetCallsRingOutAreBenchedAndComeBack() {
        Scenario base = Scenario.erlangC(6, 120, 10, 10, 0, 20_000, 0, 3);
        Scenario missing = base.withTraffic(base.traffic().withSeats(2, 0.3));
        SimulationReport report = Simulation.run(missing);
        ServiceLevelRow queue = report.row(Scenario.SINGLE_QUEUE, ServiceLevelRow.ALL_TIERS);
        assertEquals(0, report.rejectedEvents());
        assertEquals(queue.offered(), queue.answered(), "a missed call goes back in line and is answered later");
        // 30% of offers ring out for 15 s, and agents missing two in a row sit out a minute
        ServiceLevelRow clean = Simulation.run(base).row(Scenario.SINGLE_QUEUE, ServiceLevelRow.ALL_TIERS);
        assertTrue(queue.asaSeconds() > clean.asaSeconds() + 2, queue.asaSeconds() + " vs " + clean.asaSeconds());
        assertTrue(report.occupancy() > Simulation.run(base).occupancy(), "ringing seats are busy seats");
    }

    @Test
    void logNormalTalkTimesKeepTheirMean() {
        Scenario base = Scenario.erlangC(5, 200, 8, 10, 0, 40_000, 0, 5);
        Scenario skewed = base.withTraffic(base.traffic().withHandleTime(Traffic.HandleTime.LOG_NORMAL, 0.6));
        SimulationReport report = Simulation.run(skewed);
        double meanHandleSeconds = report.board().queue(0).averageHandleMs() / 1000;
        assertEquals(200, meanHandleSeconds, 200 * 0.02);
        // less spread than exponential talk times, so shorter waits at the same load
        double exponentialAsa = Simulation.run(base).row(Scenario.SINGLE_QUEUE, ServiceLevelRow.ALL_TIERS).asaSeconds();
        assertTrue(report.row(Scenario.SINGLE_QUEUE, ServiceLevelRow.ALL_TIERS).asaSeconds() < exponentialAsa);
    }

    @Test
    void warmUpCallsAreLeftOutOfTheFigures() {
        SimulationReport report = Simulation.run(Scenario.erlangC(8, 180, 10, 10, 0, 10_000, 2_500, 1));
        ServiceLevelRow queue = report.row(Scenario.SINGLE_QUEUE, ServiceLevelRow.ALL_TIERS);
        assertEquals(7_500, queue.offered());
        assertEquals(10_000, report.board().queue(0).offered(), "the engine's board counts them all");
    }

    @Test
    void aHundredThousandCallsSimulateWellUnderTenSeconds() {
        SimulationReport report = Simulation.run(Scenario.erlangC(20, 240, 22, 10, 0, 100_000, 2_000, 1));
        assertEquals(100_000, report.calls());
        assertTrue(report.wallSeconds() < 5, "took " + report.wallSeconds() + " s");
    }

    @Test
    void streamsShareTheArrivalsInProportion() throws Exception {
        Scenario vip = ScenarioFile.load(ProjectFiles.scenario("vip.yaml")).withCalls(50_000, 0);
        SimulationReport report = Simulation.run(vip);
        List<ServiceLevelRow> rows = report.rows();
        double vipShare = (double) report.row("hotline", "vip").offered() / report.row("hotline", "all").offered();
        assertEquals(0.6, vipShare, 0.01, rows.toString());
    }
}
