package acd.server.report;

import acd.core.config.RoutingConfigLoader;
import acd.core.metrics.ServiceLevelBoard;
import acd.core.metrics.TrafficField;
import acd.core.metrics.TrafficTable;
import acd.core.model.RoutingConfig;
import acd.ivr.report.StoredInterval;
import acd.ivr.store.SelfServiceStore;
import acd.ivr.store.StoreSeed;
import acd.ivr.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The 15-minute intervals outlive a restart: a new run goes on counting into the interval the old
 * one was in, and today's figures start again at midnight in the hotline's time zone.
 */
class IntervalKeeperTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final RoutingConfig ROUTING = RoutingConfigLoader.parse("routing.yaml", """
            skills: [billing]
            tiers:
              - {id: gold, label: 金, weight: 3}
              - {id: standard, label: 普通, weight: 1}
            brands:
              - {id: gotone, label: 全球通}
            queues:
              - {id: billing, requiredSkills: [billing], thresholdSeconds: 10}
            agents:
              - {id: "1001", skills: {billing: 1}}
            """);
    private static final int BILLING = 0;
    private static final int GOLD = 0;
    private static final int STANDARD = 1;
    private static final int GOTONE = 0;
    /** 10:07 in Shanghai on a working day: inside the 10:00 interval. */
    private static final long MORNING = ZonedDateTime.of(2026, 12, 7, 10, 7, 0, 0, SHANGHAI).toInstant().toEpochMilli();
    private static final long INTERVAL_START = ZonedDateTime.of(2026, 12, 7, 10, 0, 0, 0, SHANGHAI).toInstant()
            .toEpochMilli();

    @TempDir
    Path data;
    private SelfServiceStore store;

    @BeforeEach
    void open() {
        store = SelfServiceStore.open(StoreSettings.defaults().withDataDirectory(data), new StoreSeed(List.of(), List.of()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ServiceLevelBoard board() {
        return new ServiceLevelBoard(new int[]{10}, new int[]{5}, 2, 1);
    }

    private IntervalKeeper keeper(ServiceLevelBoard board) {
        return new IntervalKeeper(ROUTING, board, store.intervals(), () -> SHANGHAI, () -> 0L);
    }

    /** A call queued at {@code atMs} and answered after {@code waitMs}. */
    private static void answered(ServiceLevelBoard board, int tier, int brand, long atMs, long waitMs) {
        board.recordOffered(BILLING, tier, brand, atMs);
        board.recordAnswered(BILLING, tier, brand, atMs, waitMs);
        board.publishTime(atMs + waitMs);
    }

    @Test
    void aRunStartedInTheMiddleOfAnIntervalGoesOnCountingIntoIt() {
        ServiceLevelBoard first = board();
        answered(first, GOLD, GOTONE, MORNING, 4_000);
        answered(first, STANDARD, -1, MORNING + 1_000, 30_000);
        first.recordOffered(BILLING, STANDARD, -1, MORNING + 2_000);
        first.recordAbandoned(BILLING, STANDARD, -1, MORNING + 2_000, 60_000);
        keeper(first).keep();

        store.surveys().record(new acd.ivr.selfservice.SurveyResponse("s-1", "13900000001", "billing", "gold", 5,
                MORNING + 60_000));

        // The server restarts three minutes later, still inside the 10:00 interval.
        ServiceLevelBoard second = board();
        second.publishTime(MORNING + 180_000);
        IntervalKeeper again = keeper(second);
        again.keep();
        assertEquals(3, again.counts().queue(BILLING).offered(), "today's figures before the restart are there");
        assertEquals(List.of(1L), again.surveysToday().stream().map(t -> t.answered()).toList(),
                "and today's survey answers");
        answered(second, GOLD, GOTONE, MORNING + 200_000, 12_000);
        again.keep();

        TrafficTable today = again.counts();
        assertEquals(4, today.queue(BILLING).offered());
        assertEquals(3, today.queue(BILLING).answered());
        assertEquals(1, today.queue(BILLING).answeredWithin(), "4 s in; 30 s and 12 s are over the threshold");
        assertEquals(1, today.queue(BILLING).abandoned());
        assertEquals(2, today.queueBrand(BILLING, GOTONE).answered());
        assertEquals(List.of(INTERVAL_START), again.intervals(BILLING).stream().map(i -> i.startMs()).toList());
        assertEquals(4, again.intervals(BILLING).get(0).figures().offered());

        List<StoredInterval> stored = store.intervals().intervals(INTERVAL_START, INTERVAL_START + 1);
        StoredInterval gold = stored.stream().filter(i -> i.tier().equals("gold")).findFirst().orElseThrow();
        assertEquals(2, gold.count(TrafficField.OFFERED), "the interval's row goes on, not a second one beside it");
        assertEquals("gotone", gold.brand());
        assertEquals(16_000, gold.count(TrafficField.ANSWER_WAIT_SUM_MS));
        assertEquals(12_000, gold.count(TrafficField.LONGEST_WAIT_MS));
        assertEquals(2, stored.size(), stored.toString());
    }

    @Test
    void todayStartsAtMidnightInTheHotlinesTimeZoneAndYesterdayStaysInTheStore() {
        ServiceLevelBoard board = board();
        long lateEvening = ZonedDateTime.of(2026, 12, 7, 23, 50, 0, 0, SHANGHAI).toInstant().toEpochMilli();
        answered(board, GOLD, GOTONE, lateEvening, 3_000);
        IntervalKeeper keeper = keeper(board);
        assertEquals("2026-12-07", keeper.day());
        assertEquals(1, keeper.counts().queue(BILLING).offered());
        // Queued at 23:59:58 and answered after midnight: it counts in the day it was queued in.
        answered(board, GOLD, GOTONE, lateEvening + 598_000, 5_000);
        assertEquals("2026-12-08", keeper.day(), "midnight in Shanghai is 16:00 UTC");
        assertEquals(0, keeper.counts().queue(BILLING).offered());

        long afterMidnight = ZonedDateTime.of(2026, 12, 8, 0, 1, 0, 0, SHANGHAI).toInstant().toEpochMilli();
        answered(board, STANDARD, -1, afterMidnight, 2_000);
        keeper.keep();
        assertEquals(1, keeper.counts().queue(BILLING).offered());
        assertEquals(1, keeper.counts().tier(STANDARD).offered());

        long yesterday = ZonedDateTime.of(2026, 12, 7, 0, 0, 0, 0, SHANGHAI).toInstant().toEpochMilli();
        long sum = store.intervals().intervals(yesterday, yesterday + 86_400_000L).stream()
                .mapToLong(i -> i.count(TrafficField.OFFERED)).sum();
        assertEquals(2, sum);
    }

    @Test
    void aStoreThatCannotBeReachedLosesNothingOnceItIsBack() {
        ServiceLevelBoard board = board();
        answered(board, GOLD, GOTONE, MORNING, 4_000);
        IntervalKeeper keeper = keeper(board);
        store.close();
        keeper.keepQuietly();
        assertEquals(1, keeper.counts().queue(BILLING).offered(), "today's figures are served from the board meanwhile");

        store = SelfServiceStore.open(StoreSettings.defaults().withDataDirectory(data), new StoreSeed(List.of(), List.of()));
        IntervalKeeper reopened = keeper(board);
        reopened.keep();
        assertEquals(1, store.intervals().intervals(INTERVAL_START, INTERVAL_START + 1).get(0)
                .count(TrafficField.OFFERED));
    }
}
