package acd.server.metrics;

import acd.core.config.ConfigSource;
import acd.core.config.RoutingConfigLoader;
import acd.core.engine.AcdEngine;
import acd.core.engine.DirectiveSink;
import acd.core.engine.EngineEvent;
import acd.core.engine.EngineListener;
import acd.core.engine.EventType;
import acd.core.model.RoutingConfig;
import acd.server.http.HttpApi;
import acd.core.metrics.QueueReports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /metrics} next to {@code /api/queues} over one board: same figures, valid exposition. */
class ServerMetricsTest {
    private static final Path CONFIG = Path.of("..", "config");
    private static final long T0_MS = 1_795_443_115_000L;

    private final HttpClient client = HttpClient.newHttpClient();
    private final EngineEvent e = new EngineEvent();
    private AcdEngine engine;
    private HttpApi http;

    private static final ServerVitals VITALS = new ServerVitals() {
        @Override
        public boolean amiConnected() {
            return true;
        }

        @Override
        public long amiReconnects() {
            return 3;
        }

        @Override
        public long amiEventsDropped() {
            return 2;
        }

        @Override
        public long amiEventsMalformed() {
            return 1;
        }

        @Override
        public long amiActionsFailed() {
            return 4;
        }

        @Override
        public int agiSessionsOpen() {
            return 7;
        }

        @Override
        public int callsInProgress() {
            return 5;
        }

        @Override
        public long engineBacklog() {
            return 12;
        }

        @Override
        public long engineLagMs() {
            return 250;
        }

        @Override
        public boolean engineStopped() {
            return false;
        }

        @Override
        public long engineEventsNotApplied() {
            return 0;
        }
    };

    @BeforeEach
    void start() throws Exception {
        RoutingConfig config = RoutingConfigLoader.parse(List.of(
                new ConfigSource("routing.yaml", Files.readString(CONFIG.resolve("routing.yaml"))),
                new ConfigSource("agents.yaml", Files.readString(CONFIG.resolve("agents.yaml")))));
        DirectiveSink nowhere = (timeMs, call, agentIndex, ringTimeoutMs) -> {
        };
        engine = new AcdEngine(config, T0_MS, nowhere, EngineListener.NONE);
        ServerMetrics metrics = new ServerMetrics(config, engine.board(), VITALS, null, null);
        QueueReports reports = new QueueReports(config, engine.board());
        Map<String, HttpApi.Resource> resources = new LinkedHashMap<>();
        resources.put("/api/queues", HttpApi.json(reports::all));
        resources.put("/metrics", new MetricsEndpoint(metrics.registry()));
        http = new HttpApi("127.0.0.1", 0, resources);
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private long at(double seconds) {
        return T0_MS + Math.round(seconds * 1000);
    }

    private void agents(double seconds, EventType type, String... ids) {
        for (String id : ids) {
            engine.onEvent(e.agentEvent(type, at(seconds), engine.agentIndex(id), 0));
        }
    }

    private void call(double seconds, long id, String queue, String tier) {
        engine.onEvent(e.callArrived(at(seconds), id, engine.queueIndex(queue), engine.tierIndex(tier), -1, -1, 0,
                "1380000000" + id, "1"));
    }

    private void answer(double seconds, long id) {
        engine.onEvent(e.offerAnswered(at(seconds), id, engine.agentOfCall(id)));
    }

    private void callEvent(double seconds, EventType type, long id) {
        engine.onEvent(e.callEvent(type, at(seconds), id));
    }

    /** A morning in miniature: answers within and past the threshold, short and long abandons, callers still waiting. */
    private void traffic() {
        agents(0, EventType.AGENT_LOGGED_IN, "2001", "2002", "1001");
        agents(0, EventType.AGENT_READY, "2001", "2002");
        call(1, 1, "general", "standard");
        call(2, 2, "general", "silver");
        answer(4, 1);
        call(5, 3, "billing", "standard");
        callEvent(6, EventType.CALLER_ABANDONED, 3);
        answer(40, 2);
        call(41, 4, "general", "standard");
        callEvent(70, EventType.CALLER_ABANDONED, 4);
        call(80, 5, "general", "silver");
        callEvent(85, EventType.CALL_ENDED, 1);
        call(86, 6, "general", "standard");
        // Before call 1's seat ends its 10 s wrap-up: both late callers still wait in line.
        engine.onEvent(e.tick(at(94)));
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static void sameRatio(JsonNode json, Double metric, String what) {
        if (json == null || json.isNull()) {
            assertNull(metric, what + ": no calls behind it, so no sample");
        } else {
            assertNotNull(metric, what);
            assertEquals(json.asDouble(), metric, 1e-12, what);
        }
    }

    @Test
    void metricsParseAsPrometheusTextAndEqualTheQueueReport() throws Exception {
        traffic();
        HttpResponse<String> response = get("/metrics", null);
        assertEquals("text/plain; version=0.0.4; charset=utf-8",
                response.headers().firstValue("Content-Type").orElse(""));
        PrometheusText metrics = PrometheusText.parse(response.body());
        JsonNode report = new ObjectMapper().readTree(get("/api/queues", null).body());

        assertEquals(5, metrics.sum("acd_calls_offered_total", "queue", "general"), "a sanity check on the traffic");
        for (JsonNode queue : report.get("queues")) {
            String q = queue.get("queue").asText();
            assertEquals(queue.get("offered").asLong(), metrics.sum("acd_calls_offered_total", "queue", q), q);
            assertEquals(queue.get("answered").asLong(), metrics.sum("acd_calls_answered_total", "queue", q), q);
            assertEquals(queue.get("answeredWithinThreshold").asLong(),
                    metrics.sum("acd_calls_answered_within_threshold_total", "queue", q), q);
            assertEquals(queue.get("abandoned").asLong(), metrics.sum("acd_calls_abandoned_total", "queue", q), q);
            assertEquals(queue.get("shortAbandoned").asLong(),
                    metrics.sum("acd_calls_short_abandoned_total", "queue", q), q);
            assertEquals(queue.get("overflowed").asLong(), metrics.sum("acd_calls_overflowed_total", "queue", q), q);
            assertEquals(queue.get("timedOut").asLong(), metrics.sum("acd_calls_timed_out_total", "queue", q), q);
            assertEquals(queue.get("refused").asLong(), metrics.sum("acd_calls_refused_total", "queue", q), q);
            assertEquals(queue.get("closed").asLong(), metrics.sum("acd_calls_closed_total", "queue", q), q);
            for (String callbacks : List.of("offered", "requested", "reached", "notReached")) {
                String name = "acd_callbacks_" + callbacks.replace("notReached", "not_reached") + "_total";
                assertEquals(queue.get("callbacks").get(callbacks).asLong(), metrics.sum(name, "queue", q), name);
            }
            assertEquals(queue.get("waitingNow").asLong(), metrics.sum("acd_calls_waiting", "queue", q), q);
            assertEquals(queue.get("longestWaitingNowSeconds").asDouble(),
                    metrics.value("acd_queue_longest_waiting_seconds", "queue", q), 1e-9, q);
            sameRatio(queue.get("serviceLevel"), metrics.value("acd_queue_service_level_ratio", "queue", q), q);
            sameRatio(queue.get("answerRate"), metrics.value("acd_queue_answer_rate_ratio", "queue", q), q);
            assertEquals(queue.get("thresholdSeconds").asDouble(),
                    metrics.value("acd_queue_service_level_threshold_seconds", "queue", q));
            assertEquals(queue.get("targetPercent").asDouble() / 100,
                    metrics.value("acd_queue_service_level_target_ratio", "queue", q), 1e-12);
            sameWaits(queue, metrics, "acd_queue_answer_wait_seconds", "queue", q);
            queue.get("agents").properties().forEach(state -> assertEquals(state.getValue().asDouble(),
                    metrics.value("acd_queue_agents", "queue", q, "state", state.getKey()), q + " " + state.getKey()));
            for (JsonNode tier : queue.get("tiers")) {
                String t = tier.get("tier").asText();
                String where = q + "/" + t;
                assertEquals(tier.get("offered").asDouble(),
                        metrics.value("acd_calls_offered_total", "queue", q, "tier", t), where);
                assertEquals(tier.get("answered").asDouble(),
                        metrics.value("acd_calls_answered_total", "queue", q, "tier", t), where);
                assertEquals(tier.get("abandoned").asDouble(),
                        metrics.value("acd_calls_abandoned_total", "queue", q, "tier", t), where);
                assertEquals(tier.get("overflowed").asDouble(),
                        metrics.value("acd_calls_overflowed_total", "queue", q, "tier", t), where);
                assertEquals(tier.get("waitingNow").asDouble(),
                        metrics.value("acd_calls_waiting", "queue", q, "tier", t), where);
                sameRatio(tier.get("serviceLevel"),
                        metrics.value("acd_queue_tier_service_level_ratio", "queue", q, "tier", t), where);
                sameRatio(tier.get("answerRate"),
                        metrics.value("acd_queue_tier_answer_rate_ratio", "queue", q, "tier", t), where);
                sameWaits(tier, metrics, "acd_queue_tier_answer_wait_seconds", "queue", q, "tier", t);
            }
        }
        report.get("agents").properties().forEach(state -> assertEquals(state.getValue().asDouble(),
                metrics.value("acd_agents", "state", state.getKey()), state.getKey()));

        assertEquals(1.0, metrics.value("acd_ami_connected"));
        assertEquals(3.0, metrics.value("acd_ami_reconnects_total"));
        assertEquals(2.0, metrics.value("acd_ami_events_dropped_total"));
        assertEquals(1.0, metrics.value("acd_ami_events_malformed_total"));
        assertEquals(4.0, metrics.value("acd_ami_actions_failed_total"));
        assertEquals(7.0, metrics.value("acd_agi_sessions_open"));
        assertEquals(5.0, metrics.value("acd_calls_in_progress"));
        assertEquals(12.0, metrics.value("acd_engine_backlog_events"));
        assertEquals(0.25, metrics.value("acd_engine_lag_seconds"));
        assertEquals(0.0, metrics.value("acd_engine_stopped"));
        assertEquals(0.0, metrics.value("acd_engine_events_not_applied_total"));
    }

    /** The summary against a report row: count and quantiles from its waits, the sum from its average. */
    private static void sameWaits(JsonNode row, PrometheusText metrics, String name, String... labels) {
        JsonNode waits = row.get("waits");
        String where = name + String.join(",", labels);
        assertEquals(waits.get("count").asDouble(), metrics.value(name + "_count", labels), where);
        double sum = row.get("answered").asLong() == 0 ? 0 : row.get("asaSeconds").asDouble() * row.get("answered").asLong();
        assertEquals(sum, metrics.value(name + "_sum", labels), 1e-9, where);
        if (waits.get("count").asLong() == 0) {
            assertNull(metrics.value(name, with(labels, "quantile", "0.5")), where + ": no quantiles without calls");
            return;
        }
        assertEquals(waits.get("p50Seconds").asDouble(), metrics.value(name, with(labels, "quantile", "0.5")), where);
        assertEquals(waits.get("p90Seconds").asDouble(), metrics.value(name, with(labels, "quantile", "0.9")), where);
        assertEquals(waits.get("p99Seconds").asDouble(), metrics.value(name, with(labels, "quantile", "0.99")), where);
    }

    private static String[] with(String[] labels, String name, String value) {
        String[] all = java.util.Arrays.copyOf(labels, labels.length + 2);
        all[labels.length] = name;
        all[labels.length + 1] = value;
        return all;
    }

    @Test
    void theFiguresBehindTheMetricsAreTheCallsThatHappened() throws Exception {
        traffic();
        PrometheusText metrics = PrometheusText.parse(get("/metrics", null).body());
        assertEquals(1.0, metrics.value("acd_calls_answered_within_threshold_total", "queue", "general", "tier",
                "standard"), "call 1 waited 3 s");
        assertEquals(1.0, metrics.value("acd_calls_answered_total", "queue", "general", "tier", "silver"),
                "call 2 waited 38 s, past the 20 s threshold");
        assertEquals(0.0, metrics.value("acd_calls_answered_within_threshold_total", "queue", "general", "tier",
                "silver"));
        assertEquals(1.0, metrics.value("acd_calls_short_abandoned_total", "queue", "billing", "tier", "standard"));
        assertEquals(2.0, metrics.sum("acd_calls_waiting", "queue", "general"), "calls 5 and 6");
        assertEquals(14.0, metrics.value("acd_queue_longest_waiting_seconds", "queue", "general"));
        assertEquals(1.0 / 3, metrics.value("acd_queue_tier_answer_rate_ratio", "queue", "general", "tier",
                "standard"), 1e-9, "1 of 3 standard calls answered");
        assertNull(metrics.value("acd_queue_service_level_ratio", "queue", "broadband"), "no calls, no ratio");
        assertEquals(38.0 + 3.0, metrics.value("acd_queue_answer_wait_seconds_sum", "queue", "general"), 1e-9);
        assertEquals(2.0, metrics.value("acd_queue_answer_wait_seconds_count", "queue", "general"));
    }

    @Test
    void aScraperAskingForOpenMetricsGetsIt() throws Exception {
        traffic();
        HttpResponse<String> response = get("/metrics", "application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
        assertTrue(response.body().endsWith("# EOF\n"), "an OpenMetrics exposition ends with # EOF");
        assertTrue(response.body().contains("acd_calls_offered_total{queue=\"general\",tier=\"standard\"} 3"),
                response.body());
    }
}
