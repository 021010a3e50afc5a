package acd.server;

import acd.cti.seat.SecretHash;
import acd.ivr.customer.CustomerDirectory;
import acd.pbxsim.PbxSettings;
import acd.server.metrics.PrometheusText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits of server.yaml hold at the HTTP port and the desk, and /metrics counts every
 * refusal by edge and reason.
 */
class EdgeLimitsTest {
    private static final int PER_ADDRESS = 6;
    private static final int DESK_CONNECTIONS = 2;

    @TempDir
    static Path dir;
    private static AcdServer server;

    @BeforeAll
    static void start() throws Exception {
        Path config = Path.of("..", "config");
        for (String file : new String[]{"routing.yaml", "agents.yaml", "ivr.yaml", "customers.csv"}) {
            Files.copy(config.resolve(file), dir.resolve(file));
        }
        Files.writeString(dir.resolve("seat-credentials.yaml"),
                "agents:\n  \"2001\": " + SecretHash.hash("s3cret".toCharArray(), 1_000) + "\n");
        Files.writeString(dir.resolve("server.yaml"), """
                http:
                  port: 0
                  maxRequestBytes: 1024
                  idleTimeoutSeconds: 1
                  maxConnectionsPerAddress: %d
                desk:
                  maxConnections: %d
                agi:
                  port: 0
                """.formatted(PER_ADDRESS, DESK_CONNECTIONS));
        ServerSettings settings = ServerSettings.parse("server.yaml", Files.readString(dir.resolve("server.yaml")));
        settings = settings.withQueueLog(settings.queueLog().withFile(dir.resolve("queue_log")))
                .withSelfServiceDataDirectory(dir.resolve("data"));
        server = new AcdServer(dir, settings, CustomerDirectory.NONE, PbxSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRequestOverTheSizeLimitGets413AndIsCounted() throws Exception {
        String reply;
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n"
                    + "x".repeat(4096)).getBytes(StandardCharsets.US_ASCII));
            reply = readSome(socket.getInputStream());
        }
        assertTrue(reply.startsWith("HTTP/1.1 413"), reply);
        assertTrue(refusals("http", "request_too_large") >= 1);
    }

    @Test
    void anAddressOverItsConnectionLimitIsRefusedWhileItsOtherConnectionsCarryOn() throws Exception {
        double before = refusals("http", "per_address");
        List<Socket> held = new ArrayList<>();
        try {
            // connections left by the other tests close on the 1 s idle timeout
            Thread.sleep(1_500);
            for (int i = 0; i < PER_ADDRESS; i++) {
                held.add(connect());
            }
            try (Socket over = connect()) {
                assertEquals(-1, over.getInputStream().read(), "the connection over the limit is closed at once");
            }
            // one of the held connections still gets its answer
            Socket first = held.get(0);
            first.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(readSome(first.getInputStream()).startsWith("HTTP/1.1 200"));
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        // once the held connections are gone, the address is served again
        Thread.sleep(200);
        assertEquals(before + 1, refusals("http", "per_address"));
    }

    @Test
    void anIdleHttpConnectionIsClosedAndCounted() throws Exception {
        double before = refusals("http", "idle_timeout");
        try (Socket idle = connect()) {
            idle.setSoTimeout(10_000);
            long start = System.nanoTime();
            assertEquals(-1, idle.getInputStream().read(), "the server closes a silent connection");
            assertTrue(System.nanoTime() - start < 8_000_000_000L);
        }
        assertTrue(refusals("http", "idle_timeout") >= before + 1);
    }

    @Test
    void theDeskRefusesAConnectionOverItsLimitWith503() throws Exception {
        List<Socket> desks = new ArrayList<>();
        try {
            double before = refusals("desk", "max_connections");
            String last = "";
            for (int i = 0; i <= DESK_CONNECTIONS; i++) {
                Socket socket = connect();
                desks.add(socket);
                socket.getOutputStream().write(handshake().getBytes(StandardCharsets.US_ASCII));
                last = readSome(socket.getInputStream());
                if (i < DESK_CONNECTIONS) {
                    assertTrue(last.startsWith("HTTP/1.1 101"), last);
                }
            }
            assertTrue(last.startsWith("HTTP/1.1 503"), last);
            String why = new String(desks.get(DESK_CONNECTIONS).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(why.contains("connections already"), why);
            assertEquals(before + 1, refusals("desk", "max_connections"));
        } finally {
            for (Socket socket : desks) {
                socket.close();
            }
        }
    }

    @Test
    void aBadHandshakeIsCountedByItsReason() throws Exception {
        double before = refusals("desk", "handshake_version");
        try (Socket socket = connect()) {
            socket.getOutputStream().write(handshake().replace("Version: 13", "Version: 8")
                    .getBytes(StandardCharsets.US_ASCII));
            String reply = readSome(socket.getInputStream());
            assertTrue(reply.startsWith("HTTP/1.1 426"), reply);
        }
        assertEquals(before + 1, refusals("desk", "handshake_version"));
    }

    private static String handshake() {
        return "GET /cti HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(new byte[16]) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.httpPort()), 5_000);
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** What arrives until the end of the response head (and whatever came with it). */
    private static String readSome(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.UTF_8);
    }

    /** Read on a connection of its own that the server closes after the reply, so none is left open. */
    private static double refusals(String edge, String reason) throws Exception {
        String reply;
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
        String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
        Double value = PrometheusText.parse(body).value("acd_edge_refusals_total", "edge", edge, "reason", reason);
        return value == null ? 0 : value;
    }

}
