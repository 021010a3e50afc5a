package acd.bench.agi;

import io.netty.channel.EventLoopGroup;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code acd agi-load}: plays Asterisk against our FastAGI server and against Asterisk-Java's
 * thread-per-session {@code DefaultAgiServer}, one after the other in this JVM with the same load,
 * and prints both with their ratios.
 */
public final class AgiLoadCommand {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: acd agi-load [options]

            Plays Asterisk 20 against FastAGI servers on loopback: each call sends the header block for
            agi://127.0.0.1:PORT/load and answers the script's ANSWER, 3 x STREAM FILE, GET DATA,
            SET VARIABLE and HANGUP as Asterisk does. Calls start at a fixed rate up to the concurrency;
            an ended call is replaced. Our FastAgiServer and Asterisk-Java's DefaultAgiServer (at its
            defaults) get the same load one after the other in this JVM. Starting calls at a rate spreads
            them in time as real arrivals are; thousands started at once answer in lock-step.

              --concurrency N       calls open at once (default 400)
              --duration S          measured seconds (default 15; with --sessions, an upper bound)
              --sessions N          measure exactly N calls instead of a time window
              --warm-up S           unmeasured seconds before the window, per server (default 5)
              --reply-delay-ms N    how long Asterisk takes to answer each command, as playback does;
                                    keeps calls open; 0 answers at once and measures capacity (default 50)
              --rate N              calls started per second while below the concurrency; 0 starts a
                                    replacement as soon as a call ends (default 2000)
              --target T            ours, baseline or both (default both)
              --io-threads N        event-loop threads of our server (default 2)
              --max-sessions N      our server's session cap (default 2 x concurrency + 16)
              --client-threads N    event-loop threads of the load generator (default 2)
              --command-timeout-ms N  longest wait for the next command before a call times out
                                    (default 10000)
              --json                one JSON object instead of the table
              --help                this text
            """;

    private AgiLoadCommand() {
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
            err.println("agi-load: " + e.getMessage() + " (see --help)");
            return USAGE;
        }
        if (options.help) {
            out.print(USAGE_TEXT);
            return OK;
        }
        LoadPlan plan = options.plan();
        List<TargetResult> results = new ArrayList<>();
        EventLoopGroup clients = AgiLoadGenerator.clientGroup(plan.clientThreads());
        try {
            for (ServerUnderTest server : options.servers(plan)) {
                if (!options.json) {
                    err.println("agi-load: " + server.key() + ": " + server.description() + " ...");
                }
                results.add(measure(server, plan, clients));
            }
        } catch (Exception e) {
            err.println("agi-load: " + e);
            return FAILED;
        } finally {
            clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        AgiLoadReport report = new AgiLoadReport(plan, Runtime.getRuntime().availableProcessors(), results);
        if (options.json) {
            out.println(report.json());
        } else {
            report.table(out);
        }
        return OK;
    }

    /** Runs the plan against one server, started for the purpose and stopped afterwards. */
    static TargetResult measure(ServerUnderTest server, LoadPlan plan, EventLoopGroup clients) throws Exception {
        JvmFootprint footprint = new JvmFootprint();
        footprint.beforeServer();
        InetSocketAddress address = server.start();
        try {
            footprint.idle();
            LoadRun run = new AgiLoadGenerator(plan, clients).run(address, footprint);
            return new TargetResult(server.key(), server.description(), run, footprint.serverThreads(),
                    footprint.liveHeapPerSessionBytes(), footprint.openAtHeapReading(),
                    footprint.peakHeapPerSessionBytes(run.openPeak()), footprint.cpuInWindowNanos(),
                    footprint.machineBusyShare(), footprint.generatorCpuInWindowNanos());
        } finally {
            server.close();
        }
    }

    /** The flags as given. */
    static final class Options {
        int concurrency = 400;
        Double durationSeconds;
        long sessions;
        double warmUpSeconds = 5;
        int replyDelayMs = 50;
        double rate = 2_000;
        String target = "both";
        int ioThreads = 2;
        Integer maxSessions;
        int clientThreads = 2;
        int commandTimeoutMs = 10_000;
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
                    case "--concurrency", "--duration", "--sessions", "--warm-up", "--reply-delay-ms", "--rate",
                            "--target", "--io-threads", "--max-sessions", "--client-threads",
                            "--command-timeout-ms" -> {
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
            return o;
        }

        private void set(String flag, String value) {
            switch (flag) {
                case "--concurrency" -> concurrency = (int) whole(flag, value, 1, 60_000);
                case "--duration" -> durationSeconds = number(flag, value, 0.001);
                case "--sessions" -> sessions = whole(flag, value, 1, Long.MAX_VALUE);
                case "--warm-up" -> warmUpSeconds = number(flag, value, 0);
                case "--reply-delay-ms" -> replyDelayMs = (int) whole(flag, value, 0, 600_000);
                case "--rate" -> rate = number(flag, value, 0);
                case "--target" -> {
                    String t = value.strip().toLowerCase(Locale.ROOT);
                    if (!t.equals("ours") && !t.equals("baseline") && !t.equals("both")) {
                        throw new IllegalArgumentException(flag + " must be ours, baseline or both, found '" + value + "'");
                    }
                    target = t;
                }
                case "--io-threads" -> ioThreads = (int) whole(flag, value, 1, 256);
                case "--max-sessions" -> maxSessions = (int) whole(flag, value, 1, Integer.MAX_VALUE);
                case "--client-threads" -> clientThreads = (int) whole(flag, value, 1, 256);
                case "--command-timeout-ms" -> commandTimeoutMs = (int) whole(flag, value, 1, 3_600_000);
                default -> throw new IllegalStateException(flag);
            }
        }

        LoadPlan plan() {
            double seconds = durationSeconds != null ? durationSeconds : sessions > 0 ? 600 : 15;
            return new LoadPlan(concurrency, sessions, Duration.ofNanos((long) (warmUpSeconds * 1e9)),
                    Duration.ofNanos((long) (seconds * 1e9)), replyDelayMs, rate, commandTimeoutMs, clientThreads);
        }

        List<ServerUnderTest> servers(LoadPlan plan) {
            int cap = maxSessions != null ? maxSessions : 2 * plan.concurrency() + 16;
            List<ServerUnderTest> servers = new ArrayList<>();
            if (!target.equals("baseline")) {
                servers.add(new OurServer(cap, ioThreads));
            }
            if (!target.equals("ours")) {
                servers.add(new BaselineServer());
            }
            return servers;
        }

        private static long whole(String flag, String value, long min, long max) {
            long n;
            try {
                n = Long.parseLong(value.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a whole number, found '" + value + "'");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException(flag + " must be " + min + ".." + max + ", found " + n);
            }
            return n;
        }

        private static double number(String flag, String value, double min) {
            double d;
            try {
                d = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a number, found '" + value + "'");
            }
            if (!(d >= min) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(flag + " must be at least " + min + ", found " + value);
            }
            return d;
        }
    }
}
