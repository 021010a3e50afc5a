package acd.server.asterisk;

import acd.core.engine.AgentState;
import acd.ivr.customer.CustomerDirectory;
import acd.pbxsim.PbxSettings;
import acd.server.AcdServer;
import acd.server.ServerSettings;
import acd.pbxlab.RealAsterisk;
import acd.pbxlab.Sipp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A hotline floor on a real Asterisk: a fresh Asterisk instance on the shipped configuration,
 * the ACD server on the shipped {@code config/} connected to it as {@code ./acd serve --ami-host}
 * would be, and SIPp phones. Closes all of it, phones first.
 */
final class AsteriskFloor implements AutoCloseable {
    /**
     * The lock every test on a real Asterisk holds: they run one at a time (their Asterisk and
     * SIPp phones take fixed ports), beside the tests that need no Asterisk.
     */
    static final String ASTERISK = "real-asterisk";

    static final Path CONFIG = Path.of("..", "config");

    final RealAsterisk asterisk;
    final AcdServer server;
    final Sipp phones;

    private AsteriskFloor(RealAsterisk asterisk, AcdServer server, Sipp phones) {
        this.asterisk = asterisk;
        this.server = server;
        this.phones = phones;
    }

    static AsteriskFloor open(String name, Path dir) throws Exception {
        return open(name, dir, CONFIG, etc -> { });
    }

    /** A floor on the server configuration in {@code config}, with {@code change} made to Asterisk's files. */
    static AsteriskFloor open(String name, Path dir, Path config, RealAsterisk.ConfigChange change) throws Exception {
        require();
        int agiPort = RealAsterisk.freeTcpPort();
        RealAsterisk asterisk = RealAsterisk.start(name, agiPort, change);
        try {
            ServerSettings settings = ServerSettings.parse("server.yaml", Files.readString(config.resolve("server.yaml")))
                    .withHttpPort(0);
            settings = settings.withAgi(settings.agi().withPort(agiPort))
                    .withAmi(new ServerSettings.Ami("127.0.0.1", asterisk.amiPort(), asterisk.amiUser(),
                            asterisk.amiSecretFile().toString()))
                    .withQueueLog(settings.queueLog().withFile(dir.resolve("queue_log")))
                    .withSelfServiceDataDirectory(dir)
                    // the server on Asterisk's host, seeing the recordings where MixMonitor writes them
                    .withRecordings(new ServerSettings.Recordings(asterisk.dir().resolve("spool/monitor/acd").toString(),
                            90));
            AcdServer server = new AcdServer(config, settings, null, PbxSettings.defaults());
            AsteriskFloor floor = new AsteriskFloor(asterisk, server, new Sipp(asterisk, dir));
            floor.await("the AMI connection", 10_000, () -> server.ami().isConnected());
            return floor;
        } catch (Exception | Error e) {
            asterisk.close();
            throw e;
        }
    }

    /** Skips the calling test when there is no real Asterisk here, or fails it when CI requires one. */
    static void require() {
        String missing = RealAsterisk.missing();
        if (missing == null) {
            return;
        }
        String why = missing + ": skipping a test on a real Asterisk; pbx-sim covers the same flow";
        if ("1".equals(System.getenv("ACD_REQUIRE_ASTERISK"))) {
            fail(why + ", but ACD_REQUIRE_ASTERISK=1 requires it");
        }
        assumeTrue(false, why);
    }

    /** A copy of the shipped {@code config/} in {@code dir}, with one file changed by {@code change}. */
    static Path configWith(Path dir, String file, java.util.function.UnaryOperator<String> change) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        try (java.util.stream.Stream<Path> files = Files.list(CONFIG)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, config.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String before = Files.readString(config.resolve(file));
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the change to " + file + " changed nothing");
        }
        Files.writeString(config.resolve(file), after);
        return config;
    }

    /**
     * Registers {@code seat}'s answering phone, then logs the agent in and makes it ready with
     * *21 and *23, as an agent starting a shift does; returns once the engine has it ready.
     */
    Sipp.Phone staff(String seat, int port, long ringMs, long talkMs) throws Exception {
        return staff(seat, port, ringMs, talkMs, List.of());
    }

    /** As {@link #staff(String, int, long, long)}, the phone keying {@code presses} in each call. */
    Sipp.Phone staff(String seat, int port, long ringMs, long talkMs, List<Sipp.Press> presses) throws Exception {
        long readyBefore = server.engine().board().agents(AgentState.READY);
        Sipp.Phone phone = phones.seat(seat, port, ringMs, talkMs, presses);
        phones.featureCode(seat, "*21");
        phones.featureCode(seat, "*23");
        await("agent " + seat + " ready", 10_000,
                () -> server.engine().board().agents(AgentState.READY) == readyBefore + 1);
        return phone;
    }

    /** One seat of a floor staffed at once: its id, its phone's port, and how that phone answers and talks. */
    record Seat(String seat, int port, long ringMs, long talkMs) {
    }

    /**
     * Staffs the seats side by side, as a shift starting together does: each phone registers and
     * keys *21 and *23 at the same time as the others. Returns the phones, in the seats' order,
     * once the engine has them all ready.
     */
    List<Sipp.Phone> staffTogether(List<Seat> seats) throws Exception {
        long readyBefore = server.engine().board().agents(AgentState.READY);
        java.util.concurrent.ExecutorService starting = java.util.concurrent.Executors.newFixedThreadPool(seats.size());
        try {
            List<java.util.concurrent.Future<Sipp.Phone>> phones = new java.util.ArrayList<>();
            for (Seat s : seats) {
                phones.add(starting.submit(() -> {
                    Sipp.Phone phone = this.phones.seat(s.seat(), s.port(), s.ringMs(), s.talkMs());
                    this.phones.featureCode(s.seat(), "*21");
                    this.phones.featureCode(s.seat(), "*23");
                    return phone;
                }));
            }
            List<Sipp.Phone> started = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Sipp.Phone> phone : phones) {
                started.add(phone.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            await(seats.size() + " agents ready", 20_000,
                    () -> server.engine().board().agents(AgentState.READY) == readyBefore + seats.size());
            return started;
        } finally {
            starting.shutdownNow();
        }
    }

    /** Fails naming every sound Asterisk could not find so far: every prompt a caller should hear is there. */
    void assertNoPromptMissing() throws java.io.IOException {
        List<String> missing = Files.readAllLines(asterisk.fullLog()).stream()
                .filter(l -> l.contains("does not exist in any format")).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("sounds Asterisk does not have: " + missing);
        }
    }

    /** Waits until the server follows no call and no seat rings or talks: nothing left stuck. */
    void awaitSettled() throws InterruptedException {
        await("every seat free and every call finished", 30_000, () -> server.flow().callsInProgress() == 0
                && server.engine().board().agents(AgentState.RINGING) == 0
                && server.engine().board().agents(AgentState.TALKING) == 0);
    }

    /** Asterisk's full log so far. */
    String fullLog() {
        try {
            return Files.readString(asterisk.fullLog());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Every line Asterisk logged about one caller's call: the lines tagged with the call's id
     * ({@code [C-0000001a]}) that the caller's number came in on. A failing call's story, so a
     * failure on a CI machine can be read from its log alone.
     */
    String callerStory(String number) {
        List<String> log = fullLog().lines().toList();
        java.util.Set<String> tags = new java.util.HashSet<>();
        java.util.regex.Matcher tag = java.util.regex.Pattern.compile("\\[(C-[0-9a-f]{8})\\]").matcher("");
        for (String line : log) {
            if (line.contains("ACD inbound " + number) && tag.reset(line).find()) {
                tags.add(tag.group(1));
            }
        }
        return "Asterisk's log of " + number + ":\n" + String.join("\n", log.stream()
                .filter(l -> l.contains(number) || tag.reset(l).find() && tags.contains(tag.group(1))).toList());
    }

    /** What a SIPp phone logged, without the times: {@code answered 13800007777}. */
    static List<String> events(Sipp.Phone phone) {
        try {
            return phone.logged().stream().map(Sipp.Logged::what).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void await(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            phones.stopAll();
        } finally {
            try {
                server.close();
            } finally {
                asterisk.close();
            }
        }
    }
}
