package acd.pbxlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Asterisk of the project's sandbox ({@code ./acd asterisk-sandbox}), started for one test
 * or bench on the shipped {@code config/asterisk/} files with ports of its own.
 */
public final class RealAsterisk implements AutoCloseable {
    private static final Path SCRIPT = projectFile("scripts/asterisk-sandbox");
    private static final long BOOT_TIMEOUT_MS = 30_000;
    /** Instances still running, stopped if the test JVM is told to end before the tests close them. */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy), "asterisk-instances"));
    }

    private final String name;
    private final Map<String, String> facts;
    private final Path output;
    private Process process;

    private RealAsterisk(String name, Map<String, String> facts, Path output) {
        this.name = name;
        this.facts = facts;
        this.output = output;
    }

    /** The sandbox's facts file, or null when there is none. */
    public static Path sandboxFacts() {
        String dir = System.getenv("ACD_ASTERISK_SANDBOX");
        if (dir == null || dir.isBlank()) {
            String cache = System.getenv("XDG_CACHE_HOME");
            Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
            dir = base.resolve("acd").resolve("asterisk").toString();
        }
        Path facts = Path.of(dir, "sandbox.properties");
        return Files.isRegularFile(facts) ? facts : null;
    }

    /** Why there is no real Asterisk to run on here, or null when there is one (and SIPp with it). */
    public static String missing() {
        if (!Sipp.installed()) {
            return "no sipp on the PATH (Debian's sip-tester)";
        }
        if (sandboxFacts() == null) {
            return "no Asterisk sandbox (./acd asterisk-sandbox up makes one)";
        }
        return null;
    }

    /** A file of the project, found from the working directory up (tests run in a module's folder). */
    static Path projectFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find " + relative + " in or above " + Path.of("").toAbsolutePath());
    }

    /**
     * Writes a fresh instance named {@code name} pointing its dialplan at {@code agiPort} and
     * starts it; returns once Asterisk is fully booted.
     */
    public static RealAsterisk start(String name, int agiPort) throws Exception {
        return start(name, agiPort, etc -> { });
    }

    /** A configuration file of an instance, changed before Asterisk reads it (for a fault the test needs). */
    @FunctionalInterface
    public interface ConfigChange {
        void apply(Path etc) throws IOException;
    }

    /** As {@link #start(String, int)}, with {@code change} made to the instance's files before it boots. */
    public static RealAsterisk start(String name, int agiPort, ConfigChange change) throws Exception {
        String missing = missing();
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        int amiPort = freeTcpPort();
        int sipPort = freeUdpPort();
        String out = run(List.of(SCRIPT.toString(), "instance", name, "--ami-port", Integer.toString(amiPort),
                "--sip-port", Integer.toString(sipPort), "--agi-port", Integer.toString(agiPort)));
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                facts.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        Path output = Path.of(facts.get("dir"), "asterisk.out");
        change.apply(Path.of(facts.get("dir"), "etc"));
        RealAsterisk asterisk = new RealAsterisk(name, facts, output);
        asterisk.boot();
        return asterisk;
    }

    private void boot() throws Exception {
        process = new ProcessBuilder(SCRIPT.toString(), "run", name).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        RUNNING.add(process);
        long deadline = System.currentTimeMillis() + BOOT_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Asterisk instance " + name + " exited with " + process.exitValue()
                        + ": " + tail(output));
            }
            if (cliQuietly("core waitfullybooted").contains("fully booted")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Asterisk instance " + name + " did not boot in " + BOOT_TIMEOUT_MS + " ms: "
                + tail(output));
    }

    /** Stops Asterisk as a crash would not: cleanly, then starts it again on the same files. */
    public void restart() throws Exception {
        stop();
        boot();
    }

    public int amiPort() {
        return Integer.parseInt(facts.get("amiPort"));
    }

    public int sipPort() {
        return Integer.parseInt(facts.get("sipPort"));
    }

    public String amiUser() {
        return facts.get("amiUser");
    }

    public Path amiSecretFile() {
        return Path.of(facts.get("amiSecretFile"));
    }

    /** The instance's directory on this host: etc, log, spool, lib. */
    public Path dir() {
        return Path.of(facts.get("dir"));
    }

    /** Asterisk's full log (notices, warnings, errors, verbose and DTMF). */
    public Path fullLog() {
        return Path.of(facts.get("log"));
    }

    /**
     * How long one of the installed sounds plays, in ms ({@code acd/zh/main-menu}, as Asterisk
     * names it), read from the WAV in the sandbox's sounds directory: callers time their keys
     * by it, since a key pressed while a prompt that takes none plays is lost, as on a real line.
     */
    public static long soundMs(String sound) throws Exception {
        java.util.Properties sandbox = new java.util.Properties();
        try (var in = Files.newInputStream(sandboxFacts())) {
            sandbox.load(in);
        }
        String root = sandbox.getProperty("root", "");
        Path file = insideRoot(root, sandbox.getProperty("dataDir") + "/sounds/" + sound + ".wav");
        try (javax.sound.sampled.AudioInputStream audio = javax.sound.sampled.AudioSystem.getAudioInputStream(file.toFile())) {
            return audio.getFrameLength() * 1000 / (long) audio.getFormat().getFrameRate();
        }
    }

    /**
     * A path as the PBX in {@code root} sees it, on this host: every link on the way is followed
     * inside the root (Debian's sounds/en links to /etc/alternatives/, which links on).
     */
    public static Path insideRoot(String root, String path) throws IOException {
        Path at = Path.of(root.isEmpty() ? "/" : root);
        for (Path part : Path.of(path)) {
            Path next = at.resolve(part.toString());
            for (int hops = 0; Files.isSymbolicLink(next) && hops < 8; hops++) {
                Path target = Files.readSymbolicLink(next);
                next = target.isAbsolute() ? Path.of(root + target) : next.getParent().resolve(target);
            }
            at = next;
        }
        return at;
    }

    /** How long a row of sounds plays, one after the other. */
    public static long soundsMs(List<String> sounds) throws Exception {
        long total = 0;
        for (String sound : sounds) {
            total += soundMs(sound);
        }
        return total;
    }

    /** Every seat's SIP password, by seat id, as this instance's pjsip_seat_auth.conf has it. */
    public Map<String, String> seatPasswords() throws IOException {
        Map<String, String> passwords = new LinkedHashMap<>();
        String seat = null;
        for (String line : Files.readAllLines(Path.of(facts.get("seatPasswords")))) {
            String l = line.strip();
            if (l.startsWith("username = ")) {
                seat = l.substring("username = ".length());
            } else if (l.startsWith("password = ") && seat != null) {
                passwords.put(seat, l.substring("password = ".length()));
            }
        }
        return passwords;
    }

    /** Runs an Asterisk CLI command on this instance and returns what it printed. */
    public String cli(String command) {
        try {
            return run(List.of(SCRIPT.toString(), "cli-of", name, command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String cliQuietly(String command) {
        try {
            return run(List.of(SCRIPT.toString(), "cli-of", name, command));
        } catch (IOException e) {
            return "";
        }
    }

    private void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        cliQuietly("core stop now");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        RUNNING.remove(process);
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(command + " exited with " + p.exitValue() + ": " + out);
        }
        return out;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    public static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static int freeUdpPort() throws IOException {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
