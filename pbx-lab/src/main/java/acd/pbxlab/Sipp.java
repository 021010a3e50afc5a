package acd.pbxlab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIPp (Debian's {@code sip-tester}) playing phones against a {@link RealAsterisk}: seat phones
 * that register, dial feature codes and answer offered calls, and callers that dial the hotline
 * and press keys as SIP INFO. Each phone is one SIPp process with its own ports; the scenarios
 * are resources beside this class ({@code sipp/}) and log what happened with SIPp's clock in ms.
 */
public final class Sipp {

    /**
     * Phones' SIP ports sit in 21000..24999 and their media 4000 above, clear of Asterisk's RTP
     * range (rtp.conf: 10000..20000) and of the ephemeral ports.
     */
    static final int FIRST_SEAT_PORT = 21_001;
    private static final int FIRST_CALLER_PORT = 22_001;
    private static final int MEDIA_OFFSET = 4_000;
    private final RealAsterisk asterisk;
    private final Path dir;
    private final AtomicInteger nextPort;
    private final List<Process> running = new ArrayList<>();

    /** One event a phone logged: SIPp's clock in ms and what happened (e.g. {@code released}). */
    public record Logged(long clockMs, String what) {
    }

    /** A phone's run: its log and, once over, how SIPp ended (0 when every call succeeded). */
    public static final class Phone {
        private final Process process;
        private final Path log;
        private final Path errors;

        Phone(Process process, Path log, Path errors) {
            this.process = process;
            this.log = log;
            this.errors = errors;
        }

        public boolean waitFor(long timeoutMs) throws InterruptedException {
            return process.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        public int exitCode() {
            return process.exitValue();
        }

        public void stop() {
            process.destroy();
        }

        public List<Logged> logged() throws IOException {
            List<Logged> out = new ArrayList<>();
            if (!Files.exists(log)) {
                return out;
            }
            for (String line : Files.readAllLines(log)) {
                String l = line.strip();
                int space = l.indexOf(' ');
                if (space > 0 && Character.isDigit(l.charAt(0))) {
                    out.add(new Logged(Long.parseLong(l.substring(0, space)), l.substring(space + 1)));
                }
            }
            return out;
        }

        /** What happened, in order: the first word of each logged event, without time or call id. */
        public List<String> events() throws IOException {
            return logged().stream().map(l -> l.what().split(" ")[0]).toList();
        }

        public String errors() throws IOException {
            return Files.exists(errors) ? Files.readString(errors) : "";
        }
    }

    public Sipp(RealAsterisk asterisk, Path dir) {
        this.asterisk = asterisk;
        this.dir = dir;
        this.nextPort = new AtomicInteger(FIRST_CALLER_PORT);
    }

    /** The SIP port of the {@code n}th seat phone (from 0). */
    public static int seatPort(int n) {
        return FIRST_SEAT_PORT + 4 * n;
    }

    /** Registers {@code seat} from {@code port} (the port its answering phone will use). */
    public void register(String seat, int port, int expiresSeconds) throws Exception {
        Phone phone = start("register-" + seat + "-" + expiresSeconds, "register.xml", Map.of(), port,
                List.of("-s", seat, "-au", seat, "-ap", password(seat), "-key", "expires", Integer.toString(expiresSeconds),
                        "-m", "1"));
        if (!phone.waitFor(15_000) || phone.exitCode() != 0) {
            phone.stop();
            throw new IllegalStateException("seat " + seat + " could not register: " + phone.errors());
        }
    }

    /** A seat phone dialling {@code code} (e.g. {@code *21}) and staying on until Asterisk hangs up. */
    public Phone dial(String seat, String code) throws Exception {
        return start("dial-" + seat, "dial.xml", Map.of("dialled", code), nextPort(),
                List.of("-s", seat, "-au", seat, "-ap", password(seat), "-m", "1"));
    }

    /** Dials a feature code and waits for Asterisk to end the call; fails unless it went through. */
    public void featureCode(String seat, String code) throws Exception {
        Phone phone = dial(seat, code);
        if (!phone.waitFor(20_000) || phone.exitCode() != 0) {
            phone.stop();
            throw new IllegalStateException("seat " + seat + " dialling " + code + " failed: " + phone.errors());
        }
    }

    /**
     * A registered seat phone that answers every call after {@code ringMs} and hangs up after
     * {@code talkMs} (ringMs of an hour or more: it never answers). Runs until stopped.
     */
    public Phone seat(String seat, int port, long ringMs, long talkMs) throws Exception {
        return seat(seat, port, ringMs, talkMs, List.of());
    }

    /**
     * Keys the phone presses during each call it answers, {@code afterMs} after the previous
     * ones (or the answer): a feature code such as {@code *4}, then a colleague's id and #.
     */
    public record Press(long afterMs, String keys) {
    }

    /** As {@link #seat(String, int, long, long)}, keying {@code presses} in each call; talkMs counts from the last. */
    public Phone seat(String seat, int port, long ringMs, long talkMs, List<Press> presses) throws Exception {
        register(seat, port, 3600);
        String pressTemplate = scenario("press.xml");
        String keyTemplate = scenario("seat-key.xml");
        StringBuilder steps = new StringBuilder();
        int step = 0;
        int cseq = 1;
        for (Press p : presses) {
            StringBuilder infos = new StringBuilder();
            for (char key : p.keys().toCharArray()) {
                infos.append(render(keyTemplate, Map.of("key", String.valueOf(key), "cseq", Integer.toString(cseq++))));
            }
            steps.append(render(pressTemplate, Map.of("pauseMs", Long.toString(p.afterMs()), "keys", p.keys(),
                    "step", Integer.toString(step++), "infos", infos.toString())));
        }
        return start("seat-" + seat, "seat.xml", Map.of("ringMs", Long.toString(ringMs), "talkMs",
                Long.toString(talkMs), "presses", steps.toString(), "byeCseq", Integer.toString(cseq)), port,
                List.of("-s", seat));
    }

    /** The port the shipped pjsip.conf sends calls to customers to (the hotline-trunk's contact). */
    public static final int CARRIER_PORT = 5090;

    /**
     * The carrier's side of calls to customers: every call the hotline places to a customer
     * comes to this phone, which answers after {@code ringMs} and hangs up after {@code talkMs},
     * logging each with the number the customer sees. Runs until stopped.
     */
    public Phone customers(long ringMs, long talkMs) throws Exception {
        return start("customers", "seat.xml", Map.of("ringMs", Long.toString(ringMs), "talkMs", Long.toString(talkMs),
                "presses", "", "byeCseq", "1"), CARRIER_PORT, List.of());
    }

    /** A key the caller presses {@code afterMs} after the previous one (or after being connected). */
    public record Key(long afterMs, char key) {
    }

    /** A caller from {@code number} dialling {@code dialled}, pressing keys, patient for {@code patienceMs}. */
    public Phone caller(String number, String dialled, List<Key> keys, long patienceMs) throws Exception {
        return caller(number, dialled, keys, patienceMs, false);
    }

    /** As {@link #caller(String, String, List, long)}, sending sound from the answer on when {@code speaks}. */
    public Phone caller(String number, String dialled, List<Key> keys, long patienceMs, boolean speaks)
            throws Exception {
        String keyTemplate = scenario("key.xml");
        StringBuilder steps = new StringBuilder();
        int cseq = 2;
        for (Key k : keys) {
            steps.append(render(keyTemplate, Map.of("pauseMs", Long.toString(k.afterMs()), "key",
                    String.valueOf(k.key()), "cseq", Integer.toString(cseq++), "number", number)));
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("number", number);
        values.put("dialled", dialled);
        values.put("patienceMs", Long.toString(patienceMs));
        values.put("steps", steps.toString());
        values.put("byeCseq", Integer.toString(cseq));
        values.put("voice", speaks ? "  <nop>\n    <action><exec rtp_stream=\"" + voiceFile()
                + ",-1,0\"/></action>\n  </nop>\n" : "");
        return start("caller-" + number + "-" + nextPort.get(), "caller.xml", values, nextPort(), List.of("-m", "1"));
    }

    /** SIPp takes its media port and the one two above it: four apart leaves room for both. */
    private int nextPort() {
        return nextPort.getAndAdd(4);
    }

    private String password(String seat) throws IOException {
        String password = asterisk.seatPasswords().get(seat);
        if (password == null) {
            throw new IllegalArgumentException("no PJSIP seat " + seat + " in the shipped pjsip.conf");
        }
        return password;
    }

    private Phone start(String name, String scenario, Map<String, String> values, int port, List<String> extra)
            throws IOException {
        Path file = dir.resolve(name + ".xml");
        Files.writeString(file, render(scenario(scenario), values));
        Path log = dir.resolve(name + ".log");
        Path errors = dir.resolve(name + ".errors");
        List<String> command = new ArrayList<>(List.of("sipp", "127.0.0.1:" + asterisk.sipPort(), "-sf", file.toString(),
                "-i", "127.0.0.1", "-p", Integer.toString(port), "-mp", Integer.toString(port + MEDIA_OFFSET),
                "-trace_logs", "-log_file", log.toString(), "-trace_err", "-error_file", errors.toString(),
                "-nostdin", "-timeout_error", "-max_recv_loops", "1000"));
        command.addAll(extra);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start();
        synchronized (running) {
            running.add(process);
        }
        return new Phone(process, log, errors);
    }

    private static String scenario(String name) throws IOException {
        try (InputStream in = Sipp.class.getResourceAsStream("sipp/" + name)) {
            if (in == null) {
                throw new IOException("no SIPp scenario " + name + " beside " + Sipp.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The caller's voice as a file SIPp can stream, copied out of the jar once. */
    private Path voiceFile() throws IOException {
        Path voice = dir.resolve("voice.wav");
        if (!Files.exists(voice)) {
            try (InputStream in = Sipp.class.getResourceAsStream("sipp/voice.wav")) {
                Files.copy(in, voice);
            }
        }
        return voice;
    }

    static String render(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("${" + v.getKey() + "}", v.getValue());
        }
        int left = out.indexOf("${");
        if (left >= 0) {
            throw new IllegalArgumentException("scenario value " + out.substring(left, out.indexOf('}', left) + 1)
                    + " not given");
        }
        return out;
    }

    /** Stops every phone still running. */
    public void stopAll() throws InterruptedException {
        List<Process> all;
        synchronized (running) {
            all = List.copyOf(running);
        }
        for (Process p : all) {
            p.destroy();
        }
        for (Process p : all) {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    public static boolean installed() {
        try {
            Process p = new ProcessBuilder("sipp", "-v").redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("SIPp");
            }
        } catch (IOException e) {
            return false;
        }
    }
}
