package acd.server;

import acd.core.ring.EngineRing;
import acd.ivr.customer.CustomerDirectory;
import acd.pbxsim.PbxSettings;
import acd.server.metrics.PrometheusText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event the engine fails on stops it, and the server says so: its health turns "stopped"
 * with the event, /metrics shows it, and the serve command is told so it can exit.
 */
class EngineStopTest {

    @Test
    void anEventTheEngineFailsOnStopsItAndTheServerSaysSo(@TempDir Path dir) throws Exception {
        ServerSettings settings = ShippedConfig.in(dir);
        try (AcdServer server = new AcdServer(dir, settings, CustomerDirectory.NONE, PbxSettings.defaults())) {
            // an event of no type: a fault the engine cannot apply
            server.ring().publish(e -> e.type = null);
            EngineRing.Failure failure = server.engineStopped().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(failure.cause() instanceof NullPointerException, failure.toString());

            JsonNode health = new ObjectMapper().readTree(get(server, "/api/health", 503));
            assertEquals("stopped", health.path("status").asText(), health.toString());
            assertTrue(health.path("engineStopped").asText().contains("failed"), health.toString());

            PrometheusText metrics = PrometheusText.parse(get(server, "/metrics", 200));
            assertEquals(1.0, metrics.value("acd_engine_stopped"));
        }
    }

    private static String get(AcdServer server, String path, int status) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, reply.statusCode(), reply.body());
        return reply.body();
    }
}
