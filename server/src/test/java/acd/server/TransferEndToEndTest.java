package acd.server;

import acd.core.engine.AcdEngine;
import acd.core.engine.CallState;
import acd.core.engine.EngineEvent;
import acd.cti.seat.SecretHash;
import acd.pbxsim.PbxSettings;
import acd.pbxsim.pbx.CallRecording;
import acd.pbxsim.world.SeatPhone;
import acd.pbxsim.world.CallOutcome;
import acd.pbxsim.world.CallerScript;
import acd.pbxsim.world.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A blind transfer through the PBX simulator: the caller leaves the first seat's bridge for the
 * billing line, a billing agent takes the call, and the queue_log tells it as Asterisk would.
 */
class TransferEndToEndTest {

    @Test
    void aCallTransferredToTheBillingLineIsTakenThereAndLoggedAsABlindTransfer(@TempDir Path dir) throws Exception {
        ServerSettings settings = ShippedConfig.in(dir);
        try (AcdServer server = new AcdServer(dir, settings, null, PbxSettings.defaults().withSpeed(10))) {
            await(() -> server.ami().isConnected());
            List<CompletableFuture<String>> staffed = new ArrayList<>();
            for (SeatPhone seat : server.pbxSimulator().seats()) {
                seat.update(seat.settings().withTalkTimeMs(30_000));
                staffed.add(seat.login().thenCompose(status -> seat.ready()));
            }
            CompletableFuture.allOf(staffed.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            CompletableFuture<CallOutcome> call = server.pbxSimulator().placeCall(new CallerScript("13800000099", "",
                    "10086", List.of("1", "0"), 600_000, 0)).ended();
            AcdEngine engine = server.engine();
            await(() -> engine.callState(1) == CallState.CONNECTED);
            int first = engine.agentOfCall(1);
            long now = server.pbxSimulator().nowMs();
            server.ring().publish(e -> e.callTransferred(now, 1, first, engine.queueIndex("billing"), 0,
                    EngineEvent.NONE));
            await(() -> engine.callState(1) == CallState.CONNECTED && engine.agentOfCall(1) != first);
            int second = engine.agentOfCall(1);
            assertNotEquals(first, second);
            assertEquals(Outcome.COMPLETED, call.get(60, TimeUnit.SECONDS).outcome());
            List<CallRecording> recordings = server.pbxSimulator().recordings();
            server.close();

            List<String> events = Files.readAllLines(dir.resolve("queue_log")).stream()
                    .filter(l -> l.contains("|ENTERQUEUE|") || l.contains("|CONNECT|") || l.contains("TRANSFER|")
                            || l.contains("|COMPLETE"))
                    .map(l -> l.split("\\|")[2] + " " + l.split("\\|")[4]).toList();
            assertEquals(List.of("general ENTERQUEUE", "general CONNECT", "general BLINDTRANSFER", "billing ENTERQUEUE",
                    "billing CONNECT", "billing COMPLETEAGENT"), events);
            // Both conversations recorded, the second appended to the first: one file, named by the
            // queue_log's call id.
            String callId = Files.readAllLines(dir.resolve("queue_log")).stream().filter(l -> l.contains("|ENTERQUEUE|"))
                    .map(l -> l.split("\\|")[1]).findFirst().orElseThrow();
            assertEquals(2, recordings.size(), recordings.toString());
            for (CallRecording recording : recordings) {
                assertTrue(recording.file().startsWith("/var/spool/asterisk/monitor/acd/")
                        && recording.file().endsWith("/" + callId + ".wav"), recording.file());
            }
        }
    }

    @Test
    void aConsultationFromTheDeskHandsTheCallerToTheColleagueAskedAndIsLoggedAsAnAttendedTransfer(@TempDir Path dir)
            throws Exception {
        ServerSettings settings = ShippedConfig.in(dir);
        Files.writeString(dir.resolve("seat-credentials.yaml"),
                "agents:\n  \"2001\": " + SecretHash.hash("s3cret".toCharArray(), 1_000) + "\n");
        try (AcdServer server = new AcdServer(dir, settings, null, PbxSettings.defaults().withSpeed(10))) {
            await(() -> server.ami().isConnected());
            // 2001 first: free longest, it takes the call; 2002 is the colleague asked.
            for (String id : List.of("2001", "2002")) {
                SeatPhone seat = server.pbxSimulator().seats().stream().filter(p -> p.number().equals(id))
                        .findFirst().orElseThrow();
                seat.update(seat.settings().withTalkTimeMs(20_000));
                seat.login().thenCompose(status -> seat.ready()).get(30, TimeUnit.SECONDS);
            }

            AcdEngine engine = server.engine();
            String first = "2001";
            String colleague = "2002";
            CompletableFuture<CallOutcome> call;
            try (TestDesk desk = TestDesk.open(server, "{\"type\":\"login\",\"agent\":\"2001\",\"secret\":\"s3cret\"}")) {
                call = server.pbxSimulator().placeCall(new CallerScript("13800000098", "", "10086", List.of("1", "0"),
                        600_000, 0)).ended();
                assertEquals(1, desk.await("connected").path("callId").asLong());
                desk.send("{\"type\":\"consult\",\"toAgent\":\"" + colleague + "\"}");
                assertEquals(colleague, desk.await("consulting").path("colleague").asText());
                await(() -> engine.agentState(engine.agentIndex(colleague)) == acd.core.engine.AgentState.TALKING);
                desk.send("{\"type\":\"completeConsult\"}");
                assertTrue(desk.await("consultEnded").path("handedOver").asBoolean());
            }
            await(() -> engine.agentOfCall(1) == engine.agentIndex(colleague));
            assertEquals(Outcome.COMPLETED, call.get(60, TimeUnit.SECONDS).outcome());
            server.close();

            List<String> events = Files.readAllLines(dir.resolve("queue_log")).stream()
                    .filter(l -> l.contains("|ENTERQUEUE|") || l.contains("|CONNECT|") || l.contains("TRANSFER|")
                            || l.contains("|COMPLETE"))
                    .map(l -> l.split("\\|")[3] + " " + l.split("\\|")[4]).toList();
            assertEquals(List.of("NONE ENTERQUEUE", first + " CONNECT", first + " ATTENDEDTRANSFER"), events);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("timed out");
    }
}
