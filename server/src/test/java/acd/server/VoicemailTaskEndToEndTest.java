package acd.server;

import acd.cti.seat.SecretHash;
import acd.ivr.task.ReplyTask;
import acd.pbxsim.PbxSettings;
import acd.pbxsim.world.CallOutcome;
import acd.pbxsim.world.CallerScript;
import acd.pbxsim.world.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A night through the PBX simulator: a caller nobody answers leaves a message, which becomes a
 * reply task with its caller's profile; in the morning an agent's desktop lists it, takes it,
 * calls back from the seat's phone and, nobody answering, lets it go for another try.
 */
class VoicemailTaskEndToEndTest {
    @Test
    void aMessageLeftBecomesATaskThatADesktopTakesCallsBackAndLetsGoWhenNobodyAnswers(@TempDir Path dir)
            throws Exception {
        ServerSettings settings = ShippedConfig.in(dir);
        // the general line sends its callers to voicemail after 3 s instead of 10 minutes (its peak
        // mode, whose longest wait must be shorter, left out)
        Path routing = dir.resolve("routing.yaml");
        String text = Files.readString(routing);
        Files.writeString(routing, text.replace("maxWait: {seconds: 600, action: voicemail}",
                "maxWait: {seconds: 3, action: voicemail}").replace(
                "\n    peak: {announcement: peak-busy, maxWait: {seconds: 300, action: voicemail}}", ""));
        Files.writeString(dir.resolve("seat-credentials.yaml"),
                "agents:\n  \"2001\": " + SecretHash.hash("s3cret".toCharArray(), 1_000) + "\n");
        try (AcdServer server = new AcdServer(dir, settings, null,
                PbxSettings.defaults().withSpeed(10).withVoicemailMessageMs(4_000))) {
            for (int i = 0; i < 200 && !server.ami().isConnected(); i++) {
                Thread.sleep(20);
            }
            // A gold subscriber from customers.csv, asking for a person (0) with nobody logged in.
            CallOutcome call = server.pbxSimulator().placeCall(new CallerScript("13700000022", "", "10086",
                    List.of("0"), 600_000, 0)).ended().get(60, TimeUnit.SECONDS);
            assertEquals(Outcome.VOICEMAIL, call.outcome(), call.toString());
            ReplyTask task = awaitTask(server);
            assertEquals("13700000022", task.message().callerNumber());
            assertEquals("general", task.message().queue());
            assertEquals("gold", task.message().tier());
            assertEquals("mzone", task.message().brand());
            assertTrue(task.message().messageFile().startsWith("/var/spool/asterisk/voicemail/acd/general/INBOX/msg"),
                    task.message().messageFile());

            TestDesk desktop = TestDesk.open(server, "{\"type\":\"login\",\"agent\":\"2001\",\"secret\":\"s3cret\"}");
            desktop.send("{\"type\":\"tasks\"}");
            JsonNode listed = desktop.await("tasks").path("tasks");
            assertEquals(1, listed.size(), listed.toString());
            assertEquals(task.id(), listed.get(0).path("task").asLong());
            assertEquals("gold", listed.get(0).path("tier").asText());

            desktop.send("{\"type\":\"takeTask\",\"task\":" + task.id() + "}");
            assertEquals("2001", desktop.await("task").path("task").path("takenBy").asText());
            // logged in, the agent is not ready: the seat's phone may ring for the callback
            desktop.send("{\"type\":\"callBack\",\"task\":" + task.id() + "}");
            assertEquals("callBack", desktop.await("task").path("action").asText());
            desktop.send("{\"type\":\"taskOutcome\",\"task\":" + task.id() + ",\"outcome\":\"not-reached\"}");
            JsonNode after = desktop.await("task").path("task");
            assertEquals("not-reached", after.path("lastOutcome").asText());
            assertEquals(1, after.path("attempts").asInt());
            assertTrue(after.path("takenBy").isNull(), "free for another try");
            desktop.close();
        }
    }

    private static ReplyTask awaitTask(AcdServer server) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<ReplyTask> open = server.store().replyTasks().open();
            if (!open.isEmpty()) {
                return open.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no reply task for the message left");
    }
}
