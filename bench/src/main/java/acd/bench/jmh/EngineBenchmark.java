package acd.bench.jmh;

import acd.bench.baseline.NaiveRoutingEngine;
import acd.core.engine.AcdEngine;
import acd.core.engine.DirectiveSink;
import acd.core.engine.EngineListener;
import acd.core.engine.RoutingEngine;
import acd.core.model.RoutingConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Events applied per second by the routing engine and by the naive baseline, on the same
 * hotline floor with thousands of calls waiting. One operation is one event (an arrival, an
 * answer, a hang-up, a wrap-up done, a break, an abandon) together with the offers it causes
 * and the traffic driver's reaction to them; the driver's share is the same for both.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class EngineBenchmark {
    static final long SEED = 10086;

    /** The floor, filled and settled before measuring. Subclasses pick the engine. */
    @State(Scope.Thread)
    public abstract static class Floor {
        @Param({"1000", "10000"})
        public int agents;

        @Param({"3000"})
        public int waitingCalls;

        TrafficDriver traffic;

        abstract RoutingEngine build(RoutingConfig config, DirectiveSink directives);

        @Setup(Level.Trial)
        public void fill() {
            RoutingConfig config = RoutingWorkload.config(agents, SEED);
            traffic = new TrafficDriver(config, waitingCalls, SEED);
            traffic.attach(build(config, traffic));
            traffic.warmUp();
            System.out.println("(floor after warm-up: " + traffic + ")");
        }
    }

    public static class RealEngine extends Floor {
        @Override
        RoutingEngine build(RoutingConfig config, DirectiveSink directives) {
            return new AcdEngine(config, RoutingWorkload.OPENING_MS, directives, EngineListener.NONE);
        }
    }

    public static class NaiveBaseline extends Floor {
        @Override
        RoutingEngine build(RoutingConfig config, DirectiveSink directives) {
            return new NaiveRoutingEngine(config, RoutingWorkload.OPENING_MS, directives);
        }
    }

    @Benchmark
    public long engine(RealEngine floor) {
        return floor.traffic.step();
    }

    @Benchmark
    public long naiveBaseline(NaiveBaseline floor) {
        return floor.traffic.step();
    }
}
