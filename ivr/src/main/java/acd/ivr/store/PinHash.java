package acd.ivr.store;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * PINs as the store keeps them, a recharge card's and an account's service PIN alike: salted
 * PBKDF2 with HMAC-SHA256 from the JDK, written {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (unpadded base64). A stolen copy of the database then gives away neither the value of unused
 * cards nor the key to anyone's account. The iteration count travels with each hash, so it can
 * be raised for new PINs without touching old ones.
 */
public final class PinHash {
    public static final String SCHEME = "pbkdf2-sha256";
    public static final int MIN_ITERATIONS = 1_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private PinHash() {
    }

    /** Whether {@code text} is already a stored hash rather than a PIN. */
    public static boolean isHash(String text) {
        return text.startsWith(SCHEME + "$");
    }

    public static String hash(String pin, int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be " + MIN_ITERATIONS + ".." + MAX_ITERATIONS);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(pin, salt, iterations, HASH_BYTES);
        return SCHEME + "$" + iterations + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code pin} is the one {@code stored} was made from; constant time in the hash. */
    public static boolean matches(String stored, String pin) {
        Parsed p = parse(stored);
        return MessageDigest.isEqual(derive(pin, p.salt, p.iterations, p.hash.length), p.hash);
    }

    /**
     * Checks the form of a stored hash.
     *
     * @throws IllegalArgumentException saying what is wrong, never quoting the value
     */
    public static void check(String stored) {
        parse(stored);
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String stored) {
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("a PIN hash must read " + SCHEME + "$<iterations>$<salt>$<hash>");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the PIN hash's iteration count is not a number");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("the PIN hash's iteration count must be "
                    + MIN_ITERATIONS + ".." + MAX_ITERATIONS);
        }
        try {
            byte[] salt = B64D.decode(parts[2]);
            byte[] hash = B64D.decode(parts[3]);
            if (salt.length < 8 || hash.length < 16) {
                throw new IllegalArgumentException("the PIN hash's salt or hash is too short");
            }
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the PIN hash")) {
                throw e;
            }
            throw new IllegalArgumentException("the PIN hash's salt or hash is not base64");
        }
    }

    private static byte[] derive(String pin, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
