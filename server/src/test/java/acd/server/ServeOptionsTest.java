package acd.server;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServeOptionsTest {
    private static final ServerSettings FILE = ServerSettings.DEFAULTS;

    @Test
    void aPbxOnAnotherHostIsReachedByFlagsOrByTheEnvironment() {
        ServerSettings byFlags = ServeOptions.parse(new String[]{"--agi-bind", "0.0.0.0", "--agi-port", "14573",
                "--agi-allow", "10.1.2.3, 10.9.0.0/16", "--http-bind", "0.0.0.0", "--ami-host", "10.1.2.3"}, Map.of())
                .applyTo(FILE);
        ServerSettings byEnvironment = ServeOptions.parse(new String[0], Map.of("ACD_AGI_BIND", "0.0.0.0",
                "ACD_AGI_PORT", "14573", "ACD_AGI_ALLOW", "10.1.2.3,10.9.0.0/16", "ACD_HTTP_BIND", "0.0.0.0",
                "ACD_AMI_HOST", "10.1.2.3")).applyTo(FILE);

        for (ServerSettings s : List.of(byFlags, byEnvironment)) {
            assertEquals("0.0.0.0", s.agi().bindAddress());
            assertEquals(14573, s.agi().port());
            assertEquals(List.of("10.1.2.3", "10.9.0.0/16"), s.agi().allowedClients());
            assertEquals("0.0.0.0", s.httpBind());
            assertEquals("10.1.2.3", s.ami().host());
            assertEquals(5038, s.ami().port(), "what is not given stays as server.yaml has it");
        }
    }

    @Test
    void aRecordingIsAskedForByFileAndNeedsOne() {
        assertEquals(java.nio.file.Path.of("day.rec"), ServeOptions.parse(new String[]{"--record", "day.rec"}, Map.of())
                .recordTo);
        assertEquals(null, ServeOptions.parse(new String[0], Map.of()).recordTo, "no recording unless asked");
        assertEquals("--record needs a value", assertThrows(IllegalArgumentException.class,
                () -> ServeOptions.parse(new String[]{"--record"}, Map.of())).getMessage());
    }

    @Test
    void aFlagWinsOverItsVariable() {
        ServerSettings s = ServeOptions.parse(new String[]{"--ami-port", "15038"},
                Map.of("ACD_AMI_PORT", "25038", "ACD_AMI_HOST", "pbx1")).applyTo(FILE);
        assertEquals(15038, s.ami().port());
        assertEquals("pbx1", s.ami().host());
    }

    @Test
    void aWrongValueNamesWhereItCameFrom() {
        IllegalArgumentException fromVariable = assertThrows(IllegalArgumentException.class,
                () -> ServeOptions.parse(new String[0], Map.of("ACD_AGI_PORT", "45x3")).applyTo(FILE));
        assertEquals("ACD_AGI_PORT must be a whole number, found '45x3'", fromVariable.getMessage());
        IllegalArgumentException fromFlag = assertThrows(IllegalArgumentException.class,
                () -> ServeOptions.parse(new String[]{"--ami-port", "70000"}, Map.of()).applyTo(FILE));
        assertEquals("--ami-port must be 1..65535, found 70000", fromFlag.getMessage());
        IllegalArgumentException allow = assertThrows(IllegalArgumentException.class,
                () -> ServeOptions.parse(new String[]{"--agi-allow", "10.0.0.0/99"}, Map.of()).applyTo(FILE));
        assertEquals(true, allow.getMessage().startsWith("--agi-allow: "), allow.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServeOptions.parse(new String[]{"--agi-port"}, Map.of()));
    }
}
