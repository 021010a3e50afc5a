package acd.core.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Waits recorded by the engine thread into a {@link SingleWriterRecorder}; a reader swaps out
 * the interval histogram without stopping the writer and folds it into the running total.
 */
final class WaitDistribution {
    /** Waits are recorded to the millisecond up to a day; longer ones are clamped. */
    private static final long HIGHEST_MS = 24L * 3600 * 1000;

    private final SingleWriterRecorder recorder = new SingleWriterRecorder(HIGHEST_MS, 3);
    private final Histogram total = new Histogram(HIGHEST_MS, 3);
    private Histogram recycled;

    void record(long waitMs) {
        recorder.recordValue(Math.max(0, Math.min(waitMs, HIGHEST_MS)));
    }

    synchronized WaitPercentiles read() {
        recycled = recorder.getIntervalHistogram(recycled);
        total.add(recycled);
        return new WaitPercentiles(total.getTotalCount(), total.getValueAtPercentile(50),
                total.getValueAtPercentile(90), total.getValueAtPercentile(99), total.getMaxValue());
    }

    synchronized void addInto(Histogram target) {
        read();
        target.add(total);
    }
}
