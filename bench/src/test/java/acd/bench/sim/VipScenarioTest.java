package acd.bench.sim;

import acd.core.model.QueueOrdering;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * config/scenarios/vip.yaml at 90% occupancy, the same callers routed three ways: weighted
 * ordering (as configured) lifts VIPs to their 95% target and keeps the standard tier's tail
 * inside the wait bound; first come first served misses the VIP target; strict priority leaves
 * more than one standard caller in a hundred to wait for the bound.
 */
class VipScenarioTest {
    private static final String QUEUE = "hotline";
    private static final String VIP = "vip";
    private static final String STANDARD = "standard";
    private static final long[] SEEDS = {1, 2};

    private static Scenario scenario;
    private static int waitBoundSeconds;
    private static final Map<QueueOrdering, List<SimulationReport>> RUNS = new EnumMap<>(QueueOrdering.class);

    @BeforeAll
    static void routeTheSameCallersWithEveryOrdering() throws Exception {
        scenario = ScenarioFile.load(ProjectFiles.scenario("vip.yaml"));
        waitBoundSeconds = scenario.config().queues().get(scenario.config().queueIndex(QUEUE)).waitBoundSeconds();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            Map<QueueOrdering, List<Future<SimulationReport>>> pending = new EnumMap<>(QueueOrdering.class);
            for (QueueOrdering ordering : QueueOrdering.values()) {
                List<Future<SimulationReport>> runs = new ArrayList<>();
                for (long seed : SEEDS) {
                    runs.add(pool.submit(() -> Simulation.run(scenario.withOrdering(ordering).withSeed(seed))));
                }
                pending.put(ordering, runs);
            }
            for (Map.Entry<QueueOrdering, List<Future<SimulationReport>>> e : pending.entrySet()) {
                List<SimulationReport> reports = new ArrayList<>();
                for (Future<SimulationReport> f : e.getValue()) {
                    reports.add(f.get());
                }
                RUNS.put(e.getKey(), reports);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void floorRunsAtAboutNinetyPercentOccupancy() {
        for (List<SimulationReport> runs : RUNS.values()) {
            for (SimulationReport r : runs) {
                assertEquals(0.90, r.occupancy(), 0.01, "occupancy, seed " + r.seed());
                assertEquals(0, r.rejectedEvents());
                assertEquals(0, r.unfinishedCalls());
            }
        }
    }

    @Test
    void weightedOrderingMeetsTheVipTargetAndKeepsStandardCallersAboveEightyPercent() {
        for (SimulationReport r : RUNS.get(QueueOrdering.WEIGHTED)) {
            double vip = r.row(QUEUE, VIP).serviceLevel();
            double standard = r.row(QUEUE, STANDARD).serviceLevel();
            assertTrue(vip >= 0.95, "VIP within 10 s, seed " + r.seed() + ": " + vip);
            assertTrue(standard >= 0.80, "standard within 10 s, seed " + r.seed() + ": " + standard);
        }
    }

    @Test
    void firstComeFirstServedMissesTheVipTarget() {
        for (SimulationReport r : RUNS.get(QueueOrdering.FIFO)) {
            double vip = r.row(QUEUE, VIP).serviceLevel();
            assertTrue(vip < 0.95, "VIP within 10 s under FIFO, seed " + r.seed() + ": " + vip);
            // in arrival order the tiers are served alike
            assertEquals(r.row(QUEUE, STANDARD).serviceLevel(), vip, 0.01);
        }
    }

    @Test
    void strictPriorityStarvesStandardCallersPastTheWaitBoundWhereWeightedKeepsThemInside() {
        for (int i = 0; i < SEEDS.length; i++) {
            SimulationReport strict = RUNS.get(QueueOrdering.STRICT).get(i);
            SimulationReport weighted = RUNS.get(QueueOrdering.WEIGHTED).get(i);
            double strictP99 = strict.row(QUEUE, STANDARD).p99WaitSeconds();
            double weightedP99 = weighted.row(QUEUE, STANDARD).p99WaitSeconds();
            assertTrue(strictP99 > waitBoundSeconds, "strict: standard p99 wait " + strictP99
                    + " s should be past the " + waitBoundSeconds + " s bound, seed " + SEEDS[i]);
            assertTrue(weightedP99 < waitBoundSeconds - 10, "weighted: standard p99 wait " + weightedP99
                    + " s should be well inside the " + waitBoundSeconds + " s bound, seed " + SEEDS[i]);
            // and strict buys the VIPs little over weighted for it
            assertTrue(strict.row(QUEUE, VIP).serviceLevel() - weighted.row(QUEUE, VIP).serviceLevel() < 0.03);
        }
    }
}
