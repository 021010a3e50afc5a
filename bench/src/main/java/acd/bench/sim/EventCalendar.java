package acd.bench.sim;

import java.util.Arrays;

/**
 * The simulator's future events: a binary min-heap of primitive keys over a pool of event
 * slots. The key packs the event's time with the order it was scheduled in, so events at the
 * same millisecond come out first-scheduled first and a run is the same on every machine; the
 * heap moves only keys and slot numbers, and nothing is allocated per event once the pool has
 * grown to the run's peak.
 *
 * <p>Events are never cancelled: the simulator checks on arrival whether an event still
 * matters (a caller's patience ending after they were answered, say), which is cheaper than
 * finding and removing it.
 */
final class EventCalendar {
    /** Low bits of a key: the scheduling order among events of the same millisecond. */
    private static final int ORDER_BITS = 20;
    private static final long ORDER_MASK = (1L << ORDER_BITS) - 1;
    /** Times up to about 278 years of virtual milliseconds fit beside the order bits. */
    static final long MAX_TIME_MS = Long.MAX_VALUE >>> ORDER_BITS;

    private long[] heapKeys;
    private int[] heapSlots;
    private int size;
    private long scheduled;

    private int[] kinds;
    private long[] calls;
    private int[] agents;
    private long[] tokens;
    private int[] freeSlots;
    private int freeCount;

    /** The event {@link #next()} took off the calendar. */
    long time;
    int kind;
    long callId;
    int agent;
    long token;

    EventCalendar(int initialCapacity) {
        int n = Math.max(16, initialCapacity);
        heapKeys = new long[n];
        heapSlots = new int[n];
        kinds = new int[n];
        calls = new long[n];
        agents = new int[n];
        tokens = new long[n];
        freeSlots = new int[n];
        for (int i = 0; i < n; i++) {
            freeSlots[i] = n - 1 - i;
        }
        freeCount = n;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void schedule(long timeMs, int eventKind, long call, int agentIndex, long offerToken) {
        if (timeMs < 0 || timeMs > MAX_TIME_MS) {
            throw new IllegalArgumentException("event time out of range: " + timeMs + " ms");
        }
        if (freeCount == 0) {
            grow();
        }
        int slot = freeSlots[--freeCount];
        kinds[slot] = eventKind;
        calls[slot] = call;
        agents[slot] = agentIndex;
        tokens[slot] = offerToken;
        // The order wraps after a million events; only events a million apart at the same millisecond would notice.
        long key = (timeMs << ORDER_BITS) | (scheduled++ & ORDER_MASK);
        int hole = size++;
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (heapKeys[parent] <= key) {
                break;
            }
            heapKeys[hole] = heapKeys[parent];
            heapSlots[hole] = heapSlots[parent];
            hole = parent;
        }
        heapKeys[hole] = key;
        heapSlots[hole] = slot;
    }

    /** Takes the earliest event into the public fields; false when the calendar is empty. */
    boolean next() {
        if (size == 0) {
            return false;
        }
        int slot = heapSlots[0];
        time = heapKeys[0] >>> ORDER_BITS;
        kind = kinds[slot];
        callId = calls[slot];
        agent = agents[slot];
        token = tokens[slot];
        freeSlots[freeCount++] = slot;
        int last = --size;
        if (last > 0) {
            long lastKey = heapKeys[last];
            int lastSlot = heapSlots[last];
            int hole = 0;
            int half = last >>> 1;
            while (hole < half) {
                int child = 2 * hole + 1;
                int right = child + 1;
                if (right < last && heapKeys[right] < heapKeys[child]) {
                    child = right;
                }
                if (heapKeys[child] >= lastKey) {
                    break;
                }
                heapKeys[hole] = heapKeys[child];
                heapSlots[hole] = heapSlots[child];
                hole = child;
            }
            heapKeys[hole] = lastKey;
            heapSlots[hole] = lastSlot;
        }
        return true;
    }

    private void grow() {
        int old = kinds.length;
        int n = old * 2;
        heapKeys = Arrays.copyOf(heapKeys, n);
        heapSlots = Arrays.copyOf(heapSlots, n);
        kinds = Arrays.copyOf(kinds, n);
        calls = Arrays.copyOf(calls, n);
        agents = Arrays.copyOf(agents, n);
        tokens = Arrays.copyOf(tokens, n);
        freeSlots = Arrays.copyOf(freeSlots, n);
        for (int i = old; i < n; i++) {
            freeSlots[freeCount++] = i;
        }
    }
}
