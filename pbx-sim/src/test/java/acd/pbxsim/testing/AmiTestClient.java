package acd.pbxsim.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A manager client on a plain socket, with its own reading of the wire (it shares nothing with
 * the simulator's codec): blocks end at an empty CRLF line, headers split at the first ": ".
 */
public final class AmiTestClient implements AutoCloseable {

    /** A received block: its header lines in order, and the exact bytes. */
    public record Received(List<String[]> headers, String wire) {
        public String get(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        public List<String> names() {
            List<String> n = new ArrayList<>();
            for (String[] h : headers) {
                n.add(h[0]);
            }
            return n;
        }

        public boolean isEvent(String name) {
            return name.equals(get("Event"));
        }

        public String event() {
            return get("Event");
        }

        /** Matches the event {@code name} about {@code channel}. */
        public static java.util.function.Predicate<Received> event(String name, String channel) {
            return r -> r.isEvent(name) && channel.equals(r.get("Channel"));
        }

        /** Where the first block {@code p} matches is in {@code all}, or -1. */
        public static int indexOf(List<Received> all, java.util.function.Predicate<Received> p) {
            for (int i = 0; i < all.size(); i++) {
                if (p.test(all.get(i))) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public String toString() {
            return wire.replace("\r\n", " | ");
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream rawBytes = new ByteArrayOutputStream();
    private final BlockingQueue<Received> incoming = new LinkedBlockingQueue<>();
    private final List<Received> all = Collections.synchronizedList(new ArrayList<>());
    private final String banner;
    private volatile boolean eof;
    private final Thread reader;

    public AmiTestClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        banner = readLine();
        reader = new Thread(this::readBlocks, "ami-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    public String banner() {
        return banner;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            synchronized (rawBytes) {
                rawBytes.write(b);
            }
            line.write(b);
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
        }
        eof = true;
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private void readBlocks() {
        try {
            StringBuilder wire = new StringBuilder();
            List<String[]> headers = new ArrayList<>();
            String line;
            while ((line = readLine()) != null) {
                wire.append(line);
                String text = line.endsWith("\r\n") ? line.substring(0, line.length() - 2) : line.strip();
                if (text.isEmpty()) {
                    if (!headers.isEmpty()) {
                        Received r = new Received(List.copyOf(headers), wire.toString());
                        all.add(r);
                        incoming.add(r);
                    }
                    headers.clear();
                    wire.setLength(0);
                    continue;
                }
                int sep = text.indexOf(": ");
                if (sep < 0 && text.endsWith(":")) {
                    headers.add(new String[] {text.substring(0, text.length() - 1), ""});
                } else if (sep < 0) {
                    headers.add(new String[] {text, ""});
                } else {
                    headers.add(new String[] {text.substring(0, sep), text.substring(sep + 2)});
                }
            }
        } catch (IOException e) {
            // the connection ended
        }
        eof = true;
    }

    public void send(String... headerPairs) throws IOException {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            h.put(headerPairs[i], headerPairs[i + 1]);
        }
        StringBuilder sb = new StringBuilder();
        h.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        sb.append("\r\n");
        sendRaw(sb.toString());
    }

    public void sendRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** An Originate as Asterisk-Java sends it, one Variable header per variable; returns its response. */
    public Received originate(String actionId, Map<String, String> headers, Map<String, String> variables,
                              Duration timeout) throws IOException, InterruptedException {
        StringBuilder action = new StringBuilder("Action: Originate\r\nActionID: " + actionId + "\r\n");
        headers.forEach((k, v) -> action.append(k).append(": ").append(v).append("\r\n"));
        variables.forEach((k, v) -> action.append("Variable: ").append(k).append('=').append(v).append("\r\n"));
        sendRaw(action.append("\r\n").toString());
        return awaitResponse(actionId, timeout);
    }

    /** The next block, whatever it is. */
    public Received next(Duration timeout) throws InterruptedException {
        Received r = incoming.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("nothing from the PBX within " + timeout + "; got so far: " + all);
        }
        return r;
    }

    /** The next block, or null when none comes within the timeout. */
    public Received poll(Duration timeout) throws InterruptedException {
        return incoming.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Skips blocks until one matches. */
    public Received await(Predicate<Received> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received r = left <= 0 ? null : incoming.poll(left, TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new AssertionError("no matching block within " + timeout + "; got: " + all);
            }
            if (wanted.test(r)) {
                return r;
            }
        }
    }

    public Received awaitEvent(String name, Duration timeout) throws InterruptedException {
        return await(r -> r.isEvent(name), timeout);
    }

    /** The response to the action with this ActionID. */
    public Received awaitResponse(String actionId, Duration timeout) throws InterruptedException {
        return await(r -> r.get("Response") != null && actionId.equals(r.get("ActionID")), timeout);
    }

    public Received login(String user, String secret) throws IOException, InterruptedException {
        send("Action", "Login", "Username", user, "Secret", secret, "ActionID", "login-1");
        return awaitResponse("login-1", Duration.ofSeconds(5));
    }

    public List<Received> received() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    public byte[] rawBytes() {
        synchronized (rawBytes) {
            return rawBytes.toByteArray();
        }
    }

    /** True once the PBX closed the connection (waits up to the timeout). */
    public boolean closedByPeer(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
        return eof;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
