package acd.bench.jmh;

import acd.core.engine.AcdEngine;
import acd.core.engine.CallView;
import acd.core.engine.DirectiveSink;
import acd.core.engine.EngineEvent;
import acd.core.engine.EngineListener;
import acd.core.model.RoutingConfig;
import acd.core.ring.EngineRing;
import acd.core.ring.RingWaitStrategy;
import com.lmax.disruptor.dsl.ProducerType;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hand-off latency through the engine ring: from the moment a producer thread starts to
 * publish an event to the moment the engine thread has applied it, at a fixed offered rate, per
 * wait strategy. A plain program rather than a JMH benchmark: the interesting figure is a
 * latency distribution at a given load, not a throughput.
 *
 * <p>The events are a recorded hotline stream (see {@link RecordedTraffic}), replayed from the
 * opening into a fresh engine: the first part (opening, filling, settling) as fast as the ring
 * takes it, unmeasured; then a paced warm-up; then the measured run. The producer stamps each
 * event just before claiming its slot, so time spent waiting for a full ring counts; the engine
 * thread notes {@code applied - stamped} per event, and the measured part goes into HdrHistograms
 * once plain and once with {@code recordValueWithExpectedInterval} at the pacing interval, which
 * adds the samples a stalled engine kept the producer from sending (coordinated omission). The
 * correction runs after the run, not on the engine thread: there it would slow the engine
 * exactly when it is already behind.
 *
 * <p>The producer paces by parking until the next event is due. On this kind of machine a park
 * lasts at least some tens of microseconds, so at high rates events leave in small bursts, as
 * they do from a network adapter; the engine sees the bursts and the histogram shows their cost.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar acd.bench.jmh.RingHandoffBenchmark \
 *     --rates 10000,100000 --strategies blocking,phased-backoff,sleeping --seconds 5 --warmup 2
 * </pre>
 */
public final class RingHandoffBenchmark {
    private static final long HIGHEST_NS = TimeUnit.SECONDS.toNanos(10);

    private final RoutingConfig config;
    private final RecordedTraffic traffic;
    private final int settleEvents;
    private final int ringSize;

    RingHandoffBenchmark(RoutingConfig config, RecordedTraffic traffic, int settleEvents, int ringSize) {
        this.config = config;
        this.traffic = traffic;
        this.settleEvents = settleEvents;
        this.ringSize = ringSize;
    }

    /** One measured run's figures, in nanoseconds. */
    record Result(RingWaitStrategy strategy, int ratePerSecond, Histogram corrected, Histogram raw,
                  long applied, long rejected) {
    }

    /** Fills ring slots from the recording, stamping each as it goes in. Reused: no allocation. */
    private static final class Replayer implements EngineRing.Filler {
        private final RecordedTraffic traffic;
        int next;
        long stampNanos;

        Replayer(RecordedTraffic traffic) {
            this.traffic = traffic;
        }

        @Override
        public void fill(EngineEvent event) {
            traffic.fill(next, event);
            event.traceNanos = stampNanos;
        }
    }

    /**
     * Notes each event's hand-off latency on the engine thread: one array store, so measuring
     * does not slow the thread it measures. The histograms are built afterwards.
     */
    private static final class Stopwatch implements EngineRing.Observer {
        final long[] latencyNs;
        final AtomicLong applied = new AtomicLong();

        Stopwatch(int events) {
            this.latencyNs = new long[events];
        }

        @Override
        public void afterEvent(EngineEvent event, long sequence, boolean endOfBatch) {
            if (event.traceNanos != 0) {
                latencyNs[(int) sequence] = System.nanoTime() - event.traceNanos;
            }
            applied.lazySet(sequence + 1);
        }
    }

    Result run(RingWaitStrategy strategy, int ratePerSecond, double warmupSeconds, double seconds) {
        long intervalNs = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        int warmupEvents = (int) (ratePerSecond * warmupSeconds);
        int measuredEvents = (int) (ratePerSecond * seconds);
        if (settleEvents + warmupEvents + measuredEvents > traffic.size()) {
            throw new IllegalArgumentException("recording too short for " + ratePerSecond + "/s");
        }
        AcdEngine engine = new AcdEngine(config, RoutingWorkload.OPENING_MS, new IgnoredDirectives(),
                EngineListener.NONE);
        int measuredFrom = settleEvents + warmupEvents;
        int end = measuredFrom + measuredEvents;
        Stopwatch stopwatch = new Stopwatch(end);
        Replayer replayer = new Replayer(traffic);
        EngineRing ring = new EngineRing(engine, ringSize, strategy, ProducerType.SINGLE, stopwatch);
        try {
            // Opening, filling and settling: as fast as the engine takes them, not measured.
            for (int i = 0; i < settleEvents; i++) {
                replayer.next = i;
                replayer.stampNanos = 0;
                ring.publish(replayer);
            }
            drain(stopwatch, settleEvents);
            paced(ring, replayer, settleEvents, warmupEvents + measuredEvents, intervalNs);
            drain(stopwatch, end);
        } finally {
            ring.close();
        }
        Histogram corrected = new Histogram(HIGHEST_NS, 3);
        Histogram raw = new Histogram(HIGHEST_NS, 3);
        for (int i = measuredFrom; i < end; i++) {
            long latency = Math.min(HIGHEST_NS, Math.max(0, stopwatch.latencyNs[i]));
            corrected.recordValueWithExpectedInterval(latency, intervalNs);
            raw.recordValue(latency);
        }
        return new Result(strategy, ratePerSecond, corrected, raw, engine.processedEvents(), engine.rejectedEvents());
    }

    private static void paced(EngineRing ring, Replayer replayer, int from, int count, long intervalNs) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNs;
            long ahead = due - System.nanoTime();
            if (ahead > 0) {
                LockSupport.parkNanos(ahead);
            }
            replayer.next = from + i;
            replayer.stampNanos = System.nanoTime();
            ring.publish(replayer);
        }
    }

    private static void drain(Stopwatch stopwatch, long events) {
        while (stopwatch.applied.get() < events) {
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** The replaying engine's offers were answered in the recording; nobody needs to hear them. */
    private static final class IgnoredDirectives implements DirectiveSink {
        @Override
        public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
        }
    }

    public static void main(String[] args) {
        int agents = 1000;
        int waiting = 3000;
        List<Integer> rates = List.of(10_000, 100_000);
        List<RingWaitStrategy> strategies = List.of(RingWaitStrategy.BLOCKING, RingWaitStrategy.PHASED_BACKOFF,
                RingWaitStrategy.SLEEPING);
        double seconds = 5;
        double warmup = 2;
        int ringSize = 1 << 16;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--agents" -> agents = Integer.parseInt(value);
                case "--waiting" -> waiting = Integer.parseInt(value);
                case "--rates" -> rates = parseInts(value);
                case "--strategies" -> strategies = parseStrategies(value);
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--warmup" -> warmup = Double.parseDouble(value);
                case "--ring-size" -> ringSize = Integer.parseInt(value);
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    usage();
                    System.exit(2);
                }
            }
            i++;
        }

        RoutingConfig config = RoutingWorkload.config(agents, EngineBenchmark.SEED);
        int maxRate = rates.stream().mapToInt(Integer::intValue).max().orElse(10_000);
        // The settling part as in EngineBenchmark's warm-up: the opening, filling, then the floor turning over.
        int settle = 2 * agents + agents + waiting + (int) Math.max(200_000, 20L * (agents + waiting));
        int total = settle + (int) (maxRate * (warmup + seconds)) + 1;
        System.out.printf(Locale.ROOT, "recording %,d events of a %,d-agent floor with %,d calls waiting...%n",
                total, agents, waiting);
        TrafficDriver driver = new TrafficDriver(config, waiting, EngineBenchmark.SEED);
        AcdEngine recorder = new AcdEngine(config, RoutingWorkload.OPENING_MS, driver, EngineListener.NONE);
        RecordedTraffic traffic = RecordedTraffic.record(driver, recorder, total);
        System.out.println("  " + driver);

        RingHandoffBenchmark bench = new RingHandoffBenchmark(config, traffic, settle, ringSize);
        System.out.printf(Locale.ROOT, "hand-off latency publish -> applied, us; %.1f s measured after %.1f s warm-up; "
                + "ring %,d; 'raw' without the coordinated-omission correction%n", seconds, warmup, ringSize);
        System.out.printf(Locale.ROOT, "%-15s %9s %8s %8s %8s %8s %9s %9s | %8s %8s %9s%n", "strategy", "rate/s",
                "p50", "p90", "p99", "p99.9", "max", "count", "raw p50", "raw p99", "raw max");
        for (RingWaitStrategy strategy : strategies) {
            for (int rate : rates) {
                Result r = bench.run(strategy, rate, warmup, seconds);
                Histogram c = r.corrected();
                Histogram raw = r.raw();
                System.out.printf(Locale.ROOT, "%-15s %,9d %8.1f %8.1f %8.1f %8.1f %9.1f %,9d | %8.1f %8.1f %9.1f%n",
                        strategy.name().toLowerCase(Locale.ROOT).replace('_', '-'), rate,
                        us(c.getValueAtPercentile(50)), us(c.getValueAtPercentile(90)),
                        us(c.getValueAtPercentile(99)), us(c.getValueAtPercentile(99.9)), us(c.getMaxValue()),
                        c.getTotalCount(), us(raw.getValueAtPercentile(50)), us(raw.getValueAtPercentile(99)),
                        us(raw.getMaxValue()));
                if (r.rejected() != 0) {
                    System.out.println("  the replaying engine rejected " + r.rejected()
                            + " events: it did not route as the recording did");
                }
            }
        }
    }

    private static double us(long nanos) {
        return nanos / 1000.0;
    }

    static List<Integer> parseInts(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            out.add(Integer.parseInt(part.trim().replace("_", "")));
        }
        return out;
    }

    private static List<RingWaitStrategy> parseStrategies(String text) {
        List<RingWaitStrategy> out = new ArrayList<>();
        for (String part : text.split(",")) {
            out.add(RingWaitStrategy.parse(part));
        }
        return out;
    }

    private static void usage() {
        System.out.println("""
                RingHandoffBenchmark: hand-off latency producer -> engine ring -> applied, per wait strategy
                  --agents N          floor size (default 1000)
                  --waiting N         calls kept waiting (default 3000)
                  --rates R1,R2       offered events per second (default 10000,100000)
                  --strategies S,...  blocking, sleeping, phased-backoff, yielding, busy-spin
                                      (default blocking,phased-backoff,sleeping; the last two burn a core)
                  --seconds S         measured seconds per run (default 5)
                  --warmup S          paced warm-up seconds per run (default 2)
                  --ring-size N       ring slots, a power of two (default 65536)""");
    }
}
