package acd.ivr.store;

import acd.ivr.selfservice.SelfServiceUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening a store whose database is not there. */
class StoreOpeningTest {
    @Test
    void aDatabaseNobodyListensForFailsToOpenQuickly() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StoreSettings settings = DatabaseKind.TEST_SETTINGS
                .withDatabase("jdbc:postgresql://127.0.0.1:" + port + "/acd?password=secret", "acd", "secret");
        long start = System.nanoTime();

        SelfServiceUnavailableException e = assertThrows(SelfServiceUnavailableException.class,
                () -> SelfServiceStore.open(settings, StoreSeed.NONE));

        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 10_000, "took " + ms + " ms");
        assertTrue(e.getMessage().startsWith("cannot open the self-service store jdbc:postgresql://127.0.0.1:" + port + "/acd:"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), "no password in " + e.getMessage());
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedFailsToOpen(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        StoreSettings settings = DatabaseKind.TEST_SETTINGS.withDataDirectory(file.resolve("data"));

        SelfServiceUnavailableException e = assertThrows(SelfServiceUnavailableException.class,
                () -> SelfServiceStore.open(settings, StoreSeed.NONE));
        assertTrue(e.getMessage().contains("data directory"), e.getMessage());
    }
}
