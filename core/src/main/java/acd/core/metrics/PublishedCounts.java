package acd.core.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts with one writer and any number of readers. The writer keeps its own plain copy and
 * publishes every change with an ordered write; it never reads the shared array back, so
 * counting costs a plain load and a store, whatever the JIT makes of an atomic read.
 */
final class PublishedCounts {
    private final long[] written;
    private final AtomicLongArray published;

    PublishedCounts(int length) {
        this.written = new long[length];
        this.published = new AtomicLongArray(length);
    }

    int length() {
        return written.length;
    }

    // ---- writer side

    void add(int i, long delta) {
        long value = written[i] + delta;
        written[i] = value;
        published.lazySet(i, value);
    }

    void set(int i, long value) {
        written[i] = value;
        published.lazySet(i, value);
    }

    /** The value as the writer last set it: for the writer only. */
    long written(int i) {
        return written[i];
    }

    // ---- reader side, any thread

    long get(int i) {
        return published.get(i);
    }
}
