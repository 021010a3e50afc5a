package acd.cti.agi;

import static acd.cti.agi.codec.AgiFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.cti.agi.codec.AgiCommand;
import acd.cti.agi.codec.AgiDecoder;
import acd.cti.agi.codec.AgiEncoder;
import acd.cti.agi.codec.AgiFrames;
import acd.cti.agi.codec.AgiReply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The session on an {@link EmbeddedChannel}: the test plays Asterisk line by line. */
class AgiSessionTest {

    private final List<CompletableFuture<AgiReply>> stages = new ArrayList<>();
    private EmbeddedChannel asterisk;

    private ScriptProbe connect(String headers, BiConsumer<acd.cti.agi.codec.AgiRequest, AgiChannel> dialogue) {
        ScriptProbe probe = new ScriptProbe(dialogue);
        AgiScriptRouter router = new AgiScriptRouter().register("/ivr", () -> probe);
        asterisk = new EmbeddedChannel(new AgiDecoder(), new AgiEncoder(), new AgiSession(router));
        send(headers);
        return probe;
    }

    private ScriptProbe connect(BiConsumer<acd.cti.agi.codec.AgiRequest, AgiChannel> dialogue) {
        return connect(AgiFrames.SESSION_1_HEADERS, dialogue);
    }

    private void send(String frames) {
        asterisk.writeInbound(Unpooled.wrappedBuffer(bytes(frames)));
    }

    /** The next command the script sent, without its LF, or null. */
    private String command() {
        ByteBuf written = asterisk.readOutbound();
        if (written == null) {
            return null;
        }
        try {
            String line = written.toString(StandardCharsets.UTF_8);
            assertTrue(line.endsWith("\n"), line);
            return line.substring(0, line.length() - 1);
        } finally {
            written.release();
        }
    }

    private CompletableFuture<AgiReply> track(CompletionStage<AgiReply> stage) {
        CompletableFuture<AgiReply> future = stage.toCompletableFuture();
        stages.add(future);
        return future;
    }

    private static Throwable failure(CompletableFuture<?> stage) {
        assertTrue(stage.isCompletedExceptionally(), "stage should have failed");
        try {
            stage.join();
            throw new AssertionError("unreachable");
        } catch (CompletionException failed) {
            return failed.getCause();
        }
    }

    @Test
    void commandsGoToAsteriskOneAtATimeInTheOrderSent() {
        connect((request, channel) -> {
            track(channel.answer());
            track(channel.streamFile("hello-world", ""));
            track(channel.getData("beep", 5000, 4));
        });

        assertEquals("ANSWER", command());
        assertNull(command());
        send(AgiFrames.ANSWERED);
        assertEquals("STREAM FILE hello-world \"\"", command());
        assertNull(command());
        send(AgiFrames.STREAMED);
        assertEquals("GET DATA beep 5000 4", command());
        send(AgiFrames.GET_DATA_PARTIAL);

        assertEquals("0", stages.get(0).join().result());
        assertEquals(11360L, stages.get(1).join().endpos().getAsLong());
        assertEquals("42", stages.get(2).join().result());
        assertTrue(stages.get(2).join().timedOut());
    }

    @Test
    void chainedCommandsFollowEachReply() {
        CompletableFuture<Optional<String>> value = new CompletableFuture<>();
        connect((request, channel) -> channel.setVariable("ACD_SESSION", "abc 123")
                .thenCompose(set -> channel.variableValue("ACD_SESSION"))
                .thenAccept(value::complete));

        assertEquals("SET VARIABLE ACD_SESSION \"abc 123\"", command());
        send(AgiFrames.SET);
        assertEquals("GET VARIABLE ACD_SESSION", command());
        send(AgiFrames.SESSION_VALUE);

        assertEquals(Optional.of("abc 123"), value.join());
    }

    @Test
    void unsetVariableHasNoValue() {
        CompletableFuture<Optional<String>> value = new CompletableFuture<>();
        connect((request, channel) -> channel.variableValue("NO_SUCH_VAR").thenAccept(value::complete));

        assertEquals("GET VARIABLE NO_SUCH_VAR", command());
        send(AgiFrames.ANSWERED);

        assertEquals(Optional.empty(), value.join());
    }

    @Test
    void hangupFailsTheCommandInFlightAndTheQueuedOnesThenRunsOnHangupOnce() {
        ScriptProbe probe = connect((request, channel) -> {
            track(channel.exec("Wait", "10"));
            track(channel.streamFile("hello-world", ""));
        });
        assertEquals("EXEC Wait 10", command());

        send(AgiFrames.HANGUP);

        assertInstanceOf(AgiHangupException.class, failure(stages.get(0)));
        assertInstanceOf(AgiHangupException.class, failure(stages.get(1)));
        assertEquals(1, probe.hangups.get());
        AgiChannel channel = probe.started.join();
        assertTrue(channel.isHungUp());

        // Asterisk still answers the command that was in flight; a command sent after the
        // hang-up waits for that reply, which is not mistaken for its own.
        CompletableFuture<AgiReply> afterHangup = track(channel.getVariable("CHANNEL"));
        assertNull(command());
        send(AgiFrames.EXEC_INTERRUPTED);
        assertEquals("GET VARIABLE CHANNEL", command());
        send("200 result=1 (Local/101@inbound-00000005;2)\n" + AgiFrames.HANGUP);

        assertEquals(Optional.of("Local/101@inbound-00000005;2"), afterHangup.join().data());
        assertEquals(1, probe.hangups.get());
    }

    @Test
    void connectionLostMidCommandFailsThePendingStageWithHangup() {
        ScriptProbe probe = connect((request, channel) -> track(channel.getData("beep", 5000, 4)));
        assertEquals("GET DATA beep 5000 4", command());

        asterisk.close();

        assertInstanceOf(AgiHangupException.class, failure(stages.get(0)));
        assertEquals(1, probe.hangups.get());
        assertEquals(1, probe.ends.get());
        CompletableFuture<AgiReply> tooLate = track(probe.started.join().answer());
        assertInstanceOf(AgiHangupException.class, failure(tooLate));
    }

    @Test
    void unknownCommandFailsNamingTheCommandAndAsteriskText() {
        connect((request, channel) -> track(channel.send(AgiCommand.of("FOO BAR"))));
        assertEquals("FOO BAR", command());

        send(AgiFrames.INVALID_COMMAND);

        AgiCommandException failure = assertInstanceOf(AgiCommandException.class, failure(stages.get(0)));
        assertEquals("Asterisk answered 'FOO BAR' with 510 Invalid or unknown command", failure.getMessage());
        assertEquals(510, failure.reply().status());
        assertEquals(AgiCommand.of("FOO BAR"), failure.command());
    }

    @Test
    void syntaxErrorCarriesTheUsageText() {
        connect((request, channel) -> track(channel.send(AgiCommand.of("GET DATA"))));
        assertEquals("GET DATA", command());

        send(AgiFrames.GET_DATA_USAGE);

        AgiCommandException failure = assertInstanceOf(AgiCommandException.class, failure(stages.get(0)));
        assertTrue(failure.getMessage().startsWith("Asterisk answered 'GET DATA' with 520 Invalid command syntax."));
        assertTrue(failure.getMessage().endsWith("Returns the digits received from the channel at the other end."),
                failure.getMessage());
    }

    @Test
    void deadChannelIsAHangup() {
        ScriptProbe probe = connect((request, channel) -> track(channel.streamFile("hello-world", "")));
        command();

        send(AgiFrames.DEAD_CHANNEL);

        Throwable failure = failure(stages.get(0));
        assertInstanceOf(AgiDeadChannelException.class, failure);
        assertInstanceOf(AgiHangupException.class, failure);
        assertTrue(failure.getMessage().contains("STREAM FILE hello-world \"\""), failure.getMessage());
        assertTrue(probe.started.join().isHungUp());
    }

    @Test
    void provisionalTryingDoesNotAnswerTheCommand() {
        connect((request, channel) -> track(channel.send(AgiCommand.of("GOSUB", "survey", "s", "1"))));
        assertEquals("GOSUB survey s 1", command());

        send("100 result=0 Trying...\n");
        assertFalse(stages.get(0).isDone());
        send("200 result=0 Gosub complete\n");

        assertEquals("0", stages.get(0).join().result());
    }

    @Test
    void closeWaitsForTheRepliesThenEndsTheSessionWithoutAHangup() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        ScriptProbe probe = connect((request, channel) -> {
            track(channel.answer());
            channel.close().thenRun(() -> closed.complete(null));
            track(channel.hangup());
        });
        assertEquals("ANSWER", command());
        assertTrue(asterisk.isOpen());
        assertInstanceOf(IllegalStateException.class, failure(stages.get(1)));

        send(AgiFrames.ANSWERED);

        assertFalse(asterisk.isOpen());
        assertTrue(closed.isDone());
        assertEquals(0, probe.hangups.get());
        assertEquals(1, probe.ends.get());
    }

    @Test
    void unknownScriptIsToldInVerboseAndTheSessionEndsWithOneLogLine() {
        try (CapturedLog log = CapturedLog.of(AgiSession.class)) {
            connect(AgiFrames.SESSION_1_HEADERS.replace("agi_network_script: ivr", "agi_network_script: nosuch?x=1"),
                    (request, channel) -> { });

            assertEquals("VERBOSE \"unknown script /nosuch\" 1", command());
            send("200 result=1\n");

            assertFalse(asterisk.isOpen());
            assertEquals(1, log.lines().size(), log.lines().toString());
            String line = log.lines().get(0);
            assertTrue(line.contains("/nosuch") && line.contains("5550100"), line);
        }
    }

    @Test
    void scriptThatThrowsOnStartEndsTheSession() {
        try (CapturedLog log = CapturedLog.of(AgiSession.class)) {
            ScriptProbe probe = connect((request, channel) -> {
                throw new IllegalStateException("no route for caller");
            });

            assertFalse(asterisk.isOpen());
            assertEquals(1, probe.ends.get());
            assertEquals(1, log.linesContaining("failed to start").size());
        }
    }

    @Test
    void unreadableReplyFailsItsCommandAndTheSessionGoesOn() {
        connect((request, channel) -> {
            track(channel.answer());
            track(channel.noop());
        });
        command();

        send("OK\n");
        assertEquals("NOOP", command());
        send(AgiFrames.ANSWERED);

        assertInstanceOf(AgiProtocolException.class, failure(stages.get(0)));
        assertEquals("0", stages.get(1).join().result());
        assertTrue(asterisk.isOpen());
    }

    @Test
    void badHeaderBlockClosesTheConnectionWithOneLogLine() {
        try (CapturedLog log = CapturedLog.of(AgiSession.class)) {
            ScriptProbe probe = connect("GET / HTTP/1.1\r\n\r\n", (request, channel) -> { });

            assertFalse(asterisk.isOpen());
            assertFalse(probe.started.isDone());
            assertEquals(1, log.lines().size());
            assertTrue(log.lines().get(0).contains("GET / HTTP/1.1"), log.lines().get(0));
        }
    }

    @Test
    void tooManyWaitingCommandsAreRefused() {
        connect((request, channel) -> {
            for (int i = 0; i <= AgiSession.MAX_QUEUED_COMMANDS + 1; i++) {
                track(channel.noop());
            }
        });

        assertEquals("NOOP", command());
        CompletableFuture<AgiReply> refused = stages.get(stages.size() - 1);
        assertInstanceOf(IllegalStateException.class, failure(refused));
        assertFalse(stages.get(stages.size() - 2).isDone());
    }

    @Test
    void idleSessionIsClosedUnlessACommandWaitsForAsterisk() {
        connect((request, channel) -> track(channel.exec("Dial", "PJSIP/1001", "600")));
        assertEquals("EXEC Dial PJSIP/1001,600", command());

        asterisk.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertTrue(asterisk.isOpen());
        send("200 result=0\n");
        asterisk.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);

        assertFalse(asterisk.isOpen());
    }

    @Test
    void replyWithNoCommandWaitingIsDropped() {
        try (CapturedLog log = CapturedLog.of(AgiSession.class)) {
            connect((request, channel) -> { });

            send(AgiFrames.ANSWERED);

            assertTrue(asterisk.isOpen());
            assertEquals(1, log.linesContaining("no command waiting").size());
        }
    }
}
