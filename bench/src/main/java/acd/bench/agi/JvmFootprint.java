package acd.bench.agi;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * What a server under test costs the JVM it runs in: live threads, heap per open call, CPU. The
 * generator shares the JVM, so threads are counted from a reading taken after the generator's
 * threads were running and before the server started; heap per call and CPU include the
 * generator's own share, the same for both servers at the same load.
 */
final class JvmFootprint implements RunObserver {

    private static final long SAMPLE_MS = 20;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

    private int threadsBeforeServer;
    private long idleHeapBytes;
    private volatile boolean sampling;
    private volatile int peakThreads;
    private volatile long peakHeapBytes;
    private Thread sampler;
    private long liveHeapAtWindowEnd;
    private long cpuAtWindowStart;
    private long cpuInWindowNanos = -1;
    private long generatorCpuAtWindowStart;
    private long generatorCpuInWindowNanos = -1;
    private double machineBusyShare = Double.NaN;
    private int openAtHeapReading;

    /** Before the server starts. */
    void beforeServer() {
        threadsBeforeServer = threads.getThreadCount();
    }

    /** After the server started and before any call: the heap an idle server keeps alive. */
    void idle() {
        idleHeapBytes = liveHeapBytes();
    }

    @Override
    public void windowOpened() {
        cpuAtWindowStart = processCpuNanos();
        generatorCpuAtWindowStart = generatorCpuNanos();
        machineCpuLoad();
        sampling = true;
        peakThreads = threads.getThreadCount();
        peakHeapBytes = memory.getHeapMemoryUsage().getUsed();
        sampler = new Thread(this::sample, "agi-load-footprint");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (sampling) {
            peakThreads = Math.max(peakThreads, threads.getThreadCount());
            peakHeapBytes = Math.max(peakHeapBytes, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void windowClosed(IntSupplier openSessions) {
        long cpu = processCpuNanos();
        long generatorCpu = generatorCpuNanos();
        cpuInWindowNanos = cpu < 0 || cpuAtWindowStart < 0 ? -1 : cpu - cpuAtWindowStart;
        generatorCpuInWindowNanos = generatorCpu < 0 || generatorCpuAtWindowStart < 0
                ? -1 : generatorCpu - generatorCpuAtWindowStart;
        machineBusyShare = machineCpuLoad();
        sampling = false;
        if (sampler != null) {
            sampler.interrupt();
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        peakThreads = Math.max(peakThreads, threads.getThreadCount());
        // Counted just before the collection, which stops every thread: calls that end after the
        // count are collected, those that end after the collection still hold their heap.
        openAtHeapReading = openSessions.getAsInt();
        System.gc();
        liveHeapAtWindowEnd = memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * CPU time the whole JVM (server and generator) used in the window, or -1 where the platform
     * does not tell; the generator's share is the same for both servers at the same load.
     */
    long cpuInWindowNanos() {
        return cpuInWindowNanos;
    }

    /**
     * CPU time of the generator's own threads in the window (its event loops and the thread that
     * starts calls), or -1 where the JVM does not measure thread CPU time. The rest of the JVM's
     * CPU is the server's, with the collector and the compiler working for both.
     */
    long generatorCpuInWindowNanos() {
        return generatorCpuInWindowNanos;
    }

    private long generatorCpuNanos() {
        if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
            return -1;
        }
        long total = 0;
        Thread starter = Thread.currentThread();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread == starter || thread.getName().startsWith(AgiLoadGenerator.THREAD_NAME)) {
                long cpu = threads.getThreadCpuTime(thread.getId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }

    /**
     * How busy all the machine's cores were over the window, whoever used them; well above the
     * JVM's own share means something else ran beside the measurement and the figures suffer.
     */
    double machineBusyShare() {
        return machineBusyShare;
    }

    /** The machine's load since the previous call; the first call only starts the interval. */
    private double machineCpuLoad() {
        if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
            double load = bean.getCpuLoad();
            return load < 0 ? Double.NaN : load;
        }
        return Double.NaN;
    }

    private long processCpuNanos() {
        return os instanceof com.sun.management.OperatingSystemMXBean bean ? bean.getProcessCpuTime() : -1;
    }

    /** Threads the server added at the busiest moment of the window. */
    int serverThreads() {
        return peakThreads - threadsBeforeServer;
    }

    /** Live heap held per open call at the end of the window; NaN when no call was open. */
    double liveHeapPerSessionBytes() {
        return openAtHeapReading < 1 ? Double.NaN : (double) (liveHeapAtWindowEnd - idleHeapBytes) / openAtHeapReading;
    }

    /** The highest heap use sampled, less the idle live heap, per open call: includes garbage not yet collected. */
    double peakHeapPerSessionBytes(int openSessions) {
        return openSessions < 1 ? Double.NaN : (double) (peakHeapBytes - idleHeapBytes) / openSessions;
    }

    int openAtHeapReading() {
        return openAtHeapReading;
    }

    private long liveHeapBytes() {
        // Two collections: what a cleaner or finalizer releases goes only in the second.
        System.gc();
        System.gc();
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
