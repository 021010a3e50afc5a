package acd.server;

import acd.cti.seat.SecretHash;
import acd.pbxsim.PbxSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A complaint worked from the desks of a running server: an agent opens it from a call, a team
 * lead dispatches it, the agent works and resolves it, the lead revisits and closes it; steps out
 * of order and names the routing does not know are refused, naming why, and change nothing.
 */
class WorkOrderDeskEndToEndTest {
    @Test
    void aComplaintIsOpenedWorkedAndClosedFromTheDesksWithEveryStepRecorded(@TempDir Path dir) throws Exception {
        ServerSettings settings = ShippedConfig.in(dir);
        Files.writeString(dir.resolve("seat-credentials.yaml"),
                "agents:\n  \"2001\": " + SecretHash.hash("s3cret".toCharArray(), 1_000) + "\n"
                        + "supervisors:\n  lead1: " + SecretHash.hash("l3ad".toCharArray(), 1_000) + "\n");
        try (AcdServer server = new AcdServer(dir, settings, null, PbxSettings.defaults().withSpeed(10));
             TestDesk agent = TestDesk.open(server, "{\"type\":\"login\",\"agent\":\"2001\",\"secret\":\"s3cret\"}");
             TestDesk lead = TestDesk.open(server, "{\"type\":\"login\",\"supervisor\":\"lead1\",\"secret\":\"l3ad\"}")) {
            agent.send("{\"type\":\"openOrder\",\"kind\":\"complaint\",\"grade\":\"ordinary\",\"customer\":\"13700000022\","
                    + "\"summary\":\"Charged twice for the data pack\",\"call\":\"1790000000.7\",\"queue\":\"general\","
                    + "\"tier\":\"gold\",\"brand\":\"mzone\"}");
            JsonNode opened = agent.await("order").path("order");
            long id = opened.path("order").asLong();
            assertEquals("complaint", opened.path("kind").asText());
            assertEquals("普通", opened.path("gradeLabel").asText());
            assertEquals("opened", opened.path("state").asText());
            assertEquals("hand-off", opened.path("nextDue").asText());
            assertEquals(opened.path("openedMs").asLong() + 3_600_000, opened.path("nextDueMs").asLong());
            assertEquals("2001", opened.path("openedBy").asText());

            // refused, each naming why
            agent.send("{\"type\":\"orderStep\",\"order\":" + id + ",\"step\":\"resolve\",\"note\":\"Refunded\"}");
            assertEquals("work order " + id + " is opened; it can be resolved only when in progress",
                    agent.awaitError("order_refused").path("message").asText());
            agent.send("{\"type\":\"orderStep\",\"order\":99999999,\"step\":\"start\"}");
            assertEquals("no work order 99999999", agent.awaitError("order_refused").path("message").asText());
            agent.send("{\"type\":\"openOrder\",\"kind\":\"question\",\"customer\":\"13700000022\",\"summary\":\"why?\","
                    + "\"queue\":\"nowhere\"}");
            assertEquals("unknown queue 'nowhere'", agent.awaitError("order_refused").path("message").asText());
            agent.send("{\"type\":\"openOrder\",\"kind\":\"rumour\",\"customer\":\"13700000022\",\"summary\":\"x\"}");
            assertEquals("\"kind\" is one of fault, complaint, question, follow-up",
                    agent.awaitError("bad_field").path("message").asText());
            agent.send("{\"type\":\"openOrder\",\"kind\":\"question\",\"customer\":\"13700000022\",\"summary\":\"why?\","
                    + "\"promisedBy\":1000}");
            assertEquals("the promised reply time 1000 is not in the future",
                    agent.awaitError("order_refused").path("message").asText());

            agent.send("{\"type\":\"exportOrders\",\"from\":\"2026-12-07\",\"to\":\"2026-12-01\"}");
            assertEquals("an impossible range: 2026-12-01 is before 2026-12-07",
                    agent.awaitError("order_refused").path("message").asText());
            agent.send("{\"type\":\"exportOrders\",\"from\":\"2026-12-7\",\"to\":\"2026-12-01\"}");
            assertEquals("\"exportOrders\" needs a \"from\": a day written yyyy-MM-dd, e.g. \"2026-12-06\"",
                    agent.awaitError("bad_field").path("message").asText());

            lead.send("{\"type\":\"orders\"}");
            JsonNode open = lead.await("orders").path("orders");
            assertEquals(1, open.size(), "nothing refused was opened: " + open);
            lead.send("{\"type\":\"orderStep\",\"order\":" + id + ",\"step\":\"dispatch\",\"to\":\"2001\"}");
            assertEquals("dispatched", lead.await("order").path("order").path("state").asText());
            agent.send("{\"type\":\"orderStep\",\"order\":" + id + ",\"step\":\"start\"}");
            assertEquals("in-progress", agent.await("order").path("order").path("state").asText());
            agent.send("{\"type\":\"orderStep\",\"order\":" + id + ",\"step\":\"reply\",\"note\":\"Refund under way\"}");
            assertEquals("fix", agent.await("order").path("order").path("nextDue").asText());
            agent.send("{\"type\":\"orderStep\",\"order\":" + id + ",\"step\":\"resolve\",\"note\":\"Refunded 30 yuan\"}");
            assertEquals("resolved", agent.await("order").path("order").path("state").asText());
            lead.send("{\"type\":\"orderStep\",\"order\":" + id + ",\"step\":\"revisit\",\"note\":\"Happy\"}");
            assertEquals("a revisit needs \"satisfied\": true or false, as the customer said",
                    lead.awaitError("bad_field").path("message").asText());
            lead.send("{\"type\":\"orderStep\",\"order\":" + id + ",\"step\":\"revisit\",\"satisfied\":true,"
                    + "\"note\":\"Happy\"}");
            assertEquals("revisited", lead.await("order").path("order").path("state").asText());
            lead.send("{\"type\":\"orderStep\",\"order\":" + id + ",\"step\":\"close\"}");
            JsonNode closed = lead.await("order");
            assertEquals("close", closed.path("action").asText());
            assertEquals("closed", closed.path("order").path("state").asText());

            agent.send("{\"type\":\"orderHistory\",\"order\":" + id + "}");
            JsonNode steps = agent.await("orderHistory").path("steps");
            List<String> record = new java.util.ArrayList<>();
            steps.forEach(s -> record.add(s.path("step").asText() + " " + s.path("actor").asText()));
            assertEquals(List.of("opened 2001", "dispatched lead1", "started 2001", "replied 2001", "resolved 2001",
                    "revisited lead1", "closed lead1"), record);
            agent.send("{\"type\":\"orders\",\"customer\":\"13700000022\"}");
            JsonNode customers = agent.await("orders");
            assertEquals(id, customers.path("orders").get(0).path("order").asLong(), "the customer's profile shows it");

            // the wallboard's document counts them once the sweep has run
            JsonNode board = null;
            for (int i = 0; i < 200; i++) {
                board = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.httpPort() + "/api/queues")).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).path("workOrders");
                if (board.path("available").asBoolean()) {
                    break;
                }
                Thread.sleep(50);
            }
            assertTrue(board.path("available").asBoolean(), String.valueOf(board));
            assertEquals(0, server.workOrders().sweep().open(), "the one order is closed");
        }
    }
}
