package acd.core.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Waits recorded by the engine thread into a {@link SingleWriterRecorder}; a reader swaps out
 * the interval histogram without stopping the writer and folds it into the running total.
 */
final class WaitDistribution {
    /** Waits are recorded up to a day; longer ones are clamped. */
    static final long HIGHEST_MS = 24L * 3600 * 1000;
    /** Two significant digits: a wait known to 1%, at a tenth of the memory and cache of three. */
    static final int PRECISION = 2;

    private final SingleWriterRecorder recorder = new SingleWriterRecorder(HIGHEST_MS, PRECISION);
    private final Histogram total = new Histogram(HIGHEST_MS, PRECISION);
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
