package acd.server;

import acd.core.engine.AgentState;
import acd.core.metrics.TrafficFigures;
import acd.ivr.customer.CustomerDirectory;
import acd.pbxsim.PbxSettings;
import acd.pbxsim.PbxSimulator;
import acd.pbxsim.world.CallOutcome;
import acd.pbxsim.world.Outcome;
import acd.pbxsim.world.Outcomes;
import acd.pbxsim.world.SeatPhone;
import acd.pbxsim.world.CallerArrivals;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path over loopback: the PBX simulator places calls into the FastAGI server, holds
 * them, the engine picks seats, AMI carries the offers and the outcomes. Every call must be
 * accounted for, none stuck, no seat left reserved, and the figures the HTTP API serves must be
 * the ones the callers lived.
 */
class EndToEndTest {
    private static final Path CONFIG = Path.of("..", "config");
    private static final double SPEED = 20;
    private static final int CALLS = 200;
    private AcdServer server;
    @TempDir
    Path data;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private PbxSimulator start(long seed) throws Exception {
        ServerSettings settings = ServerSettings.parse("server.yaml", Files.readString(CONFIG.resolve("server.yaml")))
                .withHttpPort(0);
        settings = settings.withQueueLog(settings.queueLog().withFile(data.resolve("queue_log")));
        settings = settings.withSelfServiceDataDirectory(data);
        server = new AcdServer(CONFIG, settings.withAgi(settings.agi().withPort(0)), CustomerDirectory.NONE,
                PbxSettings.defaults().withSpeed(SPEED).withSeed(seed));
        PbxSimulator pbx = server.pbxSimulator();
        for (int i = 0; i < 200 && !server.ami().isConnected(); i++) {
            Thread.sleep(20);
        }
        ServeCommand.staffTheFloor(pbx, server.engine().config());
        // A few seats let calls ring out, so offers go back in line too.
        for (SeatPhone seat : pbx.seats().subList(0, 5)) {
            seat.update(seat.settings().withNoAnswerProbability(0.3));
        }
        // 43 seats, ~45 s per call with wrap-up: about 85% busy, with queues and some abandons.
        pbx.startTraffic(CallerArrivals.poisson(50, CALLS, seed).withDids(List.of("10086"))
                .withMeanPatienceMs(60_000).withMeanTalkTimeMs(35_000));
        return pbx;
    }

    private void awaitEngineIdle() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (server.flow().callsInProgress() == 0 && server.engine().board().waitingNow(0) == 0
                    && server.engine().board().agents(AgentState.RINGING) == 0
                    && server.engine().board().agents(AgentState.TALKING) == 0) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private JsonNode queuesFromHttp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + "/api/queues")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return new ObjectMapper().readTree(response.body()).get("queues").get(0);
    }

    private static void assertEveryCallAccountedFor(Outcomes outcomes) {
        assertEquals(CALLS, outcomes.placed());
        assertTrue(outcomes.allEnded(), "calls still up: " + outcomes.byOutcome());
        assertEquals(outcomes.reachedTheLine(), outcomes.completed() + outcomes.abandoned(),
                "outcomes " + outcomes.byOutcome());
    }

    private void assertNothingStuck() {
        assertEquals(0, server.flow().callsInProgress(), "calls the adapter still follows");
        assertEquals(0, server.engine().board().waitingNow(0), "callers the engine still holds in line");
        assertEquals(0, server.engine().board().agents(AgentState.RINGING), "seats left reserved");
        assertEquals(0, server.engine().board().agents(AgentState.TALKING), "seats left talking");
    }

    @Test
    void twoHundredCallsAreAllAccountedForAndTheApiAgreesWithTheCallers() throws Exception {
        PbxSimulator pbx = start(7);
        assertTrue(pbx.awaitSettled(Duration.ofSeconds(120)), "traffic did not settle");
        awaitEngineIdle();
        Outcomes outcomes = pbx.outcomes();
        assertEveryCallAccountedFor(outcomes);
        assertNothingStuck();

        JsonNode general = queuesFromHttp();
        assertEquals(outcomes.reachedTheLine(), general.get("offered").asLong());
        assertEquals(outcomes.completed(), general.get("answered").asLong());
        assertEquals(outcomes.abandoned(), general.get("abandoned").asLong());

        // The callers' own service level: waits from joining the line (ACD_QUEUED) to a seat answering.
        long threshold = general.get("thresholdSeconds").asLong() * 1000;
        long within = 0;
        long shortAbandons = 0;
        for (CallOutcome call : outcomes.calls()) {
            if (call.outcome() == Outcome.COMPLETED && call.answerWaitMs() - call.queuedAfterMs() <= threshold) {
                within++;
            }
            if (call.outcome() == Outcome.ABANDONED && call.abandonWaitMs() - call.queuedAfterMs() < 5_000) {
                shortAbandons++;
            }
        }
        double callersLevel = (double) within / (outcomes.reachedTheLine() - shortAbandons);
        TrafficFigures engine = server.engine().board().queue(0);
        System.out.printf("end to end: %d calls, %d answered, %d abandoned; service level engine %.4f, callers %.4f%n",
                CALLS, engine.answered(), engine.abandoned(), engine.serviceLevel(), callersLevel);
        // Event stamps cross a socket and a thread: at 20x speed a few wall milliseconds are a
        // simulated tenth of a second, enough to move a call that sits exactly on the threshold.
        assertEquals(callersLevel, general.get("serviceLevel").asDouble(), 0.02,
                "engine " + engine + " vs callers " + within + "/" + (outcomes.reachedTheLine() - shortAbandons));
        assertTrue(general.get("answered").asLong() > CALLS / 2, "most calls reach a seat");
    }

    @Test
    void cuttingTheAmiConnectionThreeTimesLosesNothing() throws Exception {
        PbxSimulator pbx = start(11);
        for (int cut = 0; cut < 3; cut++) {
            Thread.sleep(2_000);
            pbx.dropAmiConnections();
        }
        assertTrue(pbx.awaitSettled(Duration.ofSeconds(120)), "traffic did not settle");
        for (int i = 0; i < 200 && !server.ami().isConnected(); i++) {
            Thread.sleep(20);
        }
        awaitEngineIdle();
        assertEquals(3, server.ami().reconnects());
        Outcomes outcomes = pbx.outcomes();
        assertEveryCallAccountedFor(outcomes);
        assertNothingStuck();
        TrafficFigures engine = server.engine().board().queue(0);
        assertEquals(outcomes.reachedTheLine(), engine.offered());
        assertEquals(engine.offered(), engine.answered() + engine.abandoned(), "every call has one outcome: " + engine);
        System.out.printf("AMI cut 3 times: %d calls, engine %d answered %d abandoned, callers %d answered %d abandoned%n",
                CALLS, engine.answered(), engine.abandoned(), outcomes.completed(), outcomes.abandoned());
    }
}
