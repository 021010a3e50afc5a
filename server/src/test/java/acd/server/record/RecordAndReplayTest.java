package acd.server.record;

import acd.core.engine.AgentState;
import acd.core.metrics.TrafficFigures;
import acd.ivr.customer.CustomerDirectory;
import acd.pbxsim.PbxSettings;
import acd.pbxsim.PbxSimulator;
import acd.pbxsim.world.CallerArrivals;
import acd.pbxsim.world.SeatPhone;
import acd.server.AcdServer;
import acd.server.ShippedConfig;
import acd.server.ServerSettings;
import acd.server.http.HttpApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A day on the built-in PBX simulator recorded with {@code --record}: 500 callers, seats that
 * let some calls ring out, the AMI connection cut three times, and the general line closed by an
 * edit of the hours file half way. A fresh engine fed the recording decides the same, byte for
 * byte: the queue_log, the /api/queues document and every directive. Replayed as fast as it
 * reads and, through the engine ring, at 100 times the recorded pace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordAndReplayTest {
    private static final int CALLS = 500;
    private static final double SPEED = 40;

    private Path dir;
    private Path recording;
    private Path liveQueueLog;
    private byte[] liveQueues;
    private long liveOffered;
    private long liveAnswered;
    private long liveClosed;

    @BeforeAll
    void recordADay(@TempDir Path dir) throws Exception {
        this.dir = dir;
        recording = dir.resolve("day.rec");
        Path config = Files.createDirectories(dir.resolve("config"));
        ServerSettings settings = ShippedConfig.in(config);
        liveQueueLog = settings.queueLog().path();
        AcdServer server = new AcdServer(config, settings, CustomerDirectory.NONE,
                PbxSettings.defaults().withSpeed(SPEED).withSeed(5), recording);
        try {
            PbxSimulator pbx = server.pbxSimulator();
            for (int i = 0; i < 200 && !server.ami().isConnected(); i++) {
                Thread.sleep(20);
            }
            List<CompletableFuture<String>> staffed = new ArrayList<>();
            for (SeatPhone seat : pbx.seats()) {
                staffed.add(seat.login().thenCompose(status -> seat.ready()));
            }
            CompletableFuture.allOf(staffed.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            for (SeatPhone seat : pbx.seats().subList(0, 5)) {
                seat.update(seat.settings().withNoAnswerProbability(0.3));
            }
            pbx.startTraffic(CallerArrivals.poisson(70, CALLS, 5).withDids(List.of("10086"))
                    .withMeanPatienceMs(60_000).withMeanTalkTimeMs(20_000));
            for (int cut = 0; cut < 3; cut++) {
                Thread.sleep(2_000);
                pbx.dropAmiConnections();
            }
            // The general line closes: the edit reaches the engine as an event, recorded with the rest.
            Path hours = config.resolve("hours.yaml");
            Files.writeString(hours, Files.readString(hours).replace("  always: 24h\n", "  always: 24h\n  shut: {}\n")
                    .replace("general: {calendar: always}", "general: {calendar: shut, whenClosed: voicemail}"));
            int general = server.engine().queueIndex("general");
            for (int i = 0; i < 100 && server.engine().board().queue(general).closed() == 0; i++) {
                Thread.sleep(50);
            }
            assertTrue(pbx.awaitSettled(Duration.ofSeconds(120)), "traffic did not settle");
            for (int i = 0; i < 300 && (server.flow().callsInProgress() > 0
                    || server.engine().board().agents(AgentState.TALKING) > 0); i++) {
                Thread.sleep(20);
            }
            assertEquals(3, server.ami().reconnects());
        } finally {
            server.close();
        }
        long answered = 0;
        for (int q = 0; q < server.engine().queueCount(); q++) {
            TrafficFigures figures = server.engine().board().queue(q);
            liveOffered += figures.offered();
            answered += figures.answered();
        }
        liveAnswered = answered;
        assertTrue(liveOffered > CALLS / 3, "callers in the line: " + liveOffered);
        liveClosed = server.engine().board().queue(server.engine().queueIndex("general")).closed();
        assertTrue(liveClosed > 0, "callers to the closed general line");
        // What /api/queues served as the last event was applied, serialised as it serves it.
        liveQueues = HttpApi.jsonBytes(server.reports().all());
        assertEquals(0, server.queueLog().linesLost());
        System.out.printf("recorded %d callers in the line and %d to the closed line: %d bytes of recording, "
                + "%d of queue_log%n", liveOffered, liveClosed, Files.size(recording), Files.size(liveQueueLog));
    }

    private void assertSameAsLive(Replay.Result replay) throws Exception {
        assertNull(replay.divergence());
        assertFalse(replay.cutShort());
        // At least an offer for every answered call: the check above saw each one.
        assertTrue(replay.directives() >= liveAnswered, "directives replayed: " + replay.directives());
        assertArrayEquals(Files.readAllBytes(liveQueueLog), Files.readAllBytes(replay.queueLog()),
                "the replayed queue_log differs from the live one");
        assertArrayEquals(liveQueues, Files.readAllBytes(replay.queuesFile()),
                "live /api/queues " + new String(liveQueues) + "\nreplayed " + Files.readString(replay.queuesFile()));
    }

    @Test
    void aFreshEngineFedTheRecordingWritesTheSameQueueLogDocumentAndDirectives() throws Exception {
        assertSameAsLive(Replay.run(recording, dir.resolve("replay"), 0));
    }

    @Test
    void theRecordingReplayedThroughTheRingAtAHundredTimesItsPaceDecidesTheSame() throws Exception {
        assertSameAsLive(Replay.run(recording, dir.resolve("replay-100x"), 100));
    }
}
