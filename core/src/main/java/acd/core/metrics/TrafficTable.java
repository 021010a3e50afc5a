package acd.core.metrics;

/**
 * Counts added up per queue, tier and brand over some stretch of time (since the start, one day,
 * a restart's stored part of today), from which the report rows are read. Brand {@code -1} is
 * the calls with no brand. Not thread-safe: whoever builds one reads it.
 */
public final class TrafficTable {
    private final int queues;
    private final int tiers;
    private final int brandSlots;
    private final long[] counts;

    /** @param brands the brands configured; a slot for "no brand" is added */
    public TrafficTable(int queues, int tiers, int brands) {
        this.queues = queues;
        this.tiers = tiers;
        this.brandSlots = brands + 1;
        this.counts = new long[queues * tiers * brandSlots * TrafficField.count()];
    }

    private int offset(int queue, int tier, int brand) {
        if (queue < 0 || queue >= queues || tier < 0 || tier >= tiers || brand < -1 || brand >= brandSlots - 1) {
            throw new IndexOutOfBoundsException("no cell for queue " + queue + ", tier " + tier + ", brand " + brand);
        }
        int slot = brand < 0 ? brandSlots - 1 : brand;
        return ((queue * tiers + tier) * brandSlots + slot) * TrafficField.count();
    }

    /** Adds counts indexed by {@link TrafficField} to one cell. */
    public void add(int queue, int tier, int brand, long[] cellCounts) {
        TrafficField.merge(counts, offset(queue, tier, brand), cellCounts, 0);
    }

    /** Every count of the table added into this one, which has the same shape. */
    public void addAll(TrafficTable other) {
        if (other.counts.length != counts.length) {
            throw new IllegalArgumentException("tables of different shapes");
        }
        for (int cell = 0; cell < counts.length; cell += TrafficField.count()) {
            TrafficField.merge(counts, cell, other.counts, cell);
        }
    }

    /** Figures of the calls matching: a negative queue or tier means all; brand {@code ALL_BRANDS} means all. */
    private TrafficFigures sum(int queue, int tier, int brand) {
        long[] sums = new long[TrafficField.count()];
        for (int q = 0; q < queues; q++) {
            for (int t = 0; t < tiers; t++) {
                for (int b = -1; b < brandSlots - 1; b++) {
                    if ((queue >= 0 && q != queue) || (tier >= 0 && t != tier) || (brand != ALL_BRANDS && b != brand)) {
                        continue;
                    }
                    TrafficField.merge(sums, 0, counts, offset(q, t, b));
                }
            }
        }
        return TrafficFigures.of(sums);
    }

    private static final int ALL_BRANDS = Integer.MIN_VALUE;

    public TrafficFigures all() {
        return sum(-1, -1, ALL_BRANDS);
    }

    public TrafficFigures queue(int queue) {
        return sum(queue, -1, ALL_BRANDS);
    }

    public TrafficFigures queueTier(int queue, int tier) {
        return sum(queue, tier, ALL_BRANDS);
    }

    /** A queue's calls of one brand; {@code brand = -1} for calls with no brand. */
    public TrafficFigures queueBrand(int queue, int brand) {
        return sum(queue, -1, brand);
    }

    /** One tier over all queues. */
    public TrafficFigures tier(int tier) {
        return sum(-1, tier, ALL_BRANDS);
    }

    /** One brand over all queues; {@code -1} for calls with no brand. */
    public TrafficFigures brand(int brand) {
        return sum(-1, -1, brand);
    }
}
