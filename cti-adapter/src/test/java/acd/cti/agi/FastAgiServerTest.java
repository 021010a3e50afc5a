package acd.cti.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import acd.cti.agi.codec.AgiFrames;
import acd.cti.agi.codec.AgiReply;
import acd.cti.edge.EdgeRefusals;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server over loopback, with plain sockets playing Asterisk. */
@Timeout(30)
class FastAgiServerTest {

    private final List<EchoDigitsScript> echoScripts = new CopyOnWriteArrayList<>();
    private final List<ScriptProbe> probes = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private FastAgiServer server;
    private InetSocketAddress address;

    private AgiScriptRouter router() {
        return new AgiScriptRouter()
                .register("/ivr", () -> {
                    EchoDigitsScript script = new EchoDigitsScript();
                    echoScripts.add(script);
                    return script;
                })
                .register("/wait", () -> {
                    ScriptProbe probe = new ScriptProbe((request, channel) -> channel.answer()
                            .thenCompose(answered -> channel.exec("Wait", "10")));
                    probes.add(probe);
                    return probe;
                });
    }

    private final EdgeRefusals refusals = new EdgeRefusals();

    private void start(FastAgiSettings settings) {
        server = new FastAgiServer(settings.withPort(0), router(), refusals);
        address = server.start();
    }

    private void start() {
        start(FastAgiSettings.defaults());
    }

    private FakeAsterisk asterisk() {
        FakeAsterisk asterisk = FakeAsterisk.connect(address);
        toClose.add(asterisk);
        return asterisk;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Session 1 of the transcript, as far as the example script takes it. */
    private static void playEchoDialogue(FakeAsterisk asterisk, String headers) {
        asterisk.send(headers);
        assertEquals("ANSWER", asterisk.nextCommand());
        asterisk.send(AgiFrames.ANSWERED);
        assertEquals("STREAM FILE hello-world \"\"", asterisk.nextCommand());
        asterisk.send(AgiFrames.STREAMED);
        assertEquals("GET DATA beep 5000 4", asterisk.nextCommand());
        asterisk.send(AgiFrames.GET_DATA_DIGITS);
        assertEquals("SAY NUMBER 1234 \"\"", asterisk.nextCommand());
        asterisk.send(AgiFrames.ANSWERED);
        assertEquals("SET VARIABLE ACD_DIGITS 1234", asterisk.nextCommand());
        asterisk.send(AgiFrames.SET);
        assertNull(asterisk.nextCommand(), "the script ends the session by closing its side");
        asterisk.send(AgiFrames.HANGUP);
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void exampleScriptPlaysTheTranscriptDialogueEndToEnd() throws Exception {
        start();

        try (FakeAsterisk asterisk = asterisk()) {
            playEchoDialogue(asterisk, AgiFrames.SESSION_1_HEADERS);
        }

        EchoDigitsScript script = echoScripts.get(0);
        assertEquals("1234", await(script.digits));
        await(script.ended);
        assertEquals(0, script.hangups.get(), "the HANGUP after the script's own close is no caller hang-up");
        eventually(() -> server.openSessions() == 0);
    }

    @Test
    void getDataTimeoutWithoutDigitsEndsTheDialogueEarly() {
        start();

        FakeAsterisk asterisk = asterisk().send(AgiFrames.SESSION_2_HEADERS);
        assertEquals("ANSWER", asterisk.nextCommand());
        asterisk.send(AgiFrames.ANSWERED);
        assertEquals("STREAM FILE hello-world \"\"", asterisk.nextCommand());
        asterisk.send(AgiFrames.STREAMED);
        assertEquals("GET DATA beep 5000 4", asterisk.nextCommand());
        asterisk.send(AgiFrames.GET_DATA_TIMEOUT);

        assertNull(asterisk.nextCommand());
        assertEquals("", await(echoScripts.get(0).digits));
    }

    @Test
    void callerVanishingMidCommandFailsThePendingStageWhileAnotherSessionCompletes() throws Exception {
        start();
        FakeAsterisk other = asterisk().send(AgiFrames.SESSION_1_HEADERS);
        assertEquals("ANSWER", other.nextCommand());

        FakeAsterisk vanishing = asterisk().send(AgiFrames.SESSION_2_HEADERS);
        assertEquals("ANSWER", vanishing.nextCommand());
        vanishing.send(AgiFrames.ANSWERED);
        assertEquals("STREAM FILE hello-world \"\"", vanishing.nextCommand());
        vanishing.vanish();

        EchoDigitsScript vanished = echoScripts.get(1);
        CompletionException failure = assertThrows(CompletionException.class, () -> await(vanished.digits));
        assertInstanceOf(AgiHangupException.class, failure.getCause());
        await(vanished.ended);
        assertEquals(1, vanished.hangups.get());

        other.send(AgiFrames.ANSWERED);
        assertEquals("STREAM FILE hello-world \"\"", other.nextCommand());
        other.send(AgiFrames.STREAMED);
        assertEquals("GET DATA beep 5000 4", other.nextCommand());
        other.send(AgiFrames.GET_DATA_DIGITS);
        assertEquals("SAY NUMBER 1234 \"\"", other.nextCommand());
        other.send(AgiFrames.ANSWERED);
        assertEquals("SET VARIABLE ACD_DIGITS 1234", other.nextCommand());
        other.send(AgiFrames.SET);
        assertEquals("1234", await(echoScripts.get(0).digits));
    }

    @Test
    void hangupDuringACommandReachesTheScript() {
        start();

        FakeAsterisk asterisk = asterisk()
                .send(AgiFrames.SESSION_2_HEADERS.replace("agi_network_script: ivr?lang=en", "agi_network_script: wait"));
        assertEquals("ANSWER", asterisk.nextCommand());
        asterisk.send(AgiFrames.ANSWERED);
        assertEquals("EXEC Wait 10", asterisk.nextCommand());
        asterisk.send(AgiFrames.HANGUP);

        ScriptProbe probe = probes.get(0);
        await(probe.hungUp);
        assertTrue(await(probe.started).isHungUp());
        asterisk.send(AgiFrames.EXEC_INTERRUPTED);
        asterisk.close();
        await(probe.ended);
        assertEquals(1, probe.hangups.get());
    }

    @Test
    void unknownScriptPathIsToldAndTheSessionEndsWithOneLogLine() {
        start();

        try (CapturedLog log = CapturedLog.of(AgiSession.class)) {
            FakeAsterisk asterisk = asterisk()
                    .send(AgiFrames.SESSION_1_HEADERS.replace("agi_network_script: ivr", "agi_network_script: survey"));

            assertEquals("VERBOSE \"unknown script /survey\" 1", asterisk.nextCommand());
            asterisk.send("200 result=1\n");
            assertNull(asterisk.nextCommand());
            asterisk.send(AgiFrames.HANGUP).close();

            List<String> lines = log.linesContaining("/survey");
            assertEquals(1, lines.size(), log.lines().toString());
            assertTrue(lines.get(0).contains("5550100"), lines.get(0));
        }
    }

    @Test
    void clientOutsideTheAllowListIsRefusedWithOneLogLineWhileOthersAreServed() throws Exception {
        start(FastAgiSettings.defaults().withAllowedClients(List.of("127.0.0.1/32")));
        FakeAsterisk allowed = asterisk().send(AgiFrames.SESSION_1_HEADERS);
        assertEquals("ANSWER", allowed.nextCommand());

        try (CapturedLog log = CapturedLog.of(ClientAllowList.class)) {
            FakeAsterisk stranger;
            try {
                stranger = FakeAsterisk.connectFrom("127.0.0.2", address);
            } catch (IOException noSecondLoopbackAddress) {
                assumeTrue(false, "this host cannot connect from 127.0.0.2");
                return;
            }
            toClose.add(stranger);
            stranger.send(AgiFrames.SESSION_1_HEADERS);

            assertTrue(stranger.closedByServer());
            eventually(() -> log.lines().size() == 1);
            assertTrue(log.lines().get(0).contains("127.0.0.2"), log.lines().get(0));
            assertEquals(1, refusals.count(EdgeRefusals.AGI, "not_allowed"));
        }

        allowed.send(AgiFrames.ANSWERED);
        assertEquals("STREAM FILE hello-world \"\"", allowed.nextCommand());
        assertEquals(0, probes.size());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"binary", "megabyte line", "endless headers", "http"})
    void badClientIsClosedWithOneLogLineWhileAConcurrentSessionCompletes(String kind) throws Exception {
        start();
        FakeAsterisk good = asterisk().send(AgiFrames.SESSION_1_HEADERS);
        assertEquals("ANSWER", good.nextCommand());

        try (CapturedLog log = CapturedLog.of(AgiSession.class)) {
            FakeAsterisk bad = asterisk();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    bad.send(badInput(kind));
                } catch (RuntimeException closedWhileSending) {
                    // the server may close before everything was written: that is the point
                }
            });

            assertTrue(bad.closedByServer(), kind + " should be closed");
            sending.get(10, TimeUnit.SECONDS);
            eventually(() -> log.lines().size() == 1);
            assertTrue(log.lines().get(0).startsWith("refused FastAGI connection"), log.lines().get(0));
        }

        good.send(AgiFrames.ANSWERED);
        assertEquals("STREAM FILE hello-world \"\"", good.nextCommand());
        good.send(AgiFrames.STREAMED);
        assertEquals("GET DATA beep 5000 4", good.nextCommand());
        good.send(AgiFrames.GET_DATA_TIMEOUT);
        assertEquals("", await(echoScripts.get(0).digits));
        assertEquals(1, echoScripts.size());
    }

    private static byte[] badInput(String kind) {
        switch (kind) {
            case "binary" -> {
                byte[] noise = new byte[64 * 1024];
                new java.util.Random(7).nextBytes(noise);
                noise[0] = 0x16;
                return noise;
            }
            case "megabyte line" -> {
                byte[] line = new byte[1024 * 1024 + 1];
                Arrays.fill(line, (byte) 'x');
                line[line.length - 1] = '\n';
                return line;
            }
            case "endless headers" -> {
                StringBuilder headers = new StringBuilder();
                for (int i = 0; i < 10_000; i++) {
                    headers.append("agi_arg_").append(i).append(": again\n");
                }
                return headers.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            default -> {
                return "GET /ivr HTTP/1.1\r\nHost: acd\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void sessionOverTheLimitIsRefusedAndTheOthersGoOn() throws Exception {
        start(FastAgiSettings.defaults().withMaxSessions(2));
        FakeAsterisk first = asterisk().send(AgiFrames.SESSION_1_HEADERS);
        FakeAsterisk second = asterisk().send(AgiFrames.SESSION_2_HEADERS);
        assertEquals("ANSWER", first.nextCommand());
        assertEquals("ANSWER", second.nextCommand());

        try (CapturedLog log = CapturedLog.of(SessionLimit.class)) {
            FakeAsterisk third = asterisk();
            assertTrue(third.closedByServer());
            eventually(() -> log.lines().size() == 1);
            assertTrue(log.lines().get(0).contains("2 sessions already open"), log.lines().get(0));
            assertEquals(1, refusals.count(EdgeRefusals.AGI, "max_sessions"));
        }

        first.vanish();
        eventually(() -> server.openSessions() == 1);
        FakeAsterisk fourth = asterisk().send(AgiFrames.SESSION_1_HEADERS);
        assertEquals("ANSWER", fourth.nextCommand());
        second.send(AgiFrames.ANSWERED);
        assertEquals("STREAM FILE hello-world \"\"", second.nextCommand());
    }

    @Test
    void silentClientIsClosedAfterTheIdleTimeout() {
        start(FastAgiSettings.defaults().withIdleTimeout(Duration.ofMillis(300)));

        try (CapturedLog log = CapturedLog.of(AgiSession.class)) {
            FakeAsterisk silent = asterisk();

            assertTrue(silent.closedByServer());
            assertEquals(1, log.linesContaining("idle").size());
            assertEquals(1, refusals.count(EdgeRefusals.AGI, "idle_timeout"));
        }
    }

    @Test
    void commandWaitingLongerThanTheIdleTimeoutIsNotCut() {
        start(FastAgiSettings.defaults().withIdleTimeout(Duration.ofMillis(200)));

        FakeAsterisk asterisk = asterisk().send(AgiFrames.SESSION_1_HEADERS);
        assertEquals("ANSWER", asterisk.nextCommand());
        assertTrue(asterisk.staysOpenFor(700));
        asterisk.send(AgiFrames.ANSWERED);

        assertEquals("STREAM FILE hello-world \"\"", asterisk.nextCommand());
    }

    @Test
    void hundredsOfSessionsWaitingForAsteriskShareOneThread() throws Exception {
        start(FastAgiSettings.defaults().withIoThreads(1));
        int calls = 300;
        List<FakeAsterisk> pbx = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            pbx.add(asterisk().send(AgiFrames.SESSION_1_HEADERS));
        }
        for (FakeAsterisk asterisk : pbx) {
            assertEquals("ANSWER", asterisk.nextCommand());
        }
        eventually(() -> server.openSessions() == calls);

        for (FakeAsterisk asterisk : pbx) {
            asterisk.send(AgiFrames.ANSWERED + AgiFrames.STREAMED + AgiFrames.GET_DATA_TIMEOUT);
        }
        for (FakeAsterisk asterisk : pbx) {
            assertEquals("STREAM FILE hello-world \"\"", asterisk.nextCommand());
            assertEquals("GET DATA beep 5000 4", asterisk.nextCommand());
            assertNull(asterisk.nextCommand());
        }
        for (EchoDigitsScript script : echoScripts) {
            assertEquals("", await(script.digits));
        }
        assertEquals(calls, echoScripts.size());
    }

    @Test
    void commandsSentFromAnotherThreadReachAsterisk() throws Exception {
        ExecutorService engine = Executors.newSingleThreadExecutor();
        toClose.add(engine::shutdownNow);
        CompletableFuture<AgiReply> handedOver = new CompletableFuture<>();
        AgiScriptRouter router = new AgiScriptRouter().register("/acd", () -> (request, channel) ->
                engine.execute(() -> channel.setVariable("QUEUE", "billing vip")
                        .whenComplete((reply, failure) -> {
                            if (failure != null) {
                                handedOver.completeExceptionally(failure);
                            } else {
                                handedOver.complete(reply);
                            }
                        })));
        server = new FastAgiServer(FastAgiSettings.defaults().withPort(0), router);
        address = server.start();

        FakeAsterisk asterisk = asterisk()
                .send(AgiFrames.SESSION_1_HEADERS.replace("agi_network_script: ivr", "agi_network_script: acd"));
        assertEquals("SET VARIABLE QUEUE \"billing vip\"", asterisk.nextCommand());
        asterisk.send(AgiFrames.SET);

        assertEquals("1", await(handedOver).result());
    }

    @Test
    void closingTheServerHangsUpOpenSessions() {
        start();
        FakeAsterisk asterisk = asterisk().send(AgiFrames.SESSION_1_HEADERS);
        assertEquals("ANSWER", asterisk.nextCommand());

        server.close();

        EchoDigitsScript script = echoScripts.get(0);
        CompletionException failure = assertThrows(CompletionException.class, () -> await(script.digits));
        assertInstanceOf(AgiHangupException.class, failure.getCause());
        assertTrue(asterisk.closedByServer());
        await(script.ended);
        assertEquals(1, script.hangups.get());
    }

    @Test
    void portInUseIsReportedAtStart() {
        start();
        FastAgiServer second = new FastAgiServer(FastAgiSettings.defaults().withPort(address.getPort()), router());

        IllegalStateException failure = assertThrows(IllegalStateException.class, second::start);
        assertTrue(failure.getMessage().contains(String.valueOf(address.getPort())), failure.getMessage());
        second.close();
    }

    @Test
    void localAddressIsTheBoundOne() {
        start();

        assertEquals(address, server.localAddress());
        assertFalse(address.getPort() == 0);
    }
}
