package acd.core.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counts with one writer and any number of readers, in one plain array. The writer reads its
 * own values back with plain loads (nobody else writes them) and publishes every change with a
 * release store; readers load with acquire. Release and acquire accesses are atomic even for
 * longs, so a reader never sees a torn count, and the counts take one array, not a private copy
 * beside a shared one: half the cache lines for every call recorded.
 */
final class PublishedCounts {
    private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] values;

    PublishedCounts(int length) {
        this.values = new long[length];
    }

    int length() {
        return values.length;
    }

    // ---- writer side

    void add(int i, long delta) {
        VALUES.setRelease(values, i, values[i] + delta);
    }

    void set(int i, long value) {
        VALUES.setRelease(values, i, value);
    }

    /** The value as the writer last set it: for the writer only. */
    long written(int i) {
        return values[i];
    }

    // ---- reader side, any thread

    long get(int i) {
        return (long) VALUES.getAcquire(values, i);
    }
}
