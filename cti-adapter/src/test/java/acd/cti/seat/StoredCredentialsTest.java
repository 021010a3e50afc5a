package acd.cti.seat;

import acd.core.config.ConfigError;
import acd.core.config.ConfigSource;
import acd.cti.seat.codec.SeatRequest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredCredentialsTest {
    private static final String AGENT_HASH = SecretHash.hash("agent-secret".toCharArray(), SecretHash.MIN_ITERATIONS);
    private static final String LEAD_HASH = SecretHash.hash("lead-secret".toCharArray(), SecretHash.MIN_ITERATIONS);

    @Test
    void aCredentialsFileGivesAgentsAndSupervisorsTheirOwnSecrets() {
        StoredCredentials credentials = StoredCredentials.parse(new ConfigSource("config/desk-secrets.yaml", """
                # made with acd.cti.seat.SecretHash
                agents:
                  1001: %s
                supervisors:
                  lead1: "%s"
                """.formatted(AGENT_HASH, LEAD_HASH)));
        assertTrue(credentials.verify(SeatRequest.Role.AGENT, "1001", "agent-secret".toCharArray()));
        assertTrue(credentials.verify(SeatRequest.Role.SUPERVISOR, "lead1", "lead-secret".toCharArray()));
        assertFalse(credentials.verify(SeatRequest.Role.SUPERVISOR, "1001", "agent-secret".toCharArray()),
                "an agent is no supervisor");
        assertFalse(credentials.verify(SeatRequest.Role.AGENT, "1001", "lead-secret".toCharArray()));
        assertFalse(credentials.verify(SeatRequest.Role.AGENT, "1999", "agent-secret".toCharArray()));
        assertTrue(credentials.hasAgent("1001"));
        assertTrue(credentials.hasSupervisor("lead1"));
    }

    @Test
    void everyProblemInTheFileIsReportedWithItsLineAndNoSecretIsEchoed() {
        ConfigError error = assertThrows(ConfigError.class, () -> StoredCredentials.parse(new ConfigSource(
                "config/desk-secrets.yaml", """
                agents:
                  1001: plain-text-password
                  1002: %s
                  1003: [a, b]
                supervisor:
                  lead1: x
                """.formatted(AGENT_HASH))));
        assertEquals(3, error.problems().size(), error.getMessage());
        assertEquals(2, error.problems().get(0).line());
        assertEquals(4, error.problems().get(1).line());
        assertEquals(5, error.problems().get(2).line());
        assertTrue(error.problems().stream().anyMatch(p -> p.reason().contains("unknown key 'supervisor'")),
                error.getMessage());
        assertFalse(error.getMessage().contains("plain-text-password"), error.getMessage());
    }

    @Test
    void aMapOfHashesIsCheckedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoredCredentials.of(Map.of("1001", "oops"), Map.of()));
        assertTrue(e.getMessage().startsWith("agent 1001:"), e.getMessage());
        assertTrue(StoredCredentials.of(Map.of("1001", AGENT_HASH), Map.of())
                .verify(SeatRequest.Role.AGENT, "1001", "agent-secret".toCharArray()));
    }
}
