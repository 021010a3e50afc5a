package acd.pbxsim.ami;

import acd.pbxsim.testing.Transcript;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class AmiDecoderTest {

    private static List<Transcript.Block> clientActions() {
        List<Transcript.Block> actions = new ArrayList<>();
        for (String f : List.of("ami-agi-call.txt", "ami-queue-call.txt", "ami-queue-abandon.txt", "ami-sip-calls.txt")) {
            for (Transcript.Block b : Transcript.blocks(f)) {
                if (b.direction().equals("C->S")) {
                    actions.add(b);
                }
            }
        }
        return actions;
    }

    private static List<Object> decodeByteByByte(String wire) {
        EmbeddedChannel ch = new EmbeddedChannel(new AmiDecoder());
        for (byte b : wire.getBytes(StandardCharsets.UTF_8)) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        List<Object> out = new ArrayList<>();
        Object o;
        while ((o = ch.readInbound()) != null) {
            out.add(o);
        }
        ch.finishAndReleaseAll();
        return out;
    }

    @Test
    void readsEveryActionTheCapturedClientsSent_fedOneByteAtATime() {
        List<Transcript.Block> actions = clientActions();
        assertFalse(actions.isEmpty());
        StringBuilder wire = new StringBuilder();
        for (Transcript.Block b : actions) {
            wire.append(b.wire());
        }
        List<Object> decoded = decodeByteByByte(wire.toString());
        assertEquals(actions.size(), decoded.size());
        for (int i = 0; i < actions.size(); i++) {
            AmiMessage m = assertInstanceOf(AmiMessage.class, decoded.get(i));
            Transcript.Block b = actions.get(i);
            assertEquals(b.names(), m.names(), "header names of " + b.first());
            for (AmiMessage.Header h : m.headers()) {
                assertEquals(b.value(h.name()), h.value(), h.name() + " of " + b.first());
            }
        }
    }

    @Test
    void readsTheOriginateOfTheCaptureWithItsQuotedCallerId() {
        Transcript.Block originate = clientActions().stream()
                .filter(b -> b.first().equals("Action: Originate")).findFirst().orElseThrow();
        AmiMessage m = (AmiMessage) decodeByteByByte(originate.wire()).get(0);
        assertEquals("Originate", m.actionName());
        assertEquals("\"AGI Caller\" <5550100>", m.get("callerid"));
        assertEquals("orig-agi-1", m.get("ActionID"));
    }

    @Test
    void takesBareLineFeedsAsAsteriskDoes() {
        List<Object> out = decodeByteByByte("Action: Ping\nActionID: p-1\n\n");
        AmiMessage m = (AmiMessage) out.get(0);
        assertEquals(List.of("Action", "ActionID"), m.names());
        assertEquals("p-1", m.get("ActionID"));
    }

    @Test
    void ignoresBlankLinesBetweenActions() {
        List<Object> out = decodeByteByByte("\r\n\r\nAction: Ping\r\n\r\n\r\nAction: Logoff\r\n\r\n");
        assertEquals(2, out.size());
        assertEquals("Logoff", ((AmiMessage) out.get(1)).actionName());
    }

    @Test
    void reportsAnOverlongLineInBandAndGoesOn() {
        String longValue = "x".repeat(AmiWire.MAX_LINE_LENGTH + 10);
        List<Object> out = decodeByteByByte("Action: Setvar\r\nValue: " + longValue + "\r\nVariable: A\r\n\r\n"
                + "Action: Ping\r\n\r\n");
        assertInstanceOf(AmiDecodeError.class, out.get(0));
        AmiMessage setvar = (AmiMessage) out.get(1);
        assertNull(setvar.get("Value"));
        assertEquals("A", setvar.get("Variable"));
        assertEquals("Ping", ((AmiMessage) out.get(2)).actionName());
    }

    @Test
    void keepsAValueWithColonsAndSkipsOnlyTheBlanksAfterTheFirstColon() {
        AmiMessage m = (AmiMessage) decodeByteByByte("Action: Originate\r\nChannel:   Local/100@inbound\r\n"
                + "Data: agi://127.0.0.1:4573/acd\r\n\r\n").get(0);
        assertEquals("Local/100@inbound", m.get("Channel"));
        assertEquals("agi://127.0.0.1:4573/acd", m.get("Data"));
    }
}
