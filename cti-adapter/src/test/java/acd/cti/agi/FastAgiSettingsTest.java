package acd.cti.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FastAgiSettingsTest {

    @Test
    void defaultsListenOnLoopbackPort4573() {
        FastAgiSettings defaults = FastAgiSettings.defaults();

        assertEquals("127.0.0.1", defaults.bindAddress());
        assertEquals(4573, defaults.port());
        assertEquals(List.of("127.0.0.1", "::1"), defaults.allowedClients());
        assertEquals(8192, defaults.maxLineLength());
    }

    @Test
    void allowListTakesExactAddressesAndCidrBlocksOfBothFamilies() {
        FastAgiSettings settings = FastAgiSettings.defaults()
                .withAllowedClients(List.of("10.0.0.5", "192.168.10.0/24", "fd00::/8", "::1", "0.0.0.0/0"));

        assertEquals(5, settings.allowedClients().size());
    }

    @Test
    void hostNamesAndBadBlocksAreRefusedNamingTheEntry() {
        IllegalArgumentException hostName = assertThrows(IllegalArgumentException.class,
                () -> FastAgiSettings.defaults().withAllowedClients(List.of("pbx.example.com")));
        IllegalArgumentException prefix = assertThrows(IllegalArgumentException.class,
                () -> FastAgiSettings.defaults().withAllowedClients(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> FastAgiSettings.defaults().withAllowedClients(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> FastAgiSettings.defaults().withAllowedClients(List.of("10.0.0.0/x")));

        assertTrue(hostName.getMessage().contains("pbx.example.com"), hostName.getMessage());
        assertTrue(prefix.getMessage().contains("10.0.0.0/33"), prefix.getMessage());
    }

    @Test
    void outOfRangeValuesAreRefused() {
        FastAgiSettings defaults = FastAgiSettings.defaults();

        assertThrows(IllegalArgumentException.class, () -> defaults.withPort(70_000));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxSessions(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withIdleTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> defaults.withIoThreads(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxLineLength(10));
        assertThrows(IllegalArgumentException.class, () -> defaults.withBindAddress("localhost"));
    }
}
