package acd.ivr.store;

import acd.ivr.customer.CustomerProfile;
import acd.ivr.selfservice.SelfServiceUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A database missing at start: the hotline starts anyway and the store opens once it can. */
class RetryingStoreTest {

    @Test
    void aStoreThatCannotOpenAtStartServesOnceItCan(@TempDir Path dir) throws Exception {
        // A file where the data directory should be: H2 cannot open until it is gone.
        Path data = dir.resolve("data");
        Files.writeString(data, "in the way");
        StoreSettings settings = StoreSettings.defaults().withDataDirectory(data);
        StoreSeed seed = StoreSeed.read(Path.of("..", "config"), StoreFixture.IDS);
        try (RetryingStore store = RetryingStore.open(settings, seed, 50)) {
            assertTrue(store.store().isEmpty());
            SelfServiceUnavailableException e = assertThrows(SelfServiceUnavailableException.class,
                    () -> store.account("13900000001"));
            assertTrue(e.getMessage().contains("not open yet"), e.getMessage());
            assertEquals(CustomerProfile.UNKNOWN, store.find("13900000001"), "unknown meanwhile: routing goes on");

            Files.delete(data);
            for (int i = 0; i < 200 && store.store().isEmpty(); i++) {
                Thread.sleep(25);
            }
            assertTrue(store.store().isPresent(), "opened in the background");
            assertEquals(128_850, store.account("13900000001").orElseThrow().balanceFen());
            assertEquals("supreme", store.find("13900000001").tier());
        }
    }
}
