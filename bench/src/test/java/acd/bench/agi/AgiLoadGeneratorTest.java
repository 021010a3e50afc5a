package acd.bench.agi;

import acd.cti.agi.AgiScriptRouter;
import acd.cti.agi.FastAgiServer;
import acd.cti.agi.FastAgiSettings;
import io.netty.channel.EventLoopGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgiLoadGeneratorTest {

    private static final Map<String, Long> ONE_DIALOGUE_PER_CALL = Map.of(
            "ANSWER", 1L, "STREAM FILE", 3L, "GET DATA", 1L, "SET VARIABLE", 1L, "HANGUP", 1L);

    private static EventLoopGroup clients;

    @BeforeAll
    static void startClients() {
        clients = AgiLoadGenerator.clientGroup(1);
    }

    @AfterAll
    static void stopClients() {
        clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static LoadPlan calls(int concurrency, long sessions, int replyDelayMs) {
        return new LoadPlan(concurrency, sessions, Duration.ZERO, Duration.ofSeconds(8), replyDelayMs, 0, 5_000, 1);
    }

    private static Map<String, Long> times(long calls) {
        Map<String, Long> expected = new HashMap<>();
        ONE_DIALOGUE_PER_CALL.forEach((verb, n) -> expected.put(verb, n * calls));
        return expected;
    }

    @Test
    void everyCallRunsTheWholeScriptOnOurServer() throws Exception {
        try (OurServer server = new OurServer(64, 1)) {
            LoadRun run = new AgiLoadGenerator(calls(20, 300, 0), clients).run(server.start(), RunObserver.NONE);

            assertEquals(300, run.started());
            assertEquals(Map.of(SessionEnd.COMPLETED, 300L), run.outcomes(), "unexpected: " + run.unexpectedLines());
            assertEquals(times(300), run.commandsByVerb());
            assertEquals(0, run.afterHangup(), "our script ends the session after HANGUP");
            assertEquals(300, run.setup().getTotalCount());
            assertEquals(300 * 6, run.turnaroundRaw().getTotalCount());
            assertEquals(300, run.completedInWindow());
        }
    }

    @Test
    void aTimedRunWithDelayedRepliesKeepsCallsOpenAndEveryCallStillCompletes() throws Exception {
        LoadPlan plan = new LoadPlan(20, 0, Duration.ofMillis(200), Duration.ofMillis(1500), 5, 0, 5_000, 1);
        try (OurServer server = new OurServer(64, 1)) {
            LoadRun run = new AgiLoadGenerator(plan, clients).run(server.start(), RunObserver.NONE);

            assertTrue(run.started() > 100, "started " + run.started());
            assertEquals(Map.of(SessionEnd.COMPLETED, run.started()), run.outcomes(), "unexpected: " + run.unexpectedLines());
            assertEquals(times(run.started()), run.commandsByVerb());
            assertEquals(20, run.openPeak());
            assertTrue(run.windowSeconds() >= 1.5 && run.sessionsPerSecond() > 0);
            assertTrue(run.turnaround().getTotalCount() >= run.turnaroundRaw().getTotalCount());
        }
    }

    @Test
    void theBaselineRunsTheSameDialogueAndSetsItsStatusAfterTheHangup() throws Exception {
        try (BaselineServer server = new BaselineServer()) {
            LoadRun run = new AgiLoadGenerator(calls(20, 100, 0), clients).run(server.start(), RunObserver.NONE);

            assertEquals(Map.of(SessionEnd.COMPLETED, 100L), run.outcomes(), "unexpected: " + run.unexpectedLines());
            assertEquals(times(100), run.commandsByVerb());
            // Asterisk-Java sets AJ_AGISTATUS once the script returns, on the hung-up channel.
            assertEquals(100, run.afterHangup());
        }
    }

    @Test
    void aScriptThatSkipsACommandIsCaught() throws Exception {
        AgiScriptRouter router = new AgiScriptRouter().register(LoadDialogue.SCRIPT_PATH, () -> (request, channel) ->
                channel.answer()
                        .thenCompose(answered -> channel.streamFile("welcome", ""))
                        .thenCompose(played -> channel.getData("beep", 5000, 4))
                        .whenComplete((reply, failure) -> channel.close()));
        try (FastAgiServer server = new FastAgiServer(FastAgiSettings.defaults().withPort(0).withIoThreads(1), router)) {
            LoadRun run = new AgiLoadGenerator(calls(5, 10, 0), clients).run(server.start(), RunObserver.NONE);

            assertEquals(Map.of(SessionEnd.WRONG_SEQUENCE, 10L), run.outcomes());
            assertTrue(run.unexpectedLines().get(0).startsWith("GET DATA beep 5000 4"), run.unexpectedLines().toString());
        }
    }

    @Test
    void callsOverTheServersCapAreCountedAsRefusedAndTheRestComplete() throws Exception {
        try (OurServer server = new OurServer(5, 1)) {
            LoadRun run = new AgiLoadGenerator(calls(10, 30, 2), clients).run(server.start(), RunObserver.NONE);

            assertEquals(30, run.started());
            assertTrue(run.count(SessionEnd.REFUSED) > 0, run.outcomes().toString());
            assertTrue(run.count(SessionEnd.COMPLETED) > 0, run.outcomes().toString());
            assertEquals(30, run.count(SessionEnd.REFUSED) + run.count(SessionEnd.COMPLETED), run.outcomes().toString());
        }
    }

    @Test
    void theHeaderBlockIsAsterisk20sInItsOrder() {
        String header = LoadDialogue.headerBlock("127.0.0.1", 4573, 7);
        List<String> names = new ArrayList<>();
        for (String line : header.split("\n", -1)) {
            if (!line.isEmpty()) {
                names.add(line.substring(0, line.indexOf(':')));
            }
        }
        assertEquals(List.of("agi_network", "agi_network_script", "agi_request", "agi_channel", "agi_language",
                "agi_type", "agi_uniqueid", "agi_version", "agi_callerid", "agi_calleridname", "agi_callingpres",
                "agi_callingani2", "agi_callington", "agi_callingtns", "agi_dnid", "agi_rdnis", "agi_context",
                "agi_extension", "agi_priority", "agi_enhanced", "agi_accountcode", "agi_threadid"), names);
        assertTrue(header.contains("agi_request: agi://127.0.0.1:4573/load\n"));
        assertTrue(header.contains("agi_channel: Local/100@inbound-00000007;2\n"));
        assertTrue(header.contains("agi_accountcode: \n"));
        assertTrue(header.endsWith("\n\n") && !header.contains("\r"));
    }

    @Test
    void aHungUpChannelStillTakesVariablesAndRefusesPlayback() {
        assertEquals("200 result=1\n", new String(LoadDialogue.deadChannelReply("SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"")));
        assertEquals("200 result=0\n", new String(LoadDialogue.deadChannelReply("NOOP")));
        assertTrue(new String(LoadDialogue.deadChannelReply("STREAM FILE hello-world \"\"")).startsWith("511 "));
    }
}
