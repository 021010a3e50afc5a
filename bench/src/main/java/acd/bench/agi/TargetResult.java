package acd.bench.agi;

/**
 * One server's figures from a comparison run.
 *
 * @param key                     {@code ours} or {@code baseline}
 * @param description             what ran
 * @param run                     what the load generator saw
 * @param serverThreads           live threads the server added at the busiest moment
 * @param liveHeapPerSessionBytes live heap per open call at the end of the window, after a full
 *                                collection, less the idle server's
 * @param openAtHeapReading       calls open when that heap was read
 * @param peakHeapPerSessionBytes the highest heap use sampled in the window less the idle live
 *                                heap, per call at the busiest moment; includes uncollected garbage
 * @param cpuInWindowNanos        CPU time of the whole JVM in the window, -1 if unknown
 * @param machineBusyShare        share of all cores busy over the window, this JVM or not
 * @param generatorCpuInWindowNanos CPU time of the load generator's threads in the window, -1 if unknown
 */
public record TargetResult(String key, String description, LoadRun run, int serverThreads,
                           double liveHeapPerSessionBytes, int openAtHeapReading, double peakHeapPerSessionBytes,
                           long cpuInWindowNanos, double machineBusyShare, long generatorCpuInWindowNanos) {

    /** CPU time of the JVM per call completed in the window, in microseconds. */
    public double cpuPerCallMicros() {
        return cpuInWindowNanos < 0 || run.completedInWindow() == 0
                ? Double.NaN : cpuInWindowNanos / 1000.0 / run.completedInWindow();
    }

    /**
     * CPU time per call completed in the window of everything in the JVM but the generator's
     * threads, in microseconds: the server, and the collector and compiler working for both.
     */
    public double serverCpuPerCallMicros() {
        return cpuInWindowNanos < 0 || generatorCpuInWindowNanos < 0 || run.completedInWindow() == 0
                ? Double.NaN : (cpuInWindowNanos - generatorCpuInWindowNanos) / 1000.0 / run.completedInWindow();
    }

    /** Share of all the machine's cores the JVM kept busy in the window. */
    public double cpuUtilisation(int cpus) {
        return cpuInWindowNanos < 0 || run.windowNanos() == 0
                ? Double.NaN : (double) cpuInWindowNanos / run.windowNanos() / cpus;
    }
}
