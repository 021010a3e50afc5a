package acd.core.metrics;

/**
 * The counts behind one row of a service-level report, by {@link TrafficField}. Written by the engine thread only (plain
 * read, ordered write: cheap, never torn); read by any thread.
 */
public final class TrafficCounters {
    static final int OFFERED = TrafficField.OFFERED.ordinal();
    static final int ANSWERED = TrafficField.ANSWERED.ordinal();
    static final int ANSWERED_WITHIN = TrafficField.ANSWERED_WITHIN.ordinal();
    static final int ABANDONED = TrafficField.ABANDONED.ordinal();
    static final int SHORT_ABANDONED = TrafficField.SHORT_ABANDONED.ordinal();
    static final int OVERFLOWED = TrafficField.OVERFLOWED.ordinal();
    static final int TIMED_OUT = TrafficField.TIMED_OUT.ordinal();
    static final int REFUSED = TrafficField.REFUSED.ordinal();
    static final int ANSWER_WAIT_SUM_MS = TrafficField.ANSWER_WAIT_SUM_MS.ordinal();
    static final int HANDLED = TrafficField.HANDLED.ordinal();
    static final int HANDLE_SUM_MS = TrafficField.HANDLE_SUM_MS.ordinal();
    static final int LONGEST_WAIT_MS = TrafficField.LONGEST_WAIT_MS.ordinal();
    static final int CLOSED = TrafficField.CLOSED.ordinal();
    static final int CALLBACKS_OFFERED = TrafficField.CALLBACKS_OFFERED.ordinal();
    static final int CALLBACKS_REQUESTED = TrafficField.CALLBACKS_REQUESTED.ordinal();
    static final int CALLBACKS_REACHED = TrafficField.CALLBACKS_REACHED.ordinal();
    static final int CALLBACKS_NOT_REACHED = TrafficField.CALLBACKS_NOT_REACHED.ordinal();
    static final int ANSWERED_WITHIN_10S = TrafficField.ANSWERED_WITHIN_10S.ordinal();
    static final int FIELDS = TrafficField.count();

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
        TrafficField.merge(sums, read());
    }

    long[] read() {
        long[] counts = new long[FIELDS];
        for (int i = 0; i < FIELDS; i++) {
            counts[i] = values.get(i);
        }
        return counts;
    }
}
