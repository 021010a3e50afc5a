package acd.core.metrics;

/**
 * The counts behind one row of a service-level report. Written by the engine thread only (plain
 * read, ordered write: cheap, never torn); read by any thread.
 */
public final class TrafficCounters {
    static final int OFFERED = 0;
    static final int ANSWERED = 1;
    static final int ANSWERED_WITHIN = 2;
    static final int ABANDONED = 3;
    static final int SHORT_ABANDONED = 4;
    static final int OVERFLOWED = 5;
    static final int TIMED_OUT = 6;
    static final int REFUSED = 7;
    static final int ANSWER_WAIT_SUM_MS = 8;
    static final int HANDLED = 9;
    static final int HANDLE_SUM_MS = 10;
    static final int LONGEST_WAIT_MS = 11;
    static final int CLOSED = 12;
    static final int CALLBACKS_OFFERED = 13;
    static final int CALLBACKS_REQUESTED = 14;
    static final int CALLBACKS_REACHED = 15;
    static final int CALLBACKS_NOT_REACHED = 16;
    static final int FIELDS = 17;

    private final PublishedCounts values = new PublishedCounts(FIELDS);

    void add(int field, long delta) {
        values.add(field, delta);
    }

    void max(int field, long value) {
        if (value > values.written(field)) {
            values.set(field, value);
        }
    }

    void reset() {
        for (int i = 0; i < FIELDS; i++) {
            values.set(i, 0);
        }
    }

    long get(int field) {
        return values.get(field);
    }

    /** Adds this cell's counts into {@code sums} (index by field). */
    void addTo(long[] sums) {
        for (int i = 0; i < FIELDS; i++) {
            if (i == LONGEST_WAIT_MS) {
                sums[i] = Math.max(sums[i], values.get(i));
            } else {
                sums[i] += values.get(i);
            }
        }
    }

    long[] read() {
        long[] sums = new long[FIELDS];
        addTo(sums);
        return sums;
    }
}
