package acd.core.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

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
    static final int FIELDS = 12;

    private final AtomicLongArray values = new AtomicLongArray(FIELDS);

    /** Writer side: the engine thread reads back its own writes, so a plain read will do. */
    void add(int field, long delta) {
        values.lazySet(field, values.getPlain(field) + delta);
    }

    void max(int field, long value) {
        if (value > values.getPlain(field)) {
            values.lazySet(field, value);
        }
    }

    void reset() {
        for (int i = 0; i < FIELDS; i++) {
            values.lazySet(i, 0);
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
