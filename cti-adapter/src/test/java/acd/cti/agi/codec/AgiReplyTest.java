package acd.cti.agi.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AgiReplyTest {

    @Test
    void dataMayHoldParenthesesAndBeFollowedByAttributes() {
        AgiReply reply = AgiReply.parse("200 result=1 (speech (nested) text) endpos=8000 results=1");

        assertEquals(Optional.of("speech (nested) text"), reply.data());
        assertEquals(Map.of("endpos", "8000", "results", "1"), reply.attributes());
        assertEquals(OptionalLong.of(8000), reply.endpos());
    }

    @Test
    void unbalancedParenthesisIsNotData() {
        AgiReply reply = AgiReply.parse("200 result=1 (open");

        assertEquals(Optional.empty(), reply.data());
        assertEquals("1", reply.result());
    }

    @Test
    void digitIsTheCharacterOfAPositiveResult() {
        assertEquals(Optional.of('1'), AgiReply.parse("200 result=49").digit());
        assertEquals(Optional.empty(), AgiReply.parse("200 result=0").digit());
        assertEquals(Optional.empty(), AgiReply.parse("200 result=-1").digit());
    }

    @Test
    void nonNumericResultHasNoInt() {
        assertEquals(OptionalInt.empty(), AgiReply.parse("200 result=abc").resultAsInt());
        assertEquals("abc", AgiReply.parse("200 result=abc").result());
    }

    @Test
    void failureRepliesKeepTheirTextAndHaveNoUsage() {
        AgiReply reply = AgiReply.parse(AgiFrames.INVALID_COMMAND.strip());

        assertEquals(510, reply.status());
        assertFalse(reply.isSuccess());
        assertEquals("", reply.usage());
        assertEquals("510 Invalid or unknown command", reply.toString());
    }

    @Test
    void singleLineSyntaxErrorHasNoUsage() {
        AgiReply reply = AgiReply.parse("520 Invalid command syntax.  Proper usage not available.");

        assertEquals(520, reply.status());
        assertEquals("", reply.usage());
    }

    @Test
    void linesThatAreNotRepliesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AgiReply.parse("HANGUP"));
        assertThrows(IllegalArgumentException.class, () -> AgiReply.parse("20x result=0"));
        assertTrue(AgiReply.isStatusLine("200"));
        assertTrue(AgiReply.isStatusLine("520-Invalid"));
        assertFalse(AgiReply.isStatusLine("2000"));
    }
}
