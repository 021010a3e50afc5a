package acd.cti.agi.codec;

import static acd.cti.agi.codec.AgiFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgiDecoderTest {

    @Test
    void headerBlockBecomesOneRequestWithEveryVariableInOrder() {
        List<Object> messages = Decoding.whole(bytes(AgiFrames.SESSION_1_HEADERS));

        assertEquals(1, messages.size());
        AgiRequest request = assertInstanceOf(AgiRequest.class, messages.get(0));
        assertEquals(List.of("agi_network", "agi_network_script", "agi_request", "agi_channel", "agi_language",
                        "agi_type", "agi_uniqueid", "agi_version", "agi_callerid", "agi_calleridname",
                        "agi_callingpres", "agi_callingani2", "agi_callington", "agi_callingtns", "agi_dnid",
                        "agi_rdnis", "agi_context", "agi_extension", "agi_priority", "agi_enhanced",
                        "agi_accountcode", "agi_threadid"),
                List.copyOf(request.variables().keySet()));
        assertEquals("/ivr", request.scriptPath());
        assertEquals("ivr", request.networkScript());
        assertEquals("agi://127.0.0.1:4573/ivr", request.request());
        assertEquals("Local/100@inbound-00000004;2", request.channel());
        assertEquals("1795443164.12", request.uniqueId());
        assertEquals("5550100", request.callerId());
        assertEquals("AGI Caller", request.callerIdName());
        assertEquals("inbound", request.context());
        assertEquals("100", request.extension());
        assertEquals("2", request.priority());
        assertEquals("en", request.language());
        assertEquals("Local", request.type());
        assertEquals("20.20.1", request.version());
        assertEquals("unknown", request.dnid());
        assertEquals("unknown", request.rdnis());
        assertEquals("", request.accountCode());
        assertEquals("140024239867584", request.threadId());
        assertEquals(Optional.of("0.0"), request.variable("agi_enhanced"));
        assertEquals(List.of(), request.arguments());
        assertEquals(Map.of(), request.scriptParameters());
    }

    @Test
    void queryStringIsSplitFromTheScriptNameAndArgumentsKeepTheirOrder() {
        AgiRequest request = (AgiRequest) Decoding.whole(bytes(AgiFrames.SESSION_2_HEADERS)).get(0);

        assertEquals("ivr?lang=en", request.networkScript());
        assertEquals("/ivr", request.scriptPath());
        assertEquals(Map.of("lang", List.of("en")), request.scriptParameters());
        assertEquals(Optional.of("en"), request.scriptParameter("lang"));
        assertEquals(List.of("first arg", "second"), request.arguments());
    }

    @Test
    void unknownVariablesAreKept() {
        String headers = "agi_network: yes\nagi_network_script: acd\nagi_future_thing: 42\nx_custom: a: b\n\n";

        AgiRequest request = (AgiRequest) Decoding.whole(bytes(headers)).get(0);

        assertEquals(Optional.of("42"), request.variable("agi_future_thing"));
        assertEquals(Optional.of("a: b"), request.variable("x_custom"));
        assertEquals("/acd", request.scriptPath());
    }

    @Test
    void everyReplyKindOfTheTranscriptIsDecoded() {
        String frames = AgiFrames.SESSION_1_HEADERS + AgiFrames.ANSWERED + AgiFrames.CHANNEL_VALUE
                + AgiFrames.FULL_VARIABLE_VALUE + AgiFrames.STREAMED + AgiFrames.PROMPT_MISSING
                + AgiFrames.GET_DATA_TIMEOUT + AgiFrames.GET_DATA_DIGITS + AgiFrames.GET_DATA_PARTIAL
                + AgiFrames.DIGIT_HASH + AgiFrames.INVALID_COMMAND + AgiFrames.GET_DATA_USAGE
                + AgiFrames.DEAD_CHANNEL;

        List<Object> replies = Decoding.withoutRequest(Decoding.whole(bytes(frames)));

        assertEquals(12, replies.size());
        AgiReply answered = (AgiReply) replies.get(0);
        assertTrue(answered.isSuccess());
        assertEquals("0", answered.result());
        assertEquals(OptionalInt.of(0), answered.resultAsInt());
        assertEquals(Optional.empty(), answered.data());

        AgiReply channel = (AgiReply) replies.get(1);
        assertEquals(OptionalInt.of(1), channel.resultAsInt());
        assertEquals(Optional.of("Local/100@inbound-00000004;2"), channel.data());

        AgiReply fullVariable = (AgiReply) replies.get(2);
        assertEquals(Optional.of("\"AGI Caller\" <5550100> 100@inbound"), fullVariable.data());

        AgiReply streamed = (AgiReply) replies.get(3);
        assertEquals(OptionalInt.of(0), streamed.resultAsInt());
        assertEquals(OptionalLong.of(11360), streamed.endpos());
        assertEquals(Optional.empty(), streamed.data());

        AgiReply missing = (AgiReply) replies.get(4);
        assertEquals(OptionalInt.of(-1), missing.resultAsInt());
        assertEquals(OptionalLong.of(0), missing.endpos());

        AgiReply timeout = (AgiReply) replies.get(5);
        assertEquals("", timeout.result());
        assertTrue(timeout.hasResult());
        assertEquals(OptionalInt.empty(), timeout.resultAsInt());
        assertTrue(timeout.timedOut());

        AgiReply digits = (AgiReply) replies.get(6);
        assertEquals("1234", digits.result());
        assertFalse(digits.timedOut());

        AgiReply partial = (AgiReply) replies.get(7);
        assertEquals("42", partial.result());
        assertTrue(partial.timedOut());

        AgiReply hash = (AgiReply) replies.get(8);
        assertEquals(Optional.of('#'), hash.digit());

        AgiReply invalid = (AgiReply) replies.get(9);
        assertEquals(AgiReply.INVALID_COMMAND, invalid.status());
        assertEquals("Invalid or unknown command", invalid.text());
        assertFalse(invalid.hasResult());

        AgiReply usage = (AgiReply) replies.get(10);
        assertEquals(AgiReply.INVALID_SYNTAX, usage.status());
        assertEquals("Invalid command syntax.  Proper usage follows:", usage.text());
        assertEquals("Stream the given <replaceable>file</replaceable>, and receive DTMF data.\n"
                + "Returns the digits received from the channel at the other end.", usage.usage());
        assertEquals(4, usage.lines().size());

        AgiReply dead = (AgiReply) replies.get(11);
        assertEquals(AgiReply.DEAD_CHANNEL, dead.status());
        assertEquals("Command Not Permitted on a dead channel or intercept routine", dead.text());
    }

    @Test
    void usageBlockIsOneReplyEvenWhenFedOneByteAtATime() {
        List<Object> replies = Decoding.withoutRequest(
                Decoding.oneByteAtATime(bytes(AgiFrames.SESSION_1_HEADERS + AgiFrames.GET_DATA_USAGE + AgiFrames.SET)));

        assertEquals(2, replies.size());
        assertEquals(AgiReply.parse(List.of(AgiFrames.GET_DATA_USAGE.split("\n"))), replies.get(0));
        assertEquals(AgiReply.parse("200 result=1"), replies.get(1));
    }

    @Test
    void hangupBetweenAndAfterRepliesArrivesInOrder() {
        List<Object> messages = Decoding.withoutRequest(
                Decoding.whole(bytes(AgiFrames.SESSION_2_HEADERS + AgiFrames.SESSION_2_REPLIES)));

        assertEquals(8, messages.size());
        assertEquals(AgiReply.parse("200 result=0"), messages.get(0));
        assertEquals(AgiReply.parse("200 result=-1"), messages.get(1));
        assertSame(AgiHangup.INSTANCE, messages.get(2));
        assertEquals(AgiReply.parse("200 result=0"), messages.get(3));
        assertEquals(AgiReply.DEAD_CHANNEL, ((AgiReply) messages.get(4)).status());
        assertEquals(Optional.of("Local/101@inbound-00000005;2"), ((AgiReply) messages.get(5)).data());
        assertEquals(AgiReply.DEAD_CHANNEL, ((AgiReply) messages.get(6)).status());
        assertSame(AgiHangup.INSTANCE, messages.get(7));
    }

    @Test
    void hangupGluedToTheNextReplyIsTwoMessages() {
        List<Object> messages = Decoding.withoutRequest(
                Decoding.whole(bytes(AgiFrames.SESSION_1_HEADERS + "HANGUP200 result=-1\n")));

        assertEquals(List.of(AgiHangup.INSTANCE, AgiReply.parse("200 result=-1")), messages);
    }

    @Test
    void provisionalTryingIsPassedOnAsAReply() {
        List<Object> messages = Decoding.withoutRequest(
                Decoding.whole(bytes(AgiFrames.SESSION_1_HEADERS + "100 result=0 Trying...\n200 result=0 Gosub complete\n")));

        assertEquals(2, messages.size());
        assertEquals(AgiReply.TRYING, ((AgiReply) messages.get(0)).status());
        assertEquals(AgiReply.SUCCESS, ((AgiReply) messages.get(1)).status());
    }

    @Test
    void crlfLineEndsAreTolerated() {
        String crlf = (AgiFrames.SESSION_2_HEADERS + AgiFrames.STREAMED + AgiFrames.GET_DATA_USAGE + AgiFrames.HANGUP)
                .replace("\n", "\r\n");

        List<Object> lf = Decoding.whole(bytes(AgiFrames.SESSION_2_HEADERS + AgiFrames.STREAMED
                + AgiFrames.GET_DATA_USAGE + AgiFrames.HANGUP));

        assertEquals(lf, Decoding.whole(bytes(crlf)));
        assertEquals(lf, Decoding.oneByteAtATime(bytes(crlf)));
    }

    @Test
    void utf8CallerNamesSurvive() {
        String headers = AgiFrames.SESSION_1_HEADERS.replace("AGI Caller", "张三 VIP");

        AgiRequest request = (AgiRequest) Decoding.oneByteAtATime(headers.getBytes(StandardCharsets.UTF_8)).get(0);

        assertEquals("张三 VIP", request.callerIdName());
    }

    @Test
    void theConstantsAreWhatAsteriskSent() {
        byte[] session1 = AgiFrames.rawSession(1);
        byte[] session2 = AgiFrames.rawSession(2);

        assertTrue(new String(session1, StandardCharsets.UTF_8).startsWith(AgiFrames.SESSION_1_HEADERS));
        assertEquals(AgiFrames.SESSION_2_HEADERS + AgiFrames.SESSION_2_REPLIES,
                new String(session2, StandardCharsets.UTF_8));
        assertTrue(new String(session1, StandardCharsets.UTF_8).contains(
                AgiFrames.INVALID_COMMAND + AgiFrames.GET_DATA_USAGE + AgiFrames.HANGUP));
    }

    @ParameterizedTest(name = "session {0}")
    @ValueSource(ints = {1, 2, 3})
    void rawCaptureDecodesTheSameWholeAndOneByteAtATime(int session) {
        byte[] raw = AgiFrames.rawSession(session);

        List<Object> whole = Decoding.whole(raw);
        List<Object> byteByByte = Decoding.oneByteAtATime(raw);

        assertEquals(whole, byteByByte);
        assertInstanceOf(AgiRequest.class, whole.get(0));
        assertSame(AgiHangup.INSTANCE, whole.get(whole.size() - 1));
        assertEquals(List.of(), Decoding.errors(whole));
        long lines = new String(raw, StandardCharsets.UTF_8).lines()
                .dropWhile(line -> !line.isEmpty()).skip(1).count();
        long usageContinuations = 3 * whole.stream()
                .filter(m -> m instanceof AgiReply r && r.status() == AgiReply.INVALID_SYNTAX).count();
        assertEquals(lines - usageContinuations, whole.size() - 1);
    }

    @Test
    void rawSession1HasEveryReplyOfTheDialogue() {
        byte[] raw = AgiFrames.rawSession(1);

        List<Object> messages = Decoding.oneByteAtATime(raw);

        AgiRequest request = (AgiRequest) messages.get(0);
        assertEquals("5550100", request.callerId());
        List<Integer> statuses = messages.stream()
                .filter(AgiReply.class::isInstance).map(m -> ((AgiReply) m).status()).toList();
        assertEquals(19, statuses.size());
        assertEquals(List.of(510, 520), statuses.subList(17, 19));
        assertEquals(Optional.of("abc 123"), ((AgiReply) messages.get(4)).data());
    }
}
