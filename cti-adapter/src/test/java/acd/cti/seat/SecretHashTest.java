package acd.cti.seat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretHashTest {
    private static final int FAST = SecretHash.MIN_ITERATIONS;

    @Test
    void aHashMatchesItsSecretAndNoOther() {
        String hash = SecretHash.hash("坐席-1001".toCharArray(), FAST);
        assertTrue(SecretHash.matches(hash, "坐席-1001".toCharArray()));
        assertFalse(SecretHash.matches(hash, "坐席-1002".toCharArray()));
        assertFalse(SecretHash.matches(hash, "".toCharArray()));
    }

    @Test
    void theSameSecretHashesDifferentlyEachTime() {
        assertNotEquals(SecretHash.hash("same".toCharArray(), FAST), SecretHash.hash("same".toCharArray(), FAST));
    }

    @Test
    void theHashCarriesItsSchemeAndIterations() {
        String hash = SecretHash.hash("x".toCharArray(), 2_000);
        assertTrue(hash.startsWith("pbkdf2-sha256$2000$"), hash);
        assertEquals(2_000, SecretHash.iterations(hash));
        assertFalse(hash.contains(":") || hash.contains(" "), "pastes into YAML unquoted: " + hash);
    }

    @Test
    void aMalformedHashIsRefusedWithoutQuotingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SecretHash.check("my-plain-password"));
        assertFalse(e.getMessage().contains("my-plain-password"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SecretHash.check("pbkdf2-sha256$10$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA"));
        assertThrows(IllegalArgumentException.class, () -> SecretHash.check("pbkdf2-sha256$5000$!!!$???"));
        assertThrows(IllegalArgumentException.class, () -> SecretHash.hash("x".toCharArray(), 10));
    }
}
