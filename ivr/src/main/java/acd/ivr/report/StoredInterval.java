package acd.ivr.report;

import acd.core.metrics.TrafficField;

import java.util.Arrays;

/**
 * The counts of one 15-minute interval of one queue, tier and brand, as stored.
 *
 * @param startMs the interval's start, epoch milliseconds
 * @param brand   the brand id, or empty for calls with no brand
 * @param counts  indexed by {@link TrafficField}
 */
public record StoredInterval(long startMs, String queue, String tier, String brand, long[] counts) {
    public StoredInterval {
        if (counts.length != TrafficField.count()) {
            throw new IllegalArgumentException("an interval has " + TrafficField.count() + " counts, not "
                    + counts.length);
        }
        counts = counts.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    public long count(TrafficField field) {
        return counts[field.ordinal()];
    }

    /** Where the interval belongs: start, queue, tier and brand. */
    public Key key() {
        return new Key(startMs, queue, tier, brand);
    }

    public record Key(long startMs, String queue, String tier, String brand) {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredInterval other && other.key().equals(key()) && Arrays.equals(other.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * key().hashCode() + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return key() + Arrays.toString(counts);
    }
}
