package acd.bench.pbx;

import acd.pbxlab.RealAsterisk;
import acd.pbxlab.Sipp;
import acd.pbxsim.PbxSettings;
import acd.server.AcdServer;
import acd.server.ServerSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * {@code ./acd bench-pbx}: the same seeded SIPp callers and seats, twice, on one real Asterisk of
 * the sandbox: once through Asterisk's own app_queue ({@code queues.conf}, queue {@code bench}),
 * once through the ACD (the {@code /acd} script, queue {@code general}). Both runs skip the menus,
 * and the seats have no wrap-up in either. The figures come from a neutral AMI observer
 * ({@link NeutralObserver}), not from either router's own counts.
 */
public final class PbxBenchCommand {
    private static final String USAGE = """
            usage: ./acd bench-pbx [options]   (needs ./acd asterisk-sandbox up and Debian's sip-tester)
              --callers N        callers in each run (default 120)
              --seats N          SIPp seats answering, 1..24 (default 8)
              --mean-gap-ms N    mean time between callers, exponential (default 900)
              --talk-ms MIN-MAX  each seat's talk time, drawn once per seat (default 3000-8000)
              --ring-ms MIN-MAX  each seat's time to answer (default 300-1500)
              --impatient PCT    callers who give up after 5..20 s on hold (default 20)
              --threshold-s N    service level counts waits up to this (default 10)
              --seed N           the seed of callers and seats (default 1)
            """;
    private static final String TRUNK = "PJSIP/hotline-trunk-";
    private static final String BENCH_CONTEXTS = """

            ; ---- added by ./acd bench-pbx to its own instance: the same callers into app_queue or the ACD
            [bench-inbound]
            exten => 1,1,Goto(bench-app-queue,s,1)
            exten => 2,1,Goto(bench-acd,s,1)

            [bench-app-queue]
            exten => s,1,Answer()
             same => n,Queue(bench,,,,3600)
             same => n,Hangup()

            [bench-acd]
            exten => s,1,Answer()
             same => n,AGI(${ACD_AGI}/acd,general)
             same => n,GotoIf($["${ACD_QUEUED}" = "1"]?acd-hold,s,1)
             same => n,Hangup()
            """;

    int callers = 120;
    int seats = 8;
    long meanGapMs = 900;
    long[] talkMs = {3_000, 8_000};
    long[] ringMs = {300, 1_500};
    int impatientPercent = 20;
    long thresholdMs = 10_000;
    long seed = 1;

    private PbxBenchCommand() {
    }

    /** A caller of the plan: when they call after the start, their number and patience. */
    record PlannedCaller(long atMs, String number, long patienceMs) {
    }

    public static void main(String[] args) throws Exception {
        PbxBenchCommand bench = new PbxBenchCommand();
        try {
            bench.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("acd bench-pbx: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        String missing = RealAsterisk.missing();
        if (missing != null) {
            System.err.println("acd bench-pbx: " + missing);
            System.exit(2);
            return;
        }
        bench.run();
        System.exit(0);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("-h") || flag.equals("--help")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String v = args[++i];
            try {
                switch (flag) {
                    case "--callers" -> callers = Integer.parseInt(v);
                    case "--seats" -> seats = Integer.parseInt(v);
                    case "--mean-gap-ms" -> meanGapMs = Long.parseLong(v);
                    case "--talk-ms" -> talkMs = range(v);
                    case "--ring-ms" -> ringMs = range(v);
                    case "--impatient" -> impatientPercent = Integer.parseInt(v);
                    case "--threshold-s" -> thresholdMs = Long.parseLong(v) * 1_000;
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a number, found '" + v + "'");
            }
        }
        if (seats < 1 || seats > 24) {
            throw new IllegalArgumentException("--seats must be 1..24 (the general floor's seats 2001-2024)");
        }
    }

    private static long[] range(String v) {
        String[] parts = v.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a range is MIN-MAX, found '" + v + "'");
        }
        return new long[]{Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    private List<PlannedCaller> plan(Random random) {
        List<PlannedCaller> plan = new ArrayList<>();
        long at = 0;
        for (int c = 0; c < callers; c++) {
            at += (long) (-Math.log(1 - random.nextDouble()) * meanGapMs);
            long patience = random.nextInt(100) < impatientPercent ? 5_000 + random.nextInt(15_000) : 600_000;
            plan.add(new PlannedCaller(at, "1770" + String.format("%07d", c), patience));
        }
        return plan;
    }

    private void run() throws Exception {
        Random random = new Random(seed);
        List<PlannedCaller> plan = plan(random);
        Path work = Files.createTempDirectory("acd-bench-pbx");
        int agiPort = RealAsterisk.freeTcpPort();
        List<String> seatIds = new ArrayList<>();
        for (int s = 0; s < seats; s++) {
            seatIds.add(Integer.toString(2001 + s));
        }
        RealAsterisk.ConfigChange benchOnly = etc -> {
            Files.writeString(etc.resolve("extensions.conf"), Files.readString(etc.resolve("extensions.conf"))
                    + BENCH_CONTEXTS);
            Files.writeString(etc.resolve("pjsip.conf"), Files.readString(etc.resolve("pjsip.conf"))
                    .replace("context = acd-inbound", "context = bench-inbound"));
            StringBuilder queues = new StringBuilder();
            for (String line : Files.readAllLines(etc.resolve("queues.conf"))) {
                if (!line.startsWith("member =>")) {
                    queues.append(line).append('\n');
                }
            }
            for (String seat : seatIds) {
                queues.append("member => PJSIP/").append(seat).append('\n');
            }
            Files.writeString(etc.resolve("queues.conf"), queues.toString());
        };
        try (RealAsterisk asterisk = RealAsterisk.start("bench-pbx", agiPort, benchOnly)) {
            Sipp phones = new Sipp(asterisk, work);
            try {
                for (int s = 0; s < seats; s++) {
                    phones.seat(seatIds.get(s), Sipp.seatPort(s), draw(random, ringMs), draw(random, talkMs));
                }
                String secret = Files.readString(asterisk.amiSecretFile()).strip();
                try (NeutralObserver observer = new NeutralObserver("127.0.0.1", asterisk.amiPort(), asterisk.amiUser(),
                        secret, TRUNK, "PJSIP/")) {
                    System.err.printf("bench-pbx: %d callers, %d seats, a caller every %d ms on average; app_queue first%n",
                            callers, seats, meanGapMs);
                    traffic(phones, plan, "1");
                    RunFigures appQueue = RunFigures.of(observer.takeCallers(), observer.takeGaps(), thresholdMs);
                    try (AcdServer server = acd(asterisk, agiPort, work)) {
                        for (String seat : seatIds) {
                            phones.featureCode(seat, "*21");
                            phones.featureCode(seat, "*23");
                        }
                        System.err.println("bench-pbx: now the ACD");
                        traffic(phones, plan, "2");
                    }
                    RunFigures acd = RunFigures.of(observer.takeCallers(), observer.takeGaps(), thresholdMs);
                    print(appQueue, acd);
                }
            } finally {
                phones.stopAll();
            }
        }
    }

    private static long draw(Random random, long[] range) {
        return range[0] + (range[1] > range[0] ? (long) (random.nextDouble() * (range[1] - range[0])) : 0);
    }

    /** Places the plan's callers on time and waits until the last has hung up. */
    private void traffic(Sipp phones, List<PlannedCaller> plan, String dialled) throws Exception {
        long start = System.currentTimeMillis();
        List<Sipp.Phone> placed = new ArrayList<>();
        for (PlannedCaller c : plan) {
            long sleep = start + c.atMs() - System.currentTimeMillis();
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
            placed.add(phones.caller(c.number(), dialled, List.of(), c.patienceMs()));
        }
        for (Sipp.Phone p : placed) {
            if (!p.waitFor(900_000)) {
                p.stop();
            }
        }
        // The last seat's hang-up reaches the observer after the caller's.
        Thread.sleep(1_000);
    }

    /** The ACD on the shipped config/, its seats of the general floor without wrap-up, connected to {@code asterisk}. */
    private static AcdServer acd(RealAsterisk asterisk, int agiPort, Path work) throws Exception {
        Path config = Files.createDirectories(work.resolve("config"));
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, config.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String agents = Files.readString(config.resolve("agents.yaml"));
        String general = "    name: \"普通坐席{id}\"\n";
        if (!agents.contains(general)) {
            throw new IllegalStateException("config/agents.yaml has no general floor of seats 2001-2024 to bench");
        }
        Files.writeString(config.resolve("agents.yaml"), agents.replace(general, general + "    wrapUpSeconds: 0\n"));
        ServerSettings settings = ServerSettings.parse("server.yaml", Files.readString(config.resolve("server.yaml")))
                .withHttpPort(0);
        settings = settings.withAgi(settings.agi().withPort(agiPort))
                .withAmi(new ServerSettings.Ami("127.0.0.1", asterisk.amiPort(), asterisk.amiUser(),
                        asterisk.amiSecretFile().toString()))
                .withQueueLog(settings.queueLog().withFile(work.resolve("queue_log")))
                .withSelfServiceDataDirectory(work.resolve("data"));
        AcdServer server = new AcdServer(config, settings, null, PbxSettings.defaults());
        for (int i = 0; i < 200 && !server.ami().isConnected(); i++) {
            Thread.sleep(50);
        }
        return server;
    }

    private void print(RunFigures q, RunFigures a) {
        System.out.printf(Locale.ROOT, "%-28s %12s %12s %10s%n", "neutral AMI observer", "app_queue", "ACD", "ACD/app_queue");
        row("callers that waited", q.callers(), a.callers());
        row("answered", q.answered(), a.answered());
        row("abandoned", q.abandoned(), a.abandoned());
        System.out.printf(Locale.ROOT, "%-28s %12.3f %12.3f %10.2f%n", "service level (" + thresholdMs / 1000 + " s)",
                q.serviceLevel(), a.serviceLevel(), ratio(a.serviceLevel(), q.serviceLevel()));
        row("wait p50 ms", q.waitP50Ms(), a.waitP50Ms());
        row("wait p90 ms", q.waitP90Ms(), a.waitP90Ms());
        row("wait p99 ms", q.waitP99Ms(), a.waitP99Ms());
        row("dispatch gaps measured", q.gaps(), a.gaps());
        row("dispatch gap p50 ms", q.gapP50Ms(), a.gapP50Ms());
        row("dispatch gap p99 ms", q.gapP99Ms(), a.gapP99Ms());
        row("dispatch gap max ms", q.gapMaxMs(), a.gapMaxMs());
    }

    private static void row(String what, long appQueue, long acd) {
        System.out.printf(Locale.ROOT, "%-28s %12d %12d %10.2f%n", what, appQueue, acd, ratio(acd, appQueue));
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
