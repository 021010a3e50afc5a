package acd.bench.desk;

import acd.ivr.customer.CustomerDirectory;
import acd.pbxsim.PbxSettings;
import acd.server.AcdServer;
import acd.server.ServerSettings;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./acd bench-desk}: the server on its embedded defaults, calls flowing through the
 * built-in PBX simulator; a wallboard's heartbeat round trip on {@code /cti} timed while each
 * kind of hostile client attacks the same HTTP port, then all of them at once, each phase against
 * a quiet phase of the same run.
 */
public final class DeskIsolationCommand {
    private static final String USAGE = """
            usage: ./acd bench-desk [options]
              --seconds N     how long each phase measures (default 10)
              --every-ms N    the heartbeat pace, under the desk's rate limit (default 60)
              --config DIR    the configuration to run (default config)
            """;

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        long everyMs = 60;
        Path config = Path.of("config");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(value(args, ++i));
                case "--every-ms" -> everyMs = Long.parseLong(value(args, ++i));
                case "--config" -> config = Path.of(value(args, ++i));
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> {
                    System.err.print("unknown option " + args[i] + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        Path work = Files.createTempDirectory("acd-bench-desk");
        try {
            try (AcdServer server = startServer(config, work)) {
                IsolationRun run = new IsolationRun(new InetSocketAddress("127.0.0.1", server.httpPort()),
                        Duration.ofSeconds(seconds), everyMs);
                System.out.printf(Locale.ROOT, "heartbeat round trip on /cti, %d s per phase, one every %d ms%n",
                        seconds, everyMs);
                System.out.printf(Locale.ROOT, "%-22s %8s %10s %9s %9s %9s %11s%n", "phase", "beats", "thrown out",
                        "p50 ms", "p99 ms", "max ms", "p99/quiet");
                IsolationRun.Phase quiet = run.quiet();
                print(quiet, quiet);
                List<IsolationRun.Phase> phases = new ArrayList<>();
                for (Hostility hostility : Hostility.values()) {
                    phases.add(run.under(List.of(hostility)));
                    print(phases.get(phases.size() - 1), quiet);
                }
                print(run.under(Arrays.asList(Hostility.values())), quiet);
                System.out.println();
                for (Hostility hostility : Hostility.values()) {
                    System.out.printf(Locale.ROOT, "  %-22s %s%n", hostility.name(), hostility.description());
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The server on the configuration in {@code config}, calls flowing through the built-in PBX
     * simulator, every port a free one and every file it writes in {@code work}.
     */
    static AcdServer startServer(Path config, Path work) throws Exception {
        ServerSettings settings = ServerSettings.parse("server.yaml", Files.readString(config.resolve("server.yaml")))
                .withHttpPort(0);
        settings = settings.withAgi(settings.agi().withPort(0))
                .withQueueLog(settings.queueLog().withFile(work.resolve("queue_log")))
                .withSelfServiceDataDirectory(work.resolve("data"));
        return new AcdServer(config, settings, CustomerDirectory.NONE, PbxSettings.defaults());
    }

    private static void print(IsolationRun.Phase phase, IsolationRun.Phase quiet) {
        System.out.printf(Locale.ROOT, "%-22s %8d %10d %9.2f %9.2f %9.2f %10.2fx%n", phase.name(), phase.heartbeats(),
                phase.attackerConnections(), phase.p50Ms(), phase.p99Ms(), phase.maxMs(),
                phase.p99Ms() / Math.max(0.001, quiet.p99Ms()));
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.print("missing value for " + args[i - 1] + "\n" + USAGE);
            System.exit(2);
        }
        return args[i];
    }

    private DeskIsolationCommand() {
    }
}
