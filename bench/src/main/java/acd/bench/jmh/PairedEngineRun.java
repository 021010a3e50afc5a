package acd.bench.jmh;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The engine and the naive baseline on the same floor, taking turns in one JVM: a slice of
 * the engine, a slice of the baseline, then the other way round, for many rounds. Each round's
 * ratio compares two slices measured a second apart, so it holds while the machine itself
 * speeds up and slows down, as a shared machine's memory system does from one minute to the
 * next; JMH's forks of the two run minutes apart and see different machines. The two floors are
 * {@link EngineBenchmark}'s own, built and settled by it: same configuration, same seed, same
 * driver, so they see the same event stream.
 *
 * <pre>
 * java -Xms3g -Xmx3g -cp bench/target/benchmarks.jar acd.bench.jmh.PairedEngineRun \
 *     --agents 1000,10000 --rounds 20 --slice-ms 500
 * </pre>
 */
public final class PairedEngineRun {
    /** Steps between looks at the clock: far below a slice, far above the cost of a look. */
    private static final int STEPS_PER_LOOK = 4096;

    private PairedEngineRun() {
    }

    /** Events per second of each slice, per round. */
    record Rates(double[] engine, double[] baseline) {
        double[] ratios() {
            double[] r = new double[engine.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = engine[i] / baseline[i];
            }
            return r;
        }
    }

    static Rates run(int agents, int waiting, int warmUpRounds, int rounds, long sliceNanos) {
        TrafficDriver engine = settled(new EngineBenchmark.RealEngine(), agents, waiting);
        TrafficDriver baseline = settled(new EngineBenchmark.NaiveBaseline(), agents, waiting);
        double[] engineRates = new double[rounds];
        double[] baselineRates = new double[rounds];
        for (int round = -warmUpRounds; round < rounds; round++) {
            boolean engineFirst = (round & 1) == 0;
            double first = slice(engineFirst ? engine : baseline, sliceNanos);
            double second = slice(engineFirst ? baseline : engine, sliceNanos);
            if (round >= 0) {
                engineRates[round] = engineFirst ? first : second;
                baselineRates[round] = engineFirst ? second : first;
            }
        }
        return new Rates(engineRates, baselineRates);
    }

    /** The benchmark's own floor, filled and settled as before a JMH measurement. */
    private static TrafficDriver settled(EngineBenchmark.Floor floor, int agents, int waiting) {
        floor.agents = agents;
        floor.waitingCalls = waiting;
        floor.fill();
        return floor.traffic;
    }

    /** Steps the floor for about {@code sliceNanos}; returns events per second. */
    private static double slice(TrafficDriver traffic, long sliceNanos) {
        long start = System.nanoTime();
        long events = 0;
        long elapsed;
        do {
            for (int i = 0; i < STEPS_PER_LOOK; i++) {
                traffic.step();
            }
            events += STEPS_PER_LOOK;
            elapsed = System.nanoTime() - start;
        } while (elapsed < sliceNanos);
        return events * 1e9 / elapsed;
    }

    /** The value at {@code fraction} (0..1) of the sorted values, nearest rank. */
    static double quantile(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int at = (int) Math.round(fraction * (sorted.length - 1));
        return sorted[at];
    }

    public static void main(String[] args) {
        List<Integer> agentCounts = List.of(1000, 10000);
        int waiting = 3000;
        int rounds = 20;
        int warmUp = 4;
        long sliceMs = 500;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                usage();
                return;
            }
            if (i + 1 >= args.length) {
                System.err.println("option " + option + " needs a value");
                usage();
                System.exit(2);
            }
            String value = args[++i];
            switch (option) {
                case "--agents" -> agentCounts = RingHandoffBenchmark.parseInts(value);
                case "--waiting" -> waiting = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--warm-up-rounds" -> warmUp = Integer.parseInt(value);
                case "--slice-ms" -> sliceMs = Long.parseLong(value);
                default -> {
                    System.err.println("unknown option " + option);
                    usage();
                    System.exit(2);
                }
            }
        }
        if (rounds < 1 || warmUp < 0 || sliceMs < 1 || waiting < 1) {
            System.err.println("rounds, slice and waiting must be at least 1, warm-up rounds at least 0");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "engine and naive baseline taking turns: %d rounds of two %d ms slices after %d "
                + "warm-up rounds, %,d calls waiting; events/s median (10th-90th percentile of slices)%n",
                rounds, sliceMs, warmUp, waiting);
        System.out.printf(Locale.ROOT, "%8s  %-28s %-24s %-26s%n", "agents", "engine", "naive baseline",
                "engine / baseline (25th-75th)");
        for (int agents : agentCounts) {
            Rates r = run(agents, waiting, warmUp, rounds, sliceMs * 1_000_000);
            double[] ratios = r.ratios();
            System.out.printf(Locale.ROOT, "%,8d  %,11.0f (%,.0f-%,.0f)  %,9.0f (%,.0f-%,.0f)  %6.1fx (%.1f-%.1f)%n",
                    agents,
                    quantile(r.engine(), 0.5), quantile(r.engine(), 0.1), quantile(r.engine(), 0.9),
                    quantile(r.baseline(), 0.5), quantile(r.baseline(), 0.1), quantile(r.baseline(), 0.9),
                    quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75));
        }
    }

    private static void usage() {
        System.out.println("""
                PairedEngineRun: the engine and the naive baseline taking turns on the same floor in one JVM
                  --agents N1,N2       floor sizes (default 1000,10000)
                  --waiting N          calls kept waiting (default 3000)
                  --rounds N           measured rounds, one slice of each per round (default 20)
                  --warm-up-rounds N   unmeasured rounds first (default 4)
                  --slice-ms N         length of one slice (default 500)""");
    }
}
