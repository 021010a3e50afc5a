package acd.cti.ami;

import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiEventTranslatorTest {
    private final List<PbxEvent> out = new ArrayList<>();
    private final AmiEventTranslator translator = new AmiEventTranslator(out::add);

    @Test
    void aDialEndBecomesTheAcdsOwnRecord() {
        DialEndEvent e = new DialEndEvent(this);
        e.setUniqueId("1795442972.11");
        e.setChannel("SIP/sipp-00000001");
        e.setDestUniqueId("1795442972.12");
        e.setDestChannel("SIP/agent5070-00000002");
        e.setDialStatus("ANSWER");
        translator.onManagerEvent(e);
        assertEquals(List.of(new PbxEvent.DialEnd("1795442972.11", "SIP/sipp-00000001", "1795442972.12",
                "SIP/agent5070-00000002", "ANSWER")), out);
        assertTrue(((PbxEvent.DialEnd) out.get(0)).answered());
    }

    @Test
    void theDialOfAnOriginateCarriesOnlyItsDestinationAndIsNotMalformed() {
        // Asterisk 22, Originate of PJSIP/2001: DialBegin and DialEnd name only the Dest* side.
        DialBeginEvent begin = new DialBeginEvent(this);
        begin.setDestUniqueId("1796591234.7");
        begin.setDestChannel("PJSIP/2001-00000003");
        begin.setDialString("2001");
        DialEndEvent end = new DialEndEvent(this);
        end.setDestUniqueId("1796591234.7");
        end.setDestChannel("PJSIP/2001-00000003");
        end.setDialStatus("ANSWER");

        translator.onManagerEvent(begin);
        translator.onManagerEvent(end);

        assertEquals(List.of(), out, "no caller of the ACD's is in an originated dial");
        assertEquals(0, translator.malformedEvents());
    }

    @Test
    void eventsTheAcdDoesNotNeedAreDroppedAtOnce() {
        translator.onManagerEvent(new VarSetEvent(this));
        assertEquals(List.of(), out);
        assertEquals(0, translator.malformedEvents());
    }

    @Test
    void anEventWithoutItsKeyFieldIsDroppedAndCounted() {
        HangupEvent e = new HangupEvent(this);
        e.setChannel("SIP/sipp-00000000");
        translator.onManagerEvent(e);
        assertEquals(List.of(), out);
        assertEquals(1, translator.malformedEvents());
    }

    @Test
    void theSecretComesFromItsFileOrTheEnvironmentAndNeverShows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ami.secret");
        Files.writeString(file, "s3cret\n");
        assertEquals("s3cret", AmiSettings.readSecret(file, Map.of()));
        assertEquals("fromenv", AmiSettings.readSecret(null, Map.of(AmiSettings.SECRET_ENVIRONMENT_VARIABLE, "fromenv")));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> AmiSettings.readSecret(null, Map.of()));
        assertTrue(missing.getMessage().contains(AmiSettings.SECRET_ENVIRONMENT_VARIABLE));
        AmiSettings settings = new AmiSettings("pbx", 5038, "acd", "s3cret");
        assertFalse(settings.toString().contains("s3cret"));
    }
}
