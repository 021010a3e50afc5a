package acd.bench.sim;

import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of every measured call, per queue and tier, counted by the simulator itself from
 * the engine's callbacks. It follows the engine's own service-level rules (answered within the
 * threshold over offered less short abandons, waits judged in whole seconds of the clock as
 * app_queue judges them) so the two can be checked against each other; it
 * exists because the engine's board cannot leave out warm-up calls.
 */
final class OutcomeTally {
    /** Waits are kept to the millisecond up to a day; a longer one is clamped. */
    private static final long HIGHEST_WAIT_MS = 24L * 3600 * 1000;

    private final RoutingConfig config;
    private final int tiers;
    private final long[] thresholdSeconds;
    private final long[] shortAbandonSeconds;
    /** An answer this soon after queueing went straight to a seat: only the ring delay passed. */
    private final long directAnswerMs;

    private final long[] offered;
    private final long[] answered;
    private final long[] answeredWithin;
    private final long[] waited;
    private final long[] waitSumMs;
    private final long[] abandoned;
    private final long[] shortAbandoned;
    private final long[] overflowed;
    private final long[] timedOut;
    private final long[] refused;
    private final long[] longestWaitMs;
    private final Histogram[] waits;

    OutcomeTally(RoutingConfig config, long directAnswerMs) {
        this.config = config;
        int queues = config.queues().size();
        this.tiers = config.tiers().size();
        this.directAnswerMs = directAnswerMs;
        thresholdSeconds = new long[queues];
        shortAbandonSeconds = new long[queues];
        for (int q = 0; q < queues; q++) {
            QueueSpec spec = config.queues().get(q);
            thresholdSeconds[q] = spec.thresholdSeconds();
            shortAbandonSeconds[q] = spec.shortAbandonSeconds();
        }
        int cells = queues * tiers;
        offered = new long[cells];
        answered = new long[cells];
        answeredWithin = new long[cells];
        waited = new long[cells];
        waitSumMs = new long[cells];
        abandoned = new long[cells];
        shortAbandoned = new long[cells];
        overflowed = new long[cells];
        timedOut = new long[cells];
        refused = new long[cells];
        longestWaitMs = new long[cells];
        waits = new Histogram[cells];
        for (int i = 0; i < cells; i++) {
            waits[i] = new Histogram(HIGHEST_WAIT_MS, 3);
        }
    }

    private int cell(int queue, int tier) {
        return queue * tiers + tier;
    }

    void queued(int queue, int tier) {
        offered[cell(queue, tier)]++;
    }

    /** The whole seconds between the clock's readings at the join and after the wait. */
    private static long waitSeconds(long queuedAtMs, long waitMs) {
        return Math.floorDiv(queuedAtMs + waitMs, 1000) - Math.floorDiv(queuedAtMs, 1000);
    }

    void answered(int queue, int tier, long queuedAtMs, long waitMs) {
        int c = cell(queue, tier);
        answered[c]++;
        if (waitSeconds(queuedAtMs, waitMs) <= thresholdSeconds[queue]) {
            answeredWithin[c]++;
        }
        if (waitMs > directAnswerMs) {
            waited[c]++;
        }
        waitSumMs[c] += waitMs;
        waits[c].recordValue(Math.max(0, Math.min(waitMs, HIGHEST_WAIT_MS)));
        longestWaitMs[c] = Math.max(longestWaitMs[c], waitMs);
    }

    void abandoned(int queue, int tier, long queuedAtMs, long waitMs) {
        int c = cell(queue, tier);
        abandoned[c]++;
        if (waitSeconds(queuedAtMs, waitMs) < shortAbandonSeconds[queue]) {
            shortAbandoned[c]++;
        }
        longestWaitMs[c] = Math.max(longestWaitMs[c], waitMs);
    }

    void overflowed(int queue, int tier) {
        overflowed[cell(queue, tier)]++;
    }

    void timedOut(int queue, int tier) {
        timedOut[cell(queue, tier)]++;
    }

    void refused(int queue, int tier) {
        refused[cell(queue, tier)]++;
    }

    /** Per queue a total row, then a row per tier that had calls; queues and tiers in config order. */
    List<ServiceLevelRow> rows() {
        List<ServiceLevelRow> rows = new ArrayList<>();
        for (int q = 0; q < thresholdSeconds.length; q++) {
            rows.add(row(q, -1));
            for (int t = 0; t < tiers; t++) {
                if (offered[cell(q, t)] > 0) {
                    rows.add(row(q, t));
                }
            }
        }
        return rows;
    }

    private ServiceLevelRow row(int queue, int tier) {
        int from = tier < 0 ? cell(queue, 0) : cell(queue, tier);
        int to = tier < 0 ? cell(queue, tiers - 1) : from;
        long off = 0;
        long ans = 0;
        long within = 0;
        long wait = 0;
        long waitSum = 0;
        long ab = 0;
        long shortAb = 0;
        long over = 0;
        long out = 0;
        long ref = 0;
        long longest = 0;
        Histogram hist = new Histogram(HIGHEST_WAIT_MS, 3);
        for (int c = from; c <= to; c++) {
            off += offered[c];
            ans += answered[c];
            within += answeredWithin[c];
            wait += waited[c];
            waitSum += waitSumMs[c];
            ab += abandoned[c];
            shortAb += shortAbandoned[c];
            over += overflowed[c];
            out += timedOut[c];
            ref += refused[c];
            longest = Math.max(longest, longestWaitMs[c]);
            hist.add(waits[c]);
        }
        long base = off - shortAb;
        boolean anyAnswered = ans > 0;
        return new ServiceLevelRow(config.queues().get(queue).id(),
                tier < 0 ? ServiceLevelRow.ALL_TIERS : config.tiers().get(tier).id(),
                (int) thresholdSeconds[queue], off, ans, within, ab, shortAb, over, out, ref,
                base > 0 ? (double) within / base : Double.NaN,
                off > 0 ? (double) ans / off : Double.NaN,
                anyAnswered ? waitSum / 1000.0 / ans : Double.NaN,
                anyAnswered ? (double) wait / ans : Double.NaN,
                anyAnswered ? hist.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                anyAnswered ? hist.getValueAtPercentile(90) / 1000.0 : Double.NaN,
                anyAnswered ? hist.getValueAtPercentile(99) / 1000.0 : Double.NaN,
                longest / 1000.0);
    }
}
