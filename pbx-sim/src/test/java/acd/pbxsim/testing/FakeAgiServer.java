package acd.pbxsim.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A FastAGI script server on plain sockets, standing in for the ACD's: it reads the agi_* block,
 * then runs the test's script for the requested name (the part of agi_network_script before '?').
 */
public final class FakeAgiServer implements AutoCloseable {

    public interface Script {
        void run(Session session) throws IOException;
    }

    /** One connection from the PBX. */
    public static final class Session {
        private final Socket socket;
        private final BufferedReader in;
        private final Writer out;
        private final List<String> headerLines = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
        private volatile int hangupLines;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                headerLines.add(line);
                int sep = line.indexOf(": ");
                env.put(sep < 0 ? line.replace(":", "") : line.substring(0, sep), sep < 0 ? "" : line.substring(sep + 2));
            }
        }

        public List<String> headerLines() {
            return headerLines;
        }

        public String env(String key) {
            return env.get(key);
        }

        public String script() {
            String s = env.getOrDefault("agi_network_script", "");
            int q = s.indexOf('?');
            return q < 0 ? s : s.substring(0, q);
        }

        /** Sends a command and returns its reply; unasked HANGUP lines are counted and skipped. */
        public String command(String line) throws IOException {
            transcript.add("> " + line);
            out.write(line + "\n");
            out.flush();
            return reply();
        }

        private String reply() throws IOException {
            while (true) {
                String r = in.readLine();
                if (r == null) {
                    throw new IOException("PBX closed the AGI connection");
                }
                transcript.add("< " + r);
                if (r.equals("HANGUP")) {
                    hangupLines++;
                    continue;
                }
                if (r.startsWith("520-")) {
                    StringBuilder block = new StringBuilder(r);
                    String more;
                    while ((more = in.readLine()) != null) {
                        transcript.add("< " + more);
                        block.append('\n').append(more);
                        if (more.startsWith("520 ")) {
                            break;
                        }
                    }
                    return block.toString();
                }
                return r;
            }
        }

        /** Closes the script's side and reads what the PBX still sends (HANGUP) until it closes. */
        public void end() throws IOException {
            socket.shutdownOutput();
            String r;
            while ((r = in.readLine()) != null) {
                transcript.add("< " + r);
                if (r.equals("HANGUP")) {
                    hangupLines++;
                }
            }
            socket.close();
        }

        public int hangupLines() {
            return hangupLines;
        }

        public List<String> transcript() {
            synchronized (transcript) {
                return List.copyOf(transcript);
            }
        }
    }

    private final ServerSocket server;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final List<Session> sessions = Collections.synchronizedList(new ArrayList<>());
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;

    public FakeAgiServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "fake-agi");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public FakeAgiServer script(String name, Script script) {
        scripts.put(name, script);
        return this;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "fake-agi-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try {
            Session session = new Session(socket);
            sessions.add(session);
            Script script = scripts.getOrDefault(session.script(), Session::end);
            script.run(session);
            if (!socket.isClosed()) {
                session.end();
            }
        } catch (IOException | RuntimeException e) {
            failures.add(e);
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    public List<Session> sessions() {
        synchronized (sessions) {
            return List.copyOf(sessions);
        }
    }

    /** Waits for the n-th session (1-based) to exist. */
    public Session session(int n, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            synchronized (sessions) {
                if (sessions.size() >= n) {
                    return sessions.get(n - 1);
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no AGI session #" + n + " within " + timeoutMs + " ms");
    }

    public List<Throwable> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
