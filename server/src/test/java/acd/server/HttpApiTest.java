package acd.server;

import acd.core.config.ConfigError;
import acd.ivr.customer.CustomerDirectory;
import acd.pbxsim.PbxSettings;
import acd.core.engine.EventType;
import acd.server.metrics.PrometheusText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpApiTest {
    private static final Path CONFIG = Path.of("..", "config");
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private AcdServer server;

    @TempDir
    Path data;

    @BeforeEach
    void start() throws Exception {
        ServerSettings settings = ServerSettings.parse("server.yaml", Files.readString(CONFIG.resolve("server.yaml")))
                .withHttpPort(0);
        settings = settings.withQueueLog(settings.queueLog().withFile(data.resolve("queue_log")));
        settings = settings.withSelfServiceDataDirectory(data);
        server = new AcdServer(CONFIG, settings.withAgi(settings.agi().withPort(0)), CustomerDirectory.NONE,
                PbxSettings.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void queuesReportServiceLevelFiguresPerQueueAndTier() throws Exception {
        int agent = server.engine().agentIndex("2001");
        int queue = server.engine().queueIndex("general");
        int tier = server.engine().tierIndex("gold");
        long now = server.nowMs();
        server.ring().publish(e -> e.agentEvent(EventType.AGENT_LOGGED_IN, now, agent, 0));
        server.ring().publish(e -> e.agentEvent(EventType.AGENT_READY, now, agent, 0));
        server.ring().publish(e -> e.callArrived(now, 1, queue, tier, -1, -1, 0, "13800000000", "1"));
        server.ring().publish(e -> e.offerAnswered(now + 3000, 1, agent));
        JsonNode general = null;
        for (int attempt = 0; attempt < 50 && (general == null || general.get("answered").asLong() == 0); attempt++) {
            Thread.sleep(20);
            HttpResponse<String> response = get("/api/queues");
            assertEquals(200, response.statusCode());
            for (JsonNode q : json.readTree(response.body()).get("queues")) {
                if (q.get("queue").asText().equals("general")) {
                    general = q;
                }
            }
        }
        assertEquals(1, general.get("offered").asLong());
        assertEquals(1, general.get("answered").asLong());
        assertEquals(1.0, general.get("serviceLevel").asDouble());
        assertEquals(3.0, general.get("asaSeconds").asDouble(), 0.001);
        assertEquals(1, general.get("agents").get("talking").asLong());
        JsonNode gold = null;
        for (JsonNode t : general.get("tiers")) {
            if (t.get("tier").asText().equals("gold")) {
                gold = t;
            }
        }
        assertEquals(1, gold.get("answered").asLong());
        assertEquals("金", gold.get("label").asText());
    }

    @Test
    void healthReportsTheEngineLag() throws Exception {
        JsonNode health = null;
        for (int attempt = 0; attempt < 100 && (health == null || !health.get("amiConnected").asBoolean()); attempt++) {
            Thread.sleep(50);
            HttpResponse<String> response = get("/api/health");
            assertEquals(200, response.statusCode());
            health = json.readTree(response.body());
        }
        assertEquals("built-in simulator", health.get("pbx").asText());
        assertEquals("ok", health.get("status").asText());
        assertTrue(health.get("engineLagMs").asLong() < 2_000);
    }

    @Test
    void metricsAreServedAsPrometheusTextBesideTheJsonApi() throws Exception {
        HttpResponse<String> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.headers().firstValue("Content-Type").orElse(""));
        PrometheusText text = PrometheusText.parse(metrics.body());
        assertEquals(0.0, text.sum("acd_calls_offered_total"));
        assertEquals(0.0, text.value("acd_queue_log_lines_lost_total"));
        assertEquals("application/json; charset=utf-8",
                get("/api/queues").headers().firstValue("Content-Type").orElse(""));
        JsonNode queueLog = json.readTree(get("/api/health").body()).get("queueLog");
        assertEquals(data.resolve("queue_log").toAbsolutePath().toString(), queueLog.get("file").asText());
        assertEquals(0, queueLog.get("linesLost").asLong());
    }

    @Test
    void unknownPathsAndMethodsGetAClearError() throws Exception {
        HttpResponse<String> missing = get("/api/nothing");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("/api/nothing"));
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.httpPort() + "/api/queues"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void aMissingConfigFileStopsTheStartNamingTheFile(@TempDir Path empty) {
        ConfigError error = assertThrows(ConfigError.class,
                () -> new AcdServer(empty, ServerSettings.DEFAULTS.withHttpPort(0).withSelfServiceDataDirectory(empty)
                        .withQueueLog(ServerSettings.DEFAULTS.queueLog().withFile(empty.resolve("queue_log"))),
                        CustomerDirectory.NONE,
                        PbxSettings.defaults()));
        assertTrue(error.getMessage().contains("routing.yaml"), error.getMessage());
    }
}
