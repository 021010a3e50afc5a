package acd.pbxsim.ami;

import acd.pbxsim.testing.Transcript;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiWireTest {

    @Test
    void theBannerIsTheCapturedFirstLine() {
        String raw = new String(Transcript.raw("ami-agi-call.asterisk-to-client.raw"), StandardCharsets.UTF_8);
        assertTrue(raw.startsWith(AmiWire.BANNER));
        assertEquals("Asterisk Call Manager/9.0.0\r\n", AmiWire.BANNER);
    }

    @Test
    void encodesABlockWithCrlfLinesAndABlankLine() {
        EmbeddedChannel ch = new EmbeddedChannel(new AmiEncoder());
        ch.writeOutbound(AmiMessage.response("Success").add("ActionID", "login-1")
                .add("Message", "Authentication accepted"));
        ByteBuf out = ch.readOutbound();
        String text = out.toString(StandardCharsets.UTF_8);
        out.release();
        assertEquals("Response: Success\r\nActionID: login-1\r\nMessage: Authentication accepted\r\n\r\n", text);
        String raw = new String(Transcript.raw("ami-agi-call.asterisk-to-client.raw"), StandardCharsets.UTF_8);
        assertTrue(raw.startsWith(AmiWire.BANNER + text), "the capture's login response, byte for byte");
    }

    @Test
    void anEmptyValueKeepsTheSpaceAfterTheColonAsAccountCodeDoesInTheCapture() {
        String text = AmiWire.text(new AmiMessage().add("AccountCode", ""));
        assertEquals("AccountCode: \r\n\r\n", text);
        String raw = new String(Transcript.raw("ami-agi-call.asterisk-to-client.raw"), StandardCharsets.UTF_8);
        assertTrue(raw.contains("\r\nAccountCode: \r\n"));
    }

    @Test
    void privilegeMasksReadAsManagerConf() {
        int mask = Privilege.mask("system,call,agent,user,dtmf,reporting");
        assertEquals(Privilege.SYSTEM.bit() | Privilege.CALL.bit() | Privilege.AGENT.bit() | Privilege.USER.bit()
                | Privilege.DTMF.bit() | Privilege.REPORTING.bit(), mask);
        assertEquals(Privilege.ALL, Privilege.mask("on"));
        assertEquals(0, Privilege.mask("off"));
        assertEquals(-1, Privilege.mask(""));
        assertEquals("call,all", Privilege.CALL.header());
    }
}
