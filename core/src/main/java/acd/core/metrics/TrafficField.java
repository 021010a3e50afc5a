package acd.core.metrics;

import java.util.Locale;

/**
 * The counts behind one row of a service-level report, in the order a cell holds them. Each has
 * a column of the same name (in snake case) where intervals are stored, so a stored row and a
 * live cell are the same numbers.
 */
public enum TrafficField {
    OFFERED,
    ANSWERED,
    /** Answered within the queue's threshold, in whole seconds as the queue_log counts them. */
    ANSWERED_WITHIN,
    ABANDONED,
    SHORT_ABANDONED,
    OVERFLOWED,
    TIMED_OUT,
    REFUSED,
    ANSWER_WAIT_SUM_MS,
    HANDLED,
    HANDLE_SUM_MS,
    /** The longest wait: a maximum, not a sum, wherever cells are added up. */
    LONGEST_WAIT_MS,
    CLOSED,
    CALLBACKS_OFFERED,
    CALLBACKS_REQUESTED,
    CALLBACKS_REACHED,
    CALLBACKS_NOT_REACHED,
    /** Answered within 10 seconds whatever the queue's threshold: the standards' 10-second answer rate. */
    ANSWERED_WITHIN_10S;

    private static final TrafficField[] ALL = values();

    public static int count() {
        return ALL.length;
    }

    public static TrafficField of(int ordinal) {
        return ALL[ordinal];
    }

    /** Counts from two cells or rows add up, save the longest wait, which is the larger. */
    public static void merge(long[] into, long[] from) {
        merge(into, 0, from, 0);
    }

    /** As {@link #merge(long[], long[])}, for the cells that start at the offsets given. */
    public static void merge(long[] into, int intoAt, long[] from, int fromAt) {
        for (int i = 0; i < ALL.length; i++) {
            into[intoAt + i] = i == LONGEST_WAIT_MS.ordinal()
                    ? Math.max(into[intoAt + i], from[fromAt + i]) : into[intoAt + i] + from[fromAt + i];
        }
    }

    /** The column a stored interval keeps this count in. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
