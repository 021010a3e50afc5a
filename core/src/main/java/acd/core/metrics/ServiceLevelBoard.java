package acd.core.metrics;

import acd.core.engine.AgentState;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Service-level figures per queue, tier, brand and 15-minute interval, and the live gauges a
 * wallboard shows. The engine thread is the only writer; any thread may read at any time
 * without blocking it. A call's outcome is counted in the interval it was queued in, so an
 * interval's service level is that of the calls offered in it.
 */
public final class ServiceLevelBoard {
    public static final long INTERVAL_MS = 15 * 60 * 1000L;
    /** Intervals kept: one day. */
    public static final int INTERVALS_KEPT = 96;
    /** The standards' answer threshold, whatever a queue's own. */
    private static final long TEN_SECONDS = 10;

    private static final int STATES = AgentState.values().length;

    private final int queues;
    private final int tiers;
    private final int brandSlots;
    private final long[] thresholdMs;
    private final long[] thresholdSeconds;
    private final long[] shortAbandonSeconds;

    /**
     * One cell per queue, tier and brand: the engine writes only these (and the interval cells);
     * queue, tier and brand totals are sums taken when read, so recording a call costs one cell.
     */
    private final TrafficCounters[] cells;
    private final WaitDistribution[] waits;
    private final TrafficCounters[] intervalCells;
    private final PublishedCounts intervalOfCell;

    private final PublishedCounts waitingByQueueTier;
    private final AtomicLongArray oldestPlaceByQueue;
    /** 1 while the queue is in peak mode. */
    private final java.util.concurrent.atomic.AtomicIntegerArray peakModeByQueue;
    /** Agents by state per staffing group (agents who staff the same set of queues). */
    private volatile Staffing staffing = new Staffing(new int[0][], new PublishedCounts(0));
    private final PublishedCounts agentsByState = new PublishedCounts(STATES);
    private final AtomicLongArray clock = new AtomicLongArray(1);

    /**
     * @param thresholdSeconds     service-level threshold per queue
     * @param shortAbandonSeconds  short-abandon threshold per queue
     * @param tiers                number of tiers
     * @param brands               number of brands (a slot for "no brand" is added)
     */
    public ServiceLevelBoard(int[] thresholdSeconds, int[] shortAbandonSeconds, int tiers, int brands) {
        this.queues = thresholdSeconds.length;
        this.tiers = tiers;
        this.brandSlots = brands + 1;
        this.thresholdMs = new long[queues];
        this.thresholdSeconds = new long[queues];
        this.shortAbandonSeconds = new long[queues];
        for (int q = 0; q < queues; q++) {
            thresholdMs[q] = thresholdSeconds[q] * 1000L;
            this.thresholdSeconds[q] = thresholdSeconds[q];
            this.shortAbandonSeconds[q] = shortAbandonSeconds[q];
        }
        cells = cells(queues * tiers * brandSlots);
        waits = distributions(queues * tiers * brandSlots);
        intervalCells = cells(queues * tiers * brandSlots * INTERVALS_KEPT);
        intervalOfCell = new PublishedCounts(intervalCells.length);
        for (int i = 0; i < intervalCells.length; i++) {
            intervalOfCell.set(i, -1);
        }
        waitingByQueueTier = new PublishedCounts(queues * tiers);
        oldestPlaceByQueue = new AtomicLongArray(queues);
        for (int q = 0; q < queues; q++) {
            oldestPlaceByQueue.lazySet(q, Long.MAX_VALUE);
        }
        peakModeByQueue = new java.util.concurrent.atomic.AtomicIntegerArray(queues);
    }

    private static TrafficCounters[] cells(int n) {
        TrafficCounters[] cells = new TrafficCounters[n];
        for (int i = 0; i < n; i++) {
            cells[i] = new TrafficCounters();
        }
        return cells;
    }

    private static WaitDistribution[] distributions(int n) {
        WaitDistribution[] d = new WaitDistribution[n];
        for (int i = 0; i < n; i++) {
            d[i] = new WaitDistribution();
        }
        return d;
    }

    public int queueCount() {
        return queues;
    }

    public int tierCount() {
        return tiers;
    }

    public long thresholdMs(int queue) {
        return thresholdMs[queue];
    }

    // ---- writer side: the engine thread only ----

    private int brandSlot(int brand) {
        return brand < 0 ? brandSlots - 1 : brand;
    }

    private TrafficCounters intervalCell(int queue, int tier, int brand, long queuedAtMs) {
        long interval = Math.floorDiv(queuedAtMs, INTERVAL_MS);
        int cell = cell(queue, tier, brand) * INTERVALS_KEPT + (int) Math.floorMod(interval, INTERVALS_KEPT);
        TrafficCounters counters = intervalCells[cell];
        if (intervalOfCell.written(cell) != interval) {
            counters.reset();
            intervalOfCell.set(cell, interval);
        }
        return counters;
    }

    private int cell(int queue, int tier, int brand) {
        return (queue * tiers + tier) * brandSlots + brandSlot(brand);
    }

    /** The call's running cell and the cell of the interval it was queued in, for one record. */
    private TrafficCounters totalCell;
    private TrafficCounters periodCell;

    /**
     * Finds the two cells a call's outcome counts in, once per record: the interval cell costs
     * two long divisions to find, which used to be paid again for every field written.
     */
    private void cellsOf(int queue, int tier, int brand, long queuedAtMs) {
        totalCell = cells[cell(queue, tier, brand)];
        periodCell = intervalCell(queue, tier, brand, queuedAtMs);
    }

    private void add(int field, long delta) {
        totalCell.add(field, delta);
        periodCell.add(field, delta);
    }

    private void longest(long waitMs) {
        totalCell.max(TrafficCounters.LONGEST_WAIT_MS, waitMs);
        periodCell.max(TrafficCounters.LONGEST_WAIT_MS, waitMs);
    }

    public void recordOffered(int queue, int tier, int brand, long queuedAtMs) {
        cellsOf(queue, tier, brand, queuedAtMs);
        add(TrafficCounters.OFFERED, 1);
        waitingByQueueTier.add(queue * tiers + tier, 1);
    }

    /** The call left the waiting line (answered, abandoned, overflowed or released). */
    private void leftLine(int queue, int tier) {
        waitingByQueueTier.add(queue * tiers + tier, -1);
    }

    /**
     * Whole seconds waited, as the difference of the whole-second clock readings at the join and
     * at the end: how app_queue counts a hold time, and how the queue_log records it, so the
     * service level recomputed from the queue_log is this one exactly.
     */
    private static long waitSeconds(long queuedAtMs, long waitMs) {
        return Math.floorDiv(queuedAtMs + waitMs, 1000) - Math.floorDiv(queuedAtMs, 1000);
    }

    public void recordAnswered(int queue, int tier, int brand, long queuedAtMs, long waitMs) {
        leftLine(queue, tier);
        cellsOf(queue, tier, brand, queuedAtMs);
        add(TrafficCounters.ANSWERED, 1);
        add(TrafficCounters.ANSWER_WAIT_SUM_MS, waitMs);
        long seconds = waitSeconds(queuedAtMs, waitMs);
        if (seconds <= thresholdSeconds[queue]) {
            add(TrafficCounters.ANSWERED_WITHIN, 1);
        }
        if (seconds <= TEN_SECONDS) {
            add(TrafficCounters.ANSWERED_WITHIN_10S, 1);
        }
        longest(waitMs);
        waits[cell(queue, tier, brand)].record(waitMs);
    }

    public void recordAbandoned(int queue, int tier, int brand, long queuedAtMs, long waitMs) {
        leftLine(queue, tier);
        cellsOf(queue, tier, brand, queuedAtMs);
        add(TrafficCounters.ABANDONED, 1);
        if (waitSeconds(queuedAtMs, waitMs) < shortAbandonSeconds[queue]) {
            add(TrafficCounters.SHORT_ABANDONED, 1);
        }
        longest(waitMs);
    }

    public void recordOverflowed(int queue, int tier, int brand, long queuedAtMs) {
        leftLine(queue, tier);
        cellsOf(queue, tier, brand, queuedAtMs);
        add(TrafficCounters.OVERFLOWED, 1);
    }

    public void recordTimedOut(int queue, int tier, int brand, long queuedAtMs) {
        leftLine(queue, tier);
        cellsOf(queue, tier, brand, queuedAtMs);
        add(TrafficCounters.TIMED_OUT, 1);
    }

    public void recordRefused(int queue, int tier, int brand, long queuedAtMs) {
        leftLine(queue, tier);
        cellsOf(queue, tier, brand, queuedAtMs);
        add(TrafficCounters.REFUSED, 1);
    }

    /** A call came when the queue was closed: counted apart, never offered. */
    public void recordClosed(int queue, int tier, int brand, long atMs) {
        cellsOf(queue, tier, brand, atMs);
        add(TrafficCounters.CLOSED, 1);
    }

    /** The announcements offered the waiting caller a callback (once per call). */
    public void recordCallbackOffered(int queue, int tier, int brand, long queuedAtMs) {
        cellsOf(queue, tier, brand, queuedAtMs);
        add(TrafficCounters.CALLBACKS_OFFERED, 1);
    }

    /** The caller took it: still offered, still waiting (by their kept place), not yet answered. */
    public void recordCallbackRequested(int queue, int tier, int brand, long queuedAtMs) {
        cellsOf(queue, tier, brand, queuedAtMs);
        add(TrafficCounters.CALLBACKS_REQUESTED, 1);
    }

    /** The customer answered the callback; the call's answer is counted as any other's. */
    public void recordCallbackReached(int queue, int tier, int brand, long queuedAtMs) {
        cellsOf(queue, tier, brand, queuedAtMs);
        add(TrafficCounters.CALLBACKS_REACHED, 1);
    }

    /** The callback was given up: the call leaves the line unanswered, so it counts against the service level. */
    public void recordCallbackNotReached(int queue, int tier, int brand, long queuedAtMs) {
        leftLine(queue, tier);
        cellsOf(queue, tier, brand, queuedAtMs);
        add(TrafficCounters.CALLBACKS_NOT_REACHED, 1);
    }

    public void recordHandled(int queue, int tier, int brand, long queuedAtMs, long handleMs) {
        cellsOf(queue, tier, brand, queuedAtMs);
        add(TrafficCounters.HANDLED, 1);
        add(TrafficCounters.HANDLE_SUM_MS, handleMs);
    }

    /** An agent of staffing group {@code group} (see {@link #agentsConfigured}) changed state. */
    public void agentStateChanged(int group, AgentState from, AgentState to) {
        agentsByState.add(from.ordinal(), -1);
        agentsByState.add(to.ordinal(), 1);
        PublishedCounts counts = staffing.counts();
        counts.add(group * STATES + from.ordinal(), -1);
        counts.add(group * STATES + to.ordinal(), 1);
    }

    /**
     * An agent in {@code state} moved from staffing group {@code from} to {@code to}, which
     * staffs {@code queuesOfTo}; {@code to} may be one group past the last, a group first seen
     * now. Readers see either the old table or the new one, never half of one.
     */
    public void agentRegrouped(int from, int to, int[] queuesOfTo, AgentState state) {
        Staffing table = staffing;
        if (to == table.queues().length) {
            int[][] queues = java.util.Arrays.copyOf(table.queues(), to + 1);
            queues[to] = queuesOfTo.clone();
            PublishedCounts counts = new PublishedCounts((to + 1) * STATES);
            for (int i = 0; i < table.counts().length(); i++) {
                counts.set(i, table.counts().written(i));
            }
            table = new Staffing(queues, counts);
            staffing = table;
        }
        PublishedCounts counts = table.counts();
        counts.add(from * STATES + state.ordinal(), -1);
        counts.add(to * STATES + state.ordinal(), 1);
    }

    /** Queues staffed per group, and agents by state per group (group * STATES + state). */
    private record Staffing(int[][] queues, PublishedCounts counts) {
    }

    /**
     * Sets the starting population, all logged out, before any event: {@code groupOfAgent[a]} is
     * agent a's staffing group, {@code queuesOfGroup[g]} the queues group g's agents staff. A
     * state change then writes two counters however many queues the agent staffs.
     */
    public void agentsConfigured(int[] groupOfAgent, int[][] queuesOfGroup) {
        PublishedCounts agentsByGroupState = new PublishedCounts(queuesOfGroup.length * STATES);
        for (int group : groupOfAgent) {
            agentsByState.add(AgentState.LOGGED_OUT.ordinal(), 1);
            agentsByGroupState.add(group * STATES + AgentState.LOGGED_OUT.ordinal(), 1);
        }
        staffing = new Staffing(queuesOfGroup.clone(), agentsByGroupState);
    }

    public void publishOldestWaiting(int queue, long placeMs) {
        oldestPlaceByQueue.lazySet(queue, placeMs);
    }

    public void publishPeakMode(int queue, boolean on) {
        peakModeByQueue.set(queue, on ? 1 : 0);
    }

    public void publishTime(long nowMs) {
        clock.lazySet(0, nowMs);
    }

    // ---- reader side: any thread ----

    /** The engine's event time at its last tick. */
    public long lastEventTimeMs() {
        return clock.get(0);
    }

    private long[] sum(int queue, int tier, int brandSlotOrAll) {
        long[] sums = new long[TrafficCounters.FIELDS];
        for (int q = queue < 0 ? 0 : queue; q < (queue < 0 ? queues : queue + 1); q++) {
            for (int t = tier < 0 ? 0 : tier; t < (tier < 0 ? tiers : tier + 1); t++) {
                for (int b = brandSlotOrAll < 0 ? 0 : brandSlotOrAll;
                     b < (brandSlotOrAll < 0 ? brandSlots : brandSlotOrAll + 1); b++) {
                    cells[(q * tiers + t) * brandSlots + b].addTo(sums);
                }
            }
        }
        return sums;
    }

    private WaitPercentiles sumWaits(int queue, int tier, int brandSlotOrAll) {
        Histogram sum = new Histogram(WaitDistribution.HIGHEST_MS, WaitDistribution.PRECISION);
        for (int q = queue < 0 ? 0 : queue; q < (queue < 0 ? queues : queue + 1); q++) {
            for (int t = tier < 0 ? 0 : tier; t < (tier < 0 ? tiers : tier + 1); t++) {
                for (int b = brandSlotOrAll < 0 ? 0 : brandSlotOrAll;
                     b < (brandSlotOrAll < 0 ? brandSlots : brandSlotOrAll + 1); b++) {
                    waits[(q * tiers + t) * brandSlots + b].addInto(sum);
                }
            }
        }
        return new WaitPercentiles(sum.getTotalCount(), sum.getValueAtPercentile(50), sum.getValueAtPercentile(90),
                sum.getValueAtPercentile(99), sum.getMaxValue());
    }

    public TrafficFigures queue(int queue) {
        return TrafficFigures.of(sum(queue, -1, -1));
    }

    public TrafficFigures queueTier(int queue, int tier) {
        return TrafficFigures.of(sum(queue, tier, -1));
    }

    /** Figures of a queue's calls of one brand; {@code brand = -1} for calls with no brand. */
    public TrafficFigures queueBrand(int queue, int brand) {
        return TrafficFigures.of(sum(queue, -1, brandSlot(brand)));
    }

    /** Figures of one tier over all queues. */
    public TrafficFigures tier(int tier) {
        return TrafficFigures.of(sum(-1, tier, -1));
    }

    public WaitPercentiles waits(int queue) {
        return sumWaits(queue, -1, -1);
    }

    public WaitPercentiles waits(int queue, int tier) {
        return sumWaits(queue, tier, -1);
    }

    public WaitPercentiles brandWaits(int queue, int brand) {
        return sumWaits(queue, -1, brandSlot(brand));
    }

    /** Waits of one tier over all queues. */
    public WaitPercentiles tierWaits(int tier) {
        return sumWaits(-1, tier, -1);
    }

    /**
     * The kept intervals of a queue (all tiers when {@code tier < 0}) that saw calls, oldest
     * first.
     */
    public List<IntervalFigures> intervals(int queue, int tier) {
        long newest = Long.MIN_VALUE;
        for (int t = 0; t < tiers; t++) {
            for (int b = 0; b < brandSlots; b++) {
                int base = ((queue * tiers + t) * brandSlots + b) * INTERVALS_KEPT;
                for (int k = 0; k < INTERVALS_KEPT; k++) {
                    newest = Math.max(newest, intervalOfCell.get(base + k));
                }
            }
        }
        List<IntervalFigures> out = new ArrayList<>();
        if (newest < 0) {
            return out;
        }
        for (long interval = Math.max(0, newest - INTERVALS_KEPT + 1); interval <= newest; interval++) {
            long[] sums = new long[TrafficCounters.FIELDS];
            boolean any = false;
            for (int t = tier < 0 ? 0 : tier; t < (tier < 0 ? tiers : tier + 1); t++) {
                for (int b = 0; b < brandSlots; b++) {
                    int cell = ((queue * tiers + t) * brandSlots + b) * INTERVALS_KEPT
                            + (int) Math.floorMod(interval, INTERVALS_KEPT);
                    if (intervalOfCell.get(cell) == interval) {
                        intervalCells[cell].addTo(sums);
                        any = true;
                    }
                }
            }
            if (any && sums[TrafficCounters.OFFERED] > 0) {
                out.add(new IntervalFigures(interval * INTERVAL_MS, TrafficFigures.of(sums)));
            }
        }
        return out;
    }

    /** Every count since the start, per queue, tier and brand. */
    public TrafficTable totals() {
        TrafficTable table = new TrafficTable(queues, tiers, brandSlots - 1);
        for (int q = 0; q < queues; q++) {
            for (int t = 0; t < tiers; t++) {
                for (int b = 0; b < brandSlots; b++) {
                    table.add(q, t, b == brandSlots - 1 ? -1 : b, cells[(q * tiers + t) * brandSlots + b].read());
                }
            }
        }
        return table;
    }

    /**
     * The counts of the calls queued from {@code fromMs} (inclusive) to {@code toMs} (exclusive),
     * from the kept intervals: both ends fall on interval starts, as midnight does in every time
     * zone (their offsets are whole quarter hours).
     */
    public TrafficTable between(long fromMs, long toMs) {
        TrafficTable table = new TrafficTable(queues, tiers, brandSlots - 1);
        forEachInterval(-1, fromMs, toMs,
                (startMs, queue, tier, brand, counts) -> table.add(queue, tier, brand, counts));
        return table;
    }

    /** One kept interval of one queue, tier and brand ({@code -1} for none), counts by {@link TrafficField}. */
    @FunctionalInterface
    public interface IntervalVisitor {
        void interval(long startMs, int queue, int tier, int brand, long[] counts);
    }

    /** Visits every kept interval cell that counted anything, as of now. */
    public void forEachInterval(IntervalVisitor visitor) {
        forEachInterval(-1, Long.MIN_VALUE, Long.MAX_VALUE, visitor);
    }

    /**
     * Visits the kept interval cells of one queue (every queue when {@code queue < 0}) that start
     * from {@code fromMs} (inclusive) to {@code toMs} (exclusive) and counted anything: the cells
     * outside are passed over without reading their counts.
     */
    public void forEachInterval(int queue, long fromMs, long toMs, IntervalVisitor visitor) {
        for (int q = queue < 0 ? 0 : queue; q < (queue < 0 ? queues : queue + 1); q++) {
            for (int t = 0; t < tiers; t++) {
                for (int b = 0; b < brandSlots; b++) {
                    int base = ((q * tiers + t) * brandSlots + b) * INTERVALS_KEPT;
                    for (int k = 0; k < INTERVALS_KEPT; k++) {
                        long interval = intervalOfCell.get(base + k);
                        if (interval < 0 || interval * INTERVAL_MS < fromMs || interval * INTERVAL_MS >= toMs) {
                            continue;
                        }
                        long[] counts = intervalCells[base + k].read();
                        // The writer may have reused the cell for a newer interval while it was read.
                        if (intervalOfCell.get(base + k) == interval && nonZero(counts)) {
                            visitor.interval(interval * INTERVAL_MS, q, t, b == brandSlots - 1 ? -1 : b, counts);
                        }
                    }
                }
            }
        }
    }

    private static boolean nonZero(long[] counts) {
        for (long c : counts) {
            if (c != 0) {
                return true;
            }
        }
        return false;
    }

    public long waitingNow(int queue, int tier) {
        return waitingByQueueTier.get(queue * tiers + tier);
    }

    public long waitingNow(int queue) {
        long n = 0;
        for (int t = 0; t < tiers; t++) {
            n += waitingByQueueTier.get(queue * tiers + t);
        }
        return n;
    }

    /** Whether a supervisor has the queue in peak mode. */
    public boolean inPeakMode(int queue) {
        return peakModeByQueue.get(queue) != 0;
    }

    /** How long the longest-waiting caller of the queue has waited, as of the last tick. */
    public long longestWaitingNowMs(int queue) {
        long place = oldestPlaceByQueue.get(queue);
        return place == Long.MAX_VALUE ? 0 : Math.max(0, clock.get(0) - place);
    }

    public long agents(int queue, AgentState state) {
        long n = 0;
        Staffing table = staffing;
        int[][] groups = table.queues();
        PublishedCounts agentsByGroupState = table.counts();
        for (int g = 0; g < groups.length; g++) {
            for (int q : groups[g]) {
                if (q == queue) {
                    n += agentsByGroupState.get(g * STATES + state.ordinal());
                    break;
                }
            }
        }
        return n;
    }

    public long agents(AgentState state) {
        return agentsByState.get(state.ordinal());
    }
}
