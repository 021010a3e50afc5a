package acd.bench.sim;

import acd.core.config.ConfigError;
import acd.core.model.QueueOrdering;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code acd simulate}: runs the routing engine in virtual time on a scenario file, or on the
 * textbook single queue described by flags, and prints the service levels it reached.
 */
public final class SimulateCommand {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: acd simulate [--scenario FILE | --agents N (--erlangs E | --arrival-rate R)] [options]

            Runs the real routing engine in virtual time and prints the service level per queue and tier.
            Without --scenario it simulates the queue Erlang C describes: one queue, one skill, N identical
            agents, first come first served, no wrap-up, callers who never hang up (unless --patience).

              --scenario FILE      a routing configuration with a traffic: section (config/scenarios/*.yaml)
              --agents N           agents on the floor (flag mode only)
              --erlangs E          offered load in erlangs (arrival rate x AHT)
              --arrival-rate R     or the arrival rate, calls per second
              --aht SECONDS        mean talk time (default 180; with a scenario, overrides every stream)
              --calls N            arrivals to simulate (default 100000, or the scenario's)
              --warm-up N          first arrivals left out of the figures (default 2% of calls)
              --threshold SECONDS  service-level threshold (default 10; with a scenario, overrides every queue)
              --patience SECONDS   mean caller patience, exponential; 0 = nobody hangs up (default 0)
              --ordering ORDER     weighted, strict or fifo, for every queue
              --seed N             random seed (default 1, or the scenario's); the same seed gives the same run
              --json               one JSON object per line per queue and per (queue, tier); run summary on stderr
              --help               this text
            """;

    private SimulateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage() + " (see --help)");
            return USAGE;
        }
        if (options.help) {
            out.print(USAGE_TEXT);
            return OK;
        }
        Scenario scenario;
        try {
            scenario = options.scenario();
        } catch (ConfigError e) {
            err.println("simulate: " + e.getMessage());
            return USAGE;
        } catch (NoSuchFileException e) {
            err.println("simulate: no such scenario file: " + e.getFile());
            return USAGE;
        } catch (IOException e) {
            err.println("simulate: cannot read scenario: " + e.getMessage());
            return USAGE;
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            return USAGE;
        }
        SimulationReport report = Simulation.run(scenario);
        if (options.json) {
            ReportFormat.jsonLines(report, out);
            err.println(ReportFormat.runLine(report));
        } else {
            ReportFormat.table(report, out);
        }
        if (report.rejectedEvents() > 0) {
            err.println("simulate: the engine rejected " + report.rejectedEvents() + " events");
            return FAILED;
        }
        return OK;
    }

    /** The flags as given; null means not given. */
    static final class Options {
        Double erlangs;
        Double arrivalRate;
        Double ahtSeconds;
        Integer agents;
        Long calls;
        Long warmUp;
        Integer thresholdSeconds;
        Long seed;
        Double patienceSeconds;
        String scenarioFile;
        QueueOrdering ordering;
        boolean json;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "--help", "-h" -> o.help = true;
                    case "--json" -> o.json = true;
                    case "--erlangs", "--arrival-rate", "--aht", "--agents", "--calls", "--warm-up", "--threshold",
                            "--seed", "--patience", "--scenario", "--ordering" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException(arg + " needs a value");
                            }
                            value = args[++i];
                        }
                        o.set(arg, value);
                    }
                    default -> throw new IllegalArgumentException(arg.startsWith("-")
                            ? "unknown flag '" + arg + "'" : "unexpected argument '" + arg + "'");
                }
            }
            if (!o.help) {
                o.check();
            }
            return o;
        }

        private void set(String flag, String value) {
            switch (flag) {
                case "--erlangs" -> erlangs = positive(flag, value);
                case "--arrival-rate" -> arrivalRate = positive(flag, value);
                case "--aht" -> ahtSeconds = positive(flag, value);
                case "--agents" -> agents = (int) whole(flag, value, 1, 100_000);
                case "--calls" -> calls = whole(flag, value, 1, Traffic.MAX_CALLS);
                case "--warm-up" -> warmUp = whole(flag, value, 0, Long.MAX_VALUE);
                case "--threshold" -> thresholdSeconds = (int) whole(flag, value, 1, 86_400);
                case "--seed" -> seed = whole(flag, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--patience" -> {
                    double d = number(flag, value);
                    if (d < 0) {
                        throw new IllegalArgumentException(flag + " must be 0 or more seconds, found " + value);
                    }
                    patienceSeconds = d;
                }
                case "--scenario" -> scenarioFile = value;
                case "--ordering" -> {
                    try {
                        ordering = QueueOrdering.valueOf(value.strip().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(flag + " must be weighted, strict or fifo, found '" + value + "'");
                    }
                }
                default -> throw new IllegalStateException(flag);
            }
        }

        private void check() {
            if (erlangs != null && arrivalRate != null) {
                throw new IllegalArgumentException("give --erlangs or --arrival-rate, not both");
            }
            if (scenarioFile != null) {
                if (agents != null) {
                    throw new IllegalArgumentException("--agents is for flag mode; a scenario lists its agents");
                }
                return;
            }
            if (agents == null) {
                throw new IllegalArgumentException("--agents is required without --scenario");
            }
            if (erlangs == null && arrivalRate == null) {
                throw new IllegalArgumentException("--erlangs or --arrival-rate is required without --scenario");
            }
            double offered = erlangs != null ? erlangs : arrivalRate * aht();
            if (offered >= agents && patience() == 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%.2f erlangs on %d agents never settles: the line grows without end; add agents or --patience",
                        offered, agents));
            }
            long n = calls == null ? Traffic.DEFAULT_CALLS : calls;
            if (warmUp != null && warmUp >= n) {
                throw new IllegalArgumentException("--warm-up must be less than the calls (" + n + ")");
            }
        }

        private double aht() {
            return ahtSeconds == null ? ScenarioFile.DEFAULT_AHT_SECONDS : ahtSeconds;
        }

        private double patience() {
            return patienceSeconds == null ? 0 : patienceSeconds;
        }

        Scenario scenario() throws IOException {
            Scenario s;
            if (scenarioFile == null) {
                long n = calls == null ? Traffic.DEFAULT_CALLS : calls;
                double offered = erlangs != null ? erlangs : arrivalRate * aht();
                s = Scenario.erlangC(offered, aht(), agents, thresholdSeconds == null ? 10 : thresholdSeconds,
                        patience(), n, warmUp == null ? Traffic.defaultWarmUp(n) : warmUp,
                        seed == null ? Traffic.DEFAULT_SEED : seed);
            } else {
                s = ScenarioFile.load(Path.of(scenarioFile));
                if (ahtSeconds != null) {
                    s = s.withAhtSeconds(ahtSeconds);
                }
                if (patienceSeconds != null) {
                    s = s.withPatienceSeconds(patienceSeconds);
                }
                if (erlangs != null) {
                    s = s.withTraffic(s.traffic().withOfferedErlangs(erlangs));
                }
                if (arrivalRate != null) {
                    s = s.withTraffic(s.traffic().withArrivalsPerSecond(arrivalRate));
                }
                if (thresholdSeconds != null) {
                    s = s.withThresholdSeconds(thresholdSeconds);
                }
                if (calls != null || warmUp != null) {
                    long n = calls == null ? s.traffic().calls() : calls;
                    long w = warmUp != null ? warmUp : calls == null ? s.traffic().warmUpCalls() : Traffic.defaultWarmUp(n);
                    s = s.withCalls(n, w);
                }
                if (seed != null) {
                    s = s.withSeed(seed);
                }
            }
            if (ordering != null) {
                s = s.withOrdering(ordering);
            }
            return s;
        }

        private static double number(String flag, String value) {
            try {
                double d = Double.parseDouble(value.strip());
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a number, found '" + value + "'");
            }
        }

        private static double positive(String flag, String value) {
            double d = number(flag, value);
            if (d <= 0) {
                throw new IllegalArgumentException(flag + " must be above 0, found " + value);
            }
            return d;
        }

        private static long whole(String flag, String value, long min, long max) {
            long n;
            try {
                n = Long.parseLong(value.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a whole number, found '" + value + "'");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException(flag + " must be " + (max == Long.MAX_VALUE ? "at least " + min
                        : "between " + min + " and " + max) + ", found " + value);
            }
            return n;
        }
    }
}
