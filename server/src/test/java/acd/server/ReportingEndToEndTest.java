package acd.server;

import acd.core.engine.AgentState;
import acd.core.metrics.TrafficFigures;
import acd.core.model.AgentSpec;
import acd.ivr.customer.CustomerDirectory;
import acd.pbxsim.PbxSettings;
import acd.pbxsim.PbxSimulator;
import acd.pbxsim.world.CallOutcome;
import acd.pbxsim.world.Outcome;
import acd.pbxsim.world.Outcomes;
import acd.pbxsim.world.CallerScript;
import acd.pbxsim.world.SeatPhone;
import acd.server.metrics.PrometheusText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short run through the built-in PBX simulator: what the callers lived, what {@code /api/queues}
 * and {@code /metrics} report and what the queue_log says must be the same calls, call by call.
 */
class ReportingEndToEndTest {
    private static final Path CONFIG = Path.of("..", "config");
    private static final double SPEED = 20;
    private static final int CALLS = 80;
    private static final int SEATS = 20;
    /** 0 at the first menu: straight to a person, as a caller who knows the hotline does. */
    private static final List<String> ASK_FOR_A_PERSON = List.of("0");
    /**
     * Event stamps cross sockets and threads: at 20x a wall-clock hiccup of a tenth of a second
     * is two simulated seconds, so a caller's and the engine's clocks agree only this closely.
     */
    private static final double TIME_SLACK_S = 4;
    private final HttpClient client = HttpClient.newHttpClient();
    private AcdServer server;
    @TempDir
    Path data;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** Until the engine has heard the end of every call the callers made (the PBX may know first). */
    private void awaitEngineIdle() throws InterruptedException {
        for (int i = 0; i < 750; i++) {
            TrafficFigures general = server.engine().board().queue(0);
            if (server.flow().callsInProgress() == 0 && server.engine().board().waitingNow(0) == 0
                    && server.engine().board().agents(AgentState.RINGING) == 0
                    && server.engine().board().agents(AgentState.TALKING) == 0
                    && general.answered() + general.abandoned() == CALLS) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the engine has not settled: " + server.engine().board().queue(0));
    }

    private static double exponential(Random random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    /**
     * A Poisson stream of callers, 90 a minute, as {@code CallerArrivals} draws them, but every caller
     * stays at least 8 s: the menu's first prompt, in both languages, takes 3, and one who hangs
     * up within the instant the /ivr script hands the call over can stay up for ever in the
     * simulator, which is not what this test is about.
     */
    private static void placeCallers(PbxSimulator pbx) throws InterruptedException {
        Random random = new Random(5);
        for (int i = 1; i <= CALLS; i++) {
            long patienceMs = 8_000 + Math.round(exponential(random, 40_000));
            long talkMs = 1_000 + Math.round(exponential(random, 30_000));
            pbx.placeCall(new CallerScript(String.format("139%08d", i), "", "10086", ASK_FOR_A_PERSON, patienceMs,
                    talkMs));
            Thread.sleep(Math.round(exponential(random, 60_000.0 / 90) / SPEED));
        }
    }

    @Test
    void theApiTheMetricsAndTheQueueLogAllCountTheCallsTheCallersMade() throws Exception {
        ServerSettings settings = ServerSettings.parse("server.yaml", Files.readString(CONFIG.resolve("server.yaml")))
                .withHttpPort(0);
        Path queueLog = data.resolve("queue_log");
        settings = settings.withAgi(settings.agi().withPort(0))
                .withQueueLog(settings.queueLog().withFile(queueLog).withFlushEverySeconds(1));
        settings = settings.withSelfServiceDataDirectory(data);
        server = new AcdServer(CONFIG, settings, CustomerDirectory.NONE,
                PbxSettings.defaults().withSpeed(SPEED).withSeed(5));
        PbxSimulator pbx = server.pbxSimulator();
        for (int i = 0; i < 200 && !server.ami().isConnected(); i++) {
            Thread.sleep(20);
        }
        // 20 seats for 90 callers a minute: lines form and some callers give up.
        List<CompletableFuture<String>> staffed = new ArrayList<>();
        for (SeatPhone seat : pbx.seats().subList(0, SEATS)) {
            staffed.add(seat.login().thenCompose(status -> seat.ready()));
        }
        CompletableFuture.allOf(staffed.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        for (SeatPhone seat : pbx.seats().subList(0, 5)) {
            seat.update(seat.settings().withNoAnswerProbability(0.4));
        }
        // Some seats end long calls themselves: the queue_log must tell COMPLETEAGENT from COMPLETECALLER.
        for (SeatPhone seat : pbx.seats().subList(5, SEATS)) {
            seat.update(seat.settings().withTalkTimeMs(25_000));
        }
        placeCallers(pbx);
        assertTrue(pbx.awaitSettled(Duration.ofSeconds(60)), () -> "traffic did not settle: " + pbx.outcomes()
                + "; engine stopped by " + server.ring().failure() + ", calls followed "
                + server.flow().callsInProgress() + ", " + pbx.outcomes().calls().stream()
                .filter(c -> !c.ended()).toList());
        awaitEngineIdle();
        Outcomes outcomes = pbx.outcomes();
        assertEquals(CALLS, outcomes.placed());
        assertEquals(CALLS, outcomes.completed() + outcomes.abandoned(), "outcomes " + outcomes.byOutcome());
        assertTrue(outcomes.abandoned() > 0 && outcomes.completed() > 0, "a run with both: " + outcomes.byOutcome());

        // /api/queues
        JsonNode general = new ObjectMapper().readTree(get("/api/queues")).get("queues").get(0);
        assertEquals("general", general.get("queue").asText());
        assertEquals(CALLS, general.get("offered").asLong());
        assertEquals(outcomes.completed(), general.get("answered").asLong());
        assertEquals(outcomes.abandoned(), general.get("abandoned").asLong());

        // /metrics
        PrometheusText metrics = PrometheusText.parse(get("/metrics"));
        assertEquals(CALLS, metrics.sum("acd_calls_offered_total"), "no call went to another queue");
        assertEquals(CALLS, metrics.sum("acd_calls_offered_total", "queue", "general"));
        assertEquals(outcomes.completed(), metrics.sum("acd_calls_answered_total", "queue", "general"));
        assertEquals(outcomes.abandoned(), metrics.sum("acd_calls_abandoned_total", "queue", "general"));
        assertEquals(general.get("serviceLevel").asDouble(),
                metrics.value("acd_queue_service_level_ratio", "queue", "general"), 1e-12);
        assertEquals(1.0, metrics.value("acd_ami_connected"));
        assertEquals(0.0, metrics.value("acd_queue_log_lines_lost_total"));
        assertEquals(0.0, metrics.value("acd_queue_log_events_failed_total"));
        assertEquals(SEATS, metrics.sum("acd_agents") - metrics.value("acd_agents", "state", "logged-out"),
                "the staffed seats are logged in");

        // The queue_log, complete once the server has closed it.
        List<AgentSpec> agents = server.engine().config().agents();
        server.close();
        List<String> lines = Files.readAllLines(queueLog);
        server = null;
        assertTrue(lines.get(0).matches("\\d+\\|NONE\\|NONE\\|NONE\\|QUEUESTART\\|"), lines.get(0));
        Map<String, List<String[]>> byCall = new HashMap<>();
        Map<String, Integer> events = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split("\\|", -1);
            events.merge(f[4], 1, Integer::sum);
            if (!f[1].equals("NONE")) {
                byCall.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f);
            }
        }
        assertEquals(CALLS, events.get("ENTERQUEUE"));
        assertEquals(outcomes.completed(), events.get("CONNECT"));
        assertEquals(outcomes.completed(),
                events.getOrDefault("COMPLETECALLER", 0) + events.getOrDefault("COMPLETEAGENT", 0));
        assertEquals(outcomes.abandoned(), events.get("ABANDON"));
        assertEquals(SEATS, events.get("AGENTLOGIN"));
        assertFalse(events.containsKey("EXITWITHTIMEOUT") || events.containsKey("EXITEMPTY"), events.toString());
        assertEquals(CALLS, byCall.size(), "one callid per caller");

        Map<String, String> agentOfEndpoint = new HashMap<>();
        for (AgentSpec agent : agents) {
            agentOfEndpoint.put(agent.endpoint(), agent.id());
        }
        int completeAgent = 0;
        for (CallOutcome call : outcomes.calls()) {
            List<String[]> mine = byCall.get(call.uniqueid());
            assertTrue(mine != null, "no line for caller " + call.uniqueid());
            String[] enter = mine.get(0);
            assertEquals("ENTERQUEUE", enter[4]);
            assertEquals("general", enter[2]);
            assertEquals(call.number(), enter[6]);
            String[] last = mine.get(mine.size() - 1);
            long enteredS = Long.parseLong(enter[0]);
            long queuedS = Math.floorDiv(call.arrivedAtMs() + call.queuedAfterMs(), 1000);
            if (call.outcome() == Outcome.COMPLETED) {
                String[] connect = mine.stream().filter(f -> f[4].equals("CONNECT")).findFirst().orElseThrow();
                assertEquals(agentOfEndpoint.get(call.seat()), connect[3], call.uniqueid() + " answered by " + call.seat());
                assertTrue(connect[6].matches("\\d+\\.\\d+"), "the seat's channel " + String.join("|", connect));
                long connectedS = Long.parseLong(connect[0]);
                assertEquals(connectedS - enteredS, Long.parseLong(connect[5]), "hold time is the log's own span");
                long answeredS = Math.floorDiv(call.arrivedAtMs() + call.answerWaitMs(), 1000);
                assertEquals(answeredS - queuedS, Long.parseLong(connect[5]), TIME_SLACK_S,
                        "hold time of " + call.uniqueid() + " as the caller lived it");
                assertEquals(call.callerHungUp() ? "COMPLETECALLER" : "COMPLETEAGENT", last[4],
                        "who hung up first on " + call.uniqueid());
                assertEquals(connect[5], last[5], "the hold time again");
                assertEquals(Long.parseLong(last[0]) - connectedS, Long.parseLong(last[6]), "talk time");
                completeAgent += call.callerHungUp() ? 0 : 1;
                assertEquals(call.seatsRung().size() - 1,
                        mine.stream().filter(f -> f[4].equals("RINGNOANSWER")).count(), "seats that rang out");
            } else {
                assertEquals("ABANDON", last[4], call.uniqueid() + ": " + String.join("|", last));
                assertEquals(Long.parseLong(last[0]) - enteredS, Long.parseLong(last[7]), "wait is the log's own span");
                long abandonedS = Math.floorDiv(call.arrivedAtMs() + call.abandonWaitMs(), 1000);
                assertEquals(abandonedS - queuedS, Long.parseLong(last[7]), TIME_SLACK_S,
                        "wait of " + call.uniqueid() + " as the caller lived it");
            }
        }
        assertTrue(completeAgent > 0 && completeAgent < outcomes.completed(),
                "both sides hung up first in some calls: " + completeAgent + " of " + outcomes.completed());

        // The same counts recomputed from the queue_log agree with the intervals the server stored.
        Path config = Files.createDirectories(data.resolve("config"));
        for (String file : List.of("routing.yaml", "agents.yaml", "hours.yaml")) {
            Files.copy(CONFIG.resolve(file), config.resolve(file));
        }
        Files.writeString(config.resolve("server.yaml"), Files.readString(CONFIG.resolve("server.yaml"))
                .replace("file: data/queue_log", "file: " + queueLog)
                .replace("dataDirectory: data ", "dataDirectory: " + data + " "));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = acd.server.report.ReportCommand.run(new String[]{"--from", "queue_log", "--config",
                config.toString()}, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        String audit = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, status, audit + err.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(audit.contains(" agree between "), audit);
        assertTrue(audit.lines().anyMatch(l -> l.matches(".* general +queue_log +" + CALLS + " +" + outcomes.completed()
                + " .*")), audit);

        // A restart goes on from today's stored figures: nothing is counted twice or lost.
        server = new AcdServer(CONFIG, settings, CustomerDirectory.NONE,
                PbxSettings.defaults().withSpeed(SPEED).withSeed(6));
        JsonNode again = new ObjectMapper().readTree(get("/api/queues")).get("queues").get(0);
        assertEquals(CALLS, again.get("offered").asLong(), "today's calls before the restart");
        assertEquals(outcomes.completed(), again.get("answered").asLong());
        assertEquals(general.get("answeredWithinThreshold").asLong(), again.get("answeredWithinThreshold").asLong());
    }
}
