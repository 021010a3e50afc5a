package acd.server.audit;

import acd.cti.seat.SecretHash;
import acd.ivr.customer.CustomerDirectory;
import acd.pbxsim.PbxSettings;
import acd.server.AcdServer;
import acd.server.ServerSettings;
import acd.server.ShippedConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed logins, the lock-out after them, a refused action and a supervisor's action each leave
 * one JSON line in the audit log, with who, what, from where and when, and never the secret.
 */
class AuditLogTest {
    private static final String AGENT_SECRET = "agent-s3cret";
    private static final String LEAD_SECRET = "lead-s3cret";
    private static final String WRONG_SECRET = "guess-0000";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void securityEventsBecomeJsonLinesWithoutSecrets(@TempDir Path dir) throws Exception {
        ServerSettings settings = ShippedConfig.in(dir);
        Files.writeString(dir.resolve("seat-credentials.yaml"),
                "agents:\n  \"2001\": " + SecretHash.hash(AGENT_SECRET.toCharArray(), 1_000) + "\n"
                        + "supervisors:\n  lead1: " + SecretHash.hash(LEAD_SECRET.toCharArray(), 1_000) + "\n");
        Path auditFile = dir.resolve("data").resolve("audit.log");
        List<JsonNode> lines;
        try (AcdServer server = new AcdServer(dir, settings.withAuditFile(auditFile.toString()),
                CustomerDirectory.NONE, PbxSettings.defaults())) {
            URI cti = URI.create("ws://127.0.0.1:" + server.httpPort() + "/cti");

            Desk guesser = Desk.open(cti);
            for (int i = 0; i < 3; i++) {
                guesser.send("{\"type\":\"login\",\"agent\":\"2001\",\"secret\":\"" + WRONG_SECRET + "\"}");
                guesser.await("auth_failed");
            }
            guesser.await("too_many_failures");

            Desk agent = Desk.open(cti);
            agent.send("{\"type\":\"login\",\"agent\":\"2001\",\"secret\":\"" + AGENT_SECRET + "\"}");
            agent.await("loggedIn");
            agent.send("{\"type\":\"logoutAgent\",\"agent\":\"2002\"}");
            agent.await("not_permitted");

            Desk lead = Desk.open(cti);
            lead.send("{\"type\":\"login\",\"supervisor\":\"lead1\",\"secret\":\"" + LEAD_SECRET + "\"}");
            lead.await("loggedIn");
            lead.send("{\"type\":\"setNotReady\",\"agent\":\"2001\",\"reason\":\"training\"}");
            lead.await("\"ack\"");

            lines = awaitLines(auditFile, 8);
        }
        String text = Files.readString(auditFile);
        assertFalse(text.contains(AGENT_SECRET) || text.contains(LEAD_SECRET) || text.contains(WRONG_SECRET),
                "no secret in the audit log:\n" + text);

        List<String> events = lines.stream().map(l -> l.get("event").asText()).toList();
        assertEquals(List.of("login_failed", "login_failed", "login_failed", "lock_out", "login", "refused", "login",
                "supervisor_action"), events, text);
        for (JsonNode line : lines) {
            for (String field : List.of("time", "event", "who", "from", "what", "outcome", "detail")) {
                assertTrue(line.has(field), field + " missing in " + line);
            }
            Instant.parse(line.get("time").asText());
            assertTrue(line.get("from").asText().contains("127.0.0.1"), line.toString());
        }
        assertEquals("login as agent 2001", lines.get(0).get("what").asText());
        assertEquals("refused", lines.get(0).get("outcome").asText());
        assertEquals("agent 2001", lines.get(4).get("who").asText());
        assertEquals("logoutAgent agent 2002", lines.get(5).get("what").asText());
        assertTrue(lines.get(5).get("detail").asText().startsWith("not_permitted"), lines.get(5).toString());
        assertEquals("supervisor lead1", lines.get(7).get("who").asText());
        assertEquals("setNotReady agent 2001 reason training", lines.get(7).get("what").asText());
        assertEquals("done", lines.get(7).get("outcome").asText());
    }

    private static List<JsonNode> awaitLines(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<JsonNode> lines = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            lines.clear();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    lines.add(JSON.readTree(line));
                }
            }
            if (lines.size() >= count) {
                return lines;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the audit log has " + lines.size() + " lines, not " + count + ": " + lines);
    }

    /** A desktop over the JDK's WebSocket client. */
    private static final class Desk {
        private final WebSocket socket;
        private final BlockingQueue<String> received;

        private Desk(WebSocket socket, BlockingQueue<String> received) {
            this.socket = socket;
            this.received = received;
        }

        static Desk open(URI cti) throws Exception {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(cti, new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            received.add(data.toString());
                            ws.request(1);
                            return null;
                        }
                    }).get(5, TimeUnit.SECONDS);
            return new Desk(socket, received);
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        void await(String fragment) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String message = received.poll(100, TimeUnit.MILLISECONDS);
                if (message != null && message.contains(fragment)) {
                    return;
                }
            }
            assertNotNull(null, "no message with " + fragment);
        }
    }
}
