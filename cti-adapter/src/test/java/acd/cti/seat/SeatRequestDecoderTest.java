package acd.cti.seat;

import acd.cti.seat.codec.SeatErrorCode;
import acd.cti.seat.codec.SeatProtocolException;
import acd.cti.seat.codec.SeatRequest;
import acd.cti.seat.codec.SeatRequestDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeatRequestDecoderTest {
    private final SeatRequestDecoder decoder = new SeatRequestDecoder();

    private SeatErrorCode refusal(String text) {
        return assertThrows(SeatProtocolException.class, () -> decoder.decode(text)).code();
    }

    @Test
    void anAgentLoginCarriesTheIdAndSecretButNeverPrintsTheSecret() throws Exception {
        SeatRequest.Login login = assertInstanceOf(SeatRequest.Login.class,
                decoder.decode("{\"type\":\"login\",\"agent\":1001,\"secret\":\"open sesame\"}"));
        assertEquals(SeatRequest.Role.AGENT, login.role());
        assertEquals("1001", login.id());
        assertEquals("open sesame", login.secret());
        assertFalse(login.toString().contains("sesame"), login.toString());
    }

    @Test
    void aSupervisorLoginNamesTheSupervisor() throws Exception {
        SeatRequest.Login login = assertInstanceOf(SeatRequest.Login.class,
                decoder.decode("{\"type\":\"login\",\"supervisor\":\"lead1\",\"secret\":\"x\"}"));
        assertEquals(SeatRequest.Role.SUPERVISOR, login.role());
        assertEquals("lead1", login.id());
    }

    @Test
    void aLoginNamesExactlyOneUserAndHasASecret() {
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"login\",\"secret\":\"x\"}"));
        assertEquals(SeatErrorCode.BAD_FIELD,
                refusal("{\"type\":\"login\",\"agent\":\"1\",\"supervisor\":\"2\",\"secret\":\"x\"}"));
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"login\",\"agent\":\"1001\"}"));
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"login\",\"agent\":\"1001\",\"secret\":\"\"}"));
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"login\",\"agent\":\"1001\",\"secret\":42}"));
    }

    @Test
    void notReadyTakesAReasonByNameOrByCode() throws Exception {
        SeatRequest.NotReady byName = assertInstanceOf(SeatRequest.NotReady.class,
                decoder.decode("{\"type\":\"notReady\",\"reason\":\"lunch\"}"));
        assertEquals("lunch", byName.reason().name());
        SeatRequest.NotReady byCode = assertInstanceOf(SeatRequest.NotReady.class,
                decoder.decode("{\"type\":\"notReady\",\"agent\":\"1001\",\"reasonCode\":11}"));
        assertEquals(11, byCode.reason().code());
        assertEquals("1001", byCode.agent());
        SeatRequest.NotReady none = assertInstanceOf(SeatRequest.NotReady.class,
                decoder.decode("{\"type\":\"notReady\"}"));
        assertTrue(none.reason().isAbsent());
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"notReady\",\"reason\":\"a\",\"reasonCode\":11}"));
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"notReady\",\"reasonCode\":-1}"));
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"notReady\",\"reasonCode\":1.5}"));
    }

    @Test
    void agentRequestsMayNameTheirAgent() throws Exception {
        assertNull(assertInstanceOf(SeatRequest.Ready.class, decoder.decode("{\"type\":\"ready\"}")).agent());
        assertEquals("1001", assertInstanceOf(SeatRequest.WrapUpDone.class,
                decoder.decode("{\"type\":\"wrapUpDone\",\"agent\":\"1001\"}")).agent());
        assertEquals("1001", assertInstanceOf(SeatRequest.Logout.class,
                decoder.decode("{\"type\":\"logout\",\"agent\":1001}")).agent());
        assertInstanceOf(SeatRequest.Heartbeat.class, decoder.decode("{\"type\":\"heartbeat\"}"));
    }

    @Test
    void supervisorActionsMustNameTheAgent() throws Exception {
        assertEquals("1001", assertInstanceOf(SeatRequest.SetNotReady.class,
                decoder.decode("{\"type\":\"setNotReady\",\"agent\":\"1001\",\"reason\":\"break\"}")).agent());
        assertEquals("1002", assertInstanceOf(SeatRequest.LogoutAgent.class,
                decoder.decode("{\"type\":\"logoutAgent\",\"agent\":\"1002\"}")).agent());
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"logoutAgent\"}"));
        assertEquals(Map.of("billing", 1, "vip", 3), assertInstanceOf(SeatRequest.SetSkills.class,
                decoder.decode("{\"type\":\"setSkills\",\"agent\":\"1001\",\"skills\":{\"billing\":1,\"vip\":3}}"))
                .skills());
        assertEquals(List.of("vip", "gotone"), assertInstanceOf(SeatRequest.SetSeatGroups.class,
                decoder.decode("{\"type\":\"setSeatGroups\",\"agent\":1001,\"seatGroups\":[\"vip\",\"gotone\"]}"))
                .seatGroups());
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"setSkills\",\"agent\":\"1001\"}"));
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"setSkills\",\"skills\":{\"billing\":1}}"));
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"setSkills\",\"agent\":\"1001\",\"skills\":{\"billing\":0}}"));
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"setSkills\",\"agent\":\"1001\",\"skills\":{\"billing\":\"1\"}}"));
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"setSeatGroups\",\"agent\":\"1001\",\"seatGroups\":\"vip\"}"));
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"setSeatGroups\",\"agent\":\"1001\",\"seatGroups\":[\"vip\",\"vip\"]}"));
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"setSeatGroups\",\"agent\":\"1001\",\"seatGroups\":[1]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"type\":\"ready\"", "[]", "42", "\"ready\"", "null",
            "{\"type\":\"ready\"}{\"type\":\"ready\"}", "{\"type\":\"ready\",\"type\":\"logout\"}",
            "{'type':'ready'}"})
    void anythingButOneStrictJsonObjectIsMalformed(String text) {
        assertEquals(SeatErrorCode.MALFORMED_JSON, refusal(text));
    }

    @Test
    void aFrameThatIsNotOneObjectIsRefusedWithWhereItsValueStarts() {
        assertEquals("a message is one JSON object at line 1, column 1", malformedReply("[{\"type\":\"ready\"}]"));
        assertEquals("a message is one JSON object at line 2, column 3", malformedReply("\n  42"));
        assertEquals("a message is one JSON object at line 1, column 1", malformedReply(""));
        assertTrue(malformedReply("{\"type\":\"heartbeat\"}{\"type\":\"watch\"}").endsWith("at line 1, column 21"));
    }

    @Test
    void aFrameNestedBeyondTheParsersLimitIsRefusedWithItsPosition() {
        // the parser's nesting limit is reported without a location of its own
        String nested = "{\"type\":\"ready\",\"agent\":" + "[".repeat(1200) + "]".repeat(1200) + "}";
        assertTrue(malformedReply(nested).matches("not valid JSON at line 1, column \\d+"), malformedReply(nested));
    }

    @Test
    void aNumberBeyondTheParsersLimitIsRefusedWithItsPosition() {
        String longNumber = "{\"type\":\"notReady\",\"reasonCode\":" + "9".repeat(1500) + "}";
        assertTrue(malformedReply(longNumber).matches("not valid JSON at line 1, column \\d+"), malformedReply(longNumber));
    }

    private String malformedReply(String text) {
        SeatProtocolException e = assertThrows(SeatProtocolException.class, () -> decoder.decode(text));
        assertEquals(SeatErrorCode.MALFORMED_JSON, e.code());
        return e.getMessage();
    }

    @Test
    void aMalformedMessageIsNotQuotedBack() {
        SeatProtocolException e = assertThrows(SeatProtocolException.class,
                () -> decoder.decode("{\"type\":\"login\",\"agent\":\"1001\",\"secret\":tiger-lily}"));
        assertFalse(e.getMessage().contains("tiger"), e.getMessage());
    }

    @Test
    void aMissingOrUnknownTypeIsRefusedByName() {
        assertEquals(SeatErrorCode.UNKNOWN_TYPE, refusal("{\"agent\":\"1001\"}"));
        assertEquals(SeatErrorCode.UNKNOWN_TYPE, refusal("{\"type\":7}"));
        SeatProtocolException e = assertThrows(SeatProtocolException.class,
                () -> decoder.decode("{\"type\":\"" + "x".repeat(500) + "\"}"));
        assertEquals(SeatErrorCode.UNKNOWN_TYPE, e.code());
        assertTrue(e.getMessage().length() < 100, "a long type is shortened: " + e.getMessage());
    }

    @Test
    void overlongOrOddlyTypedNamesAreRefused() {
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"ready\",\"agent\":\"" + "9".repeat(65) + "\"}"));
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"ready\",\"agent\":{\"id\":1}}"));
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"ready\",\"agent\":-5}"));
        assertEquals(SeatErrorCode.BAD_FIELD, refusal("{\"type\":\"ready\",\"agent\":\" \"}"));
        assertEquals(SeatErrorCode.BAD_FIELD,
                refusal("{\"type\":\"login\",\"agent\":\"1001\\nfailed login as supervisor lead1\",\"secret\":\"x\"}"));
    }
}
