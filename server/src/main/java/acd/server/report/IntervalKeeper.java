package acd.server.report;

import acd.core.metrics.IntervalFigures;
import acd.core.metrics.ReportedTraffic;
import acd.core.metrics.ServiceLevelBoard;
import acd.core.metrics.TrafficField;
import acd.core.metrics.TodaysTraffic;
import acd.core.metrics.TrafficTable;
import acd.core.model.RoutingConfig;
import acd.ivr.report.StoredInterval;
import acd.ivr.report.SurveyTally;
import acd.ivr.report.TrafficIntervals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps the board's 15-minute intervals in the store and serves today's counts. Every few seconds
 * it writes each interval this run has counted into, as what was stored for it before the start
 * plus what this run has counted: so a restart in the middle of an interval continues it, and
 * today's figures go on from where they were. Today runs from midnight in the hotline's time
 * zone, so the wallboard's counts start again there; the days before are in the store.
 *
 * <p>{@link #keep()} runs on one house-keeping thread and blocks on the store; the readers (the
 * HTTP thread, the desks) read the board and an immutable copy of what was stored, never waiting.
 */
public final class IntervalKeeper implements ReportedTraffic {
    private static final Logger LOG = LoggerFactory.getLogger(IntervalKeeper.class);
    /**
     * An interval older than this is never written again: its calls are long over, and the board
     * reuses its cell for the same quarter hour of the next day.
     */
    static final long SETTLED_MS = 23 * 3_600_000L;
    private static final long DAY_MS = 24 * 3_600_000L;

    private final RoutingConfig routing;
    private final ServiceLevelBoard board;
    private final TrafficIntervals store;
    private final LongSupplier clockMs;
    private final TodaysTraffic todays;
    private final Map<String, Integer> queues = new HashMap<>();
    private final Map<String, Integer> tiers = new HashMap<>();
    private final Map<String, Integer> brands = new HashMap<>();

    /** What was stored before this run, by interval; null until the store has been read. */
    private Map<StoredInterval.Key, long[]> before;
    /** What this run last wrote, by interval. */
    private final Map<StoredInterval.Key, long[]> written = new HashMap<>();
    /** The readers' copy of {@link #before}. */
    private volatile Map<StoredInterval.Key, long[]> storedBefore = Map.of();
    private volatile String lastProblem;
    /** Today's survey answers as the store last counted them, with the day they are of; null before. */
    private volatile TodaysSurveys surveys;

    /** The survey answers of the day that starts at {@code dayStartMs}. */
    private record TodaysSurveys(long dayStartMs, List<SurveyTally> tallies) {
    }

    /**
     * @param zone    the hotline's time zone, where a day starts
     * @param clockMs the server's clock, for the day before the engine has counted time
     */
    public IntervalKeeper(RoutingConfig routing, ServiceLevelBoard board, TrafficIntervals store,
                          Supplier<ZoneId> zone, LongSupplier clockMs) {
        this.routing = routing;
        this.board = board;
        this.store = store;
        this.clockMs = clockMs;
        this.todays = new TodaysTraffic(board, zone, this::nowMs);
        for (int q = 0; q < routing.queues().size(); q++) {
            queues.put(routing.queues().get(q).id(), q);
        }
        for (int t = 0; t < routing.tiers().size(); t++) {
            tiers.put(routing.tiers().get(t).id(), t);
        }
        for (int b = 0; b < routing.brands().size(); b++) {
            brands.put(routing.brands().get(b).id(), b);
        }
        brands.put("", -1);
    }

    /**
     * Writes every interval that changed since the last write. The first call reads what was
     * stored before this run (the day before included, for the calls queued before midnight).
     *
     * @throws RuntimeException when the store fails; nothing is lost, the next call writes it
     */
    public synchronized void keep() {
        long now = nowMs();
        if (before == null) {
            Map<StoredInterval.Key, long[]> stored = new HashMap<>();
            for (StoredInterval row : store.intervals(now - DAY_MS - ServiceLevelBoard.INTERVAL_MS, Long.MAX_VALUE)) {
                stored.put(row.key(), row.counts());
            }
            before = stored;
            storedBefore = Map.copyOf(stored);
            LOG.info("{} stored 15-minute intervals of the last day read: today's figures go on from them",
                    stored.size());
        }
        List<StoredInterval> changed = new ArrayList<>();
        board.forEachInterval(-1, now - SETTLED_MS, Long.MAX_VALUE, (startMs, queue, tier, brand, counts) -> {
            StoredInterval.Key key = key(startMs, queue, tier, brand);
            long[] row = counts.clone();
            long[] earlier = before.get(key);
            if (earlier != null) {
                TrafficField.merge(row, earlier);
            }
            if (!Arrays.equals(row, written.get(key))) {
                changed.add(new StoredInterval(key.startMs(), key.queue(), key.tier(), key.brand(), row));
            }
        });
        store.save(changed);
        for (StoredInterval row : changed) {
            written.put(row.key(), row.counts());
        }
        // Settled intervals are never written again: what was written of them need not be kept.
        written.keySet().removeIf(key -> key.startMs() < now - SETTLED_MS);
        TodaysTraffic.Day today = todays.today();
        surveys = new TodaysSurveys(today.startMs(), List.copyOf(store.surveys(today.startMs(), today.endMs())));
        lastProblem = null;
    }

    /** As {@link #keep()}, logging a failure instead of throwing it: for a timer. */
    public void keepQuietly() {
        try {
            keep();
        } catch (RuntimeException e) {
            String problem = e.getMessage();
            if (!Objects.equals(problem, lastProblem)) {
                LOG.warn("15-minute intervals not stored now; trying again shortly: {}", problem);
            }
            lastProblem = problem;
        }
    }

    private StoredInterval.Key key(long startMs, int queue, int tier, int brand) {
        return new StoredInterval.Key(startMs, routing.queues().get(queue).id(), routing.tiers().get(tier).id(),
                brand < 0 ? "" : routing.brands().get(brand).id());
    }

    private long nowMs() {
        long engineTime = board.lastEventTimeMs();
        return engineTime > 0 ? engineTime : clockMs.getAsLong();
    }

    /**
     * Today's survey answers by interval, queue, tier, brand and agent, as the store counted them
     * at the last {@link #keep()} (at most a few seconds ago); null when it has not counted today's.
     */
    public List<SurveyTally> surveysToday() {
        TodaysSurveys counted = surveys;
        return counted != null && counted.dayStartMs() == todays.today().startMs() ? counted.tallies() : null;
    }

    @Override
    public String day() {
        return todays.day();
    }

    @Override
    public Long dayStartMs() {
        return todays.dayStartMs();
    }

    /** Today's counts: this run's and what was stored before it. */
    @Override
    public TrafficTable counts() {
        TodaysTraffic.Day today = todays.today();
        TrafficTable table = todays.counts(today);
        storedBefore.forEach((key, counts) -> {
            Integer q = queues.get(key.queue());
            Integer t = tiers.get(key.tier());
            Integer b = brands.get(key.brand());
            // A queue, tier or brand no longer configured stays in the store and the reports.
            if (today.holds(key.startMs()) && q != null && t != null && b != null) {
                table.add(q, t, b, counts);
            }
        });
        return table;
    }

    /** Today's intervals of a queue that saw calls, this run's and those stored before it. */
    @Override
    public List<IntervalFigures> intervals(int queue) {
        String id = routing.queues().get(queue).id();
        Map<Long, long[]> stored = new HashMap<>();
        storedBefore.forEach((key, counts) -> {
            if (key.queue().equals(id)) {
                TrafficField.merge(stored.computeIfAbsent(key.startMs(), s -> new long[TrafficField.count()]), counts);
            }
        });
        return todays.intervalsOf(queue, todays.today(), stored);
    }
}
