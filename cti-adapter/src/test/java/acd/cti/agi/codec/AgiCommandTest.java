package acd.cti.agi.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgiCommandTest {

    @Test
    void commandsRenderAsTheTranscriptShowsThem() {
        assertEquals("ANSWER", AgiCommand.answer().line());
        assertEquals("STREAM FILE hello-world \"\"", AgiCommand.streamFile("hello-world", "").line());
        assertEquals("SET VARIABLE ACD_SESSION \"abc 123\"", AgiCommand.setVariable("ACD_SESSION", "abc 123").line());
        assertEquals("GET VARIABLE CHANNEL", AgiCommand.getVariable("CHANNEL").line());
        assertEquals("GET DATA beep 5000 4", AgiCommand.getData("beep", 5000, 4).line());
        assertEquals("WAIT FOR DIGIT 3000", AgiCommand.waitForDigit(3000).line());
        assertEquals("SAY NUMBER 42 \"\"", AgiCommand.sayNumber(42, "").line());
        assertEquals("EXEC Playback beep", AgiCommand.exec("Playback", "beep").line());
        assertEquals("EXEC Wait 10", AgiCommand.exec("Wait", "10").line());
        assertEquals("VERBOSE \"hello from the ACD FastAGI test\" 1",
                AgiCommand.verbose("hello from the ACD FastAGI test", 1).line());
        assertEquals("GET FULL VARIABLE \"${CALLERID(all)} ${EXTEN}@${CONTEXT}\"",
                AgiCommand.getFullVariable("${CALLERID(all)} ${EXTEN}@${CONTEXT}").line());
        assertEquals("CHANNEL STATUS", AgiCommand.channelStatus().line());
        assertEquals("DATABASE PUT acd test 1", AgiCommand.of("DATABASE PUT", "acd", "test", "1").line());
        assertEquals("HANGUP", AgiCommand.hangup().line());
        assertEquals("NOOP", AgiCommand.noop().line());
    }

    @Test
    void quotesAndBackslashesAreEscapedInsideQuotes() {
        assertEquals("SET VARIABLE GREETING \"say \\\"hi\\\"\"", AgiCommand.setVariable("GREETING", "say \"hi\"").line());
        assertEquals("SET VARIABLE PATH \"C:\\\\calls\"", AgiCommand.setVariable("PATH", "C:\\calls").line());
        assertEquals("SET VARIABLE TAB \"a\tb\"", AgiCommand.setVariable("TAB", "a\tb").line());
    }

    @Test
    void execJoinsApplicationArgumentsWithCommas() {
        AgiCommand dial = AgiCommand.exec("Dial", "PJSIP/1001", "20", "tT");

        assertEquals("EXEC Dial PJSIP/1001,20,tT", dial.line());
        assertEquals(List.of("Dial", "PJSIP/1001,20,tT"), dial.arguments());
        assertEquals("EXEC", dial.verb());
        assertEquals("EXEC MusicOnHold \"vip hold,30\"", AgiCommand.exec("MusicOnHold", "vip hold", "30").line());
        assertEquals("EXEC Answer", AgiCommand.exec("Answer").line());
    }

    @Test
    void lineEndsInsideAnArgumentAreRefused() {
        IllegalArgumentException lf = assertThrows(IllegalArgumentException.class,
                () -> AgiCommand.setVariable("X", "one\nHANGUP"));
        assertThrows(IllegalArgumentException.class, () -> AgiCommand.verbose("carriage\rreturn", 1));
        assertThrows(IllegalArgumentException.class, () -> AgiCommand.streamFile("nul\0", ""));

        assertTrue(lf.getMessage().contains("SET VARIABLE"), lf.getMessage());
        assertTrue(lf.getMessage().contains("one\\nHANGUP"), lf.getMessage());
    }

    @Test
    void malformedVerbsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AgiCommand.of(""));
        assertThrows(IllegalArgumentException.class, () -> AgiCommand.of("ANSWER\nHANGUP"));
        assertThrows(IllegalArgumentException.class, () -> AgiCommand.of(" ANSWER"));
        assertThrows(IllegalArgumentException.class, () -> AgiCommand.of("STREAM  FILE"));
    }

    @Test
    void utf8TextIsSentAsIs() {
        assertEquals("VERBOSE \"来电 VIP\" 3", AgiCommand.verbose("来电 VIP", 3).line());
        assertEquals("SET VARIABLE TIER 钻石", AgiCommand.setVariable("TIER", "钻石").line());
    }
}
