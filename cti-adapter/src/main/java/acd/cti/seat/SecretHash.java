package acd.cti.seat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Desktop secrets as stored in configuration: salted PBKDF2 with HMAC-SHA256 from the JDK,
 * written {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (salt and hash in unpadded base64).
 * The iteration count travels with each hash, so it can be raised for new hashes without
 * invalidating old ones.
 *
 * <p>To make a hash for the credentials file, run
 * {@code java -cp <classpath> acd.cti.seat.SecretHash} and type the secret: it is read without
 * echo (or from standard input when there is no console), never from the command line, where
 * shell history would keep it.
 */
public final class SecretHash {
    public static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's 2021 figure for PBKDF2-HMAC-SHA256: a fraction of a second per login on one core. */
    public static final int DEFAULT_ITERATIONS = 310_000;
    /** Below this a stored hash is refused: it would be cheap to guess at. */
    public static final int MIN_ITERATIONS = 1_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private SecretHash() {
    }

    public static String hash(char[] secret) {
        return hash(secret, DEFAULT_ITERATIONS);
    }

    public static String hash(char[] secret, int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be " + MIN_ITERATIONS + ".." + MAX_ITERATIONS);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(secret, salt, iterations, HASH_BYTES);
        return SCHEME + "$" + iterations + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code secret} is the one {@code stored} was made from. Constant time in the hash. */
    public static boolean matches(String stored, char[] secret) {
        Parsed p = parse(stored);
        byte[] candidate = derive(secret, p.salt, p.iterations, p.hash.length);
        return MessageDigest.isEqual(candidate, p.hash);
    }

    /** The iteration count of a stored hash. */
    public static int iterations(String stored) {
        return parse(stored).iterations;
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
        if (stored == null) {
            throw new IllegalArgumentException("no hash");
        }
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("not a secret hash: expected " + SCHEME
                    + "$<iterations>$<salt>$<hash>, as printed by acd.cti.seat.SecretHash");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count of a secret hash is not a number");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("a secret hash needs " + MIN_ITERATIONS + ".." + MAX_ITERATIONS
                    + " iterations, found " + iterations);
        }
        byte[] salt;
        byte[] hash;
        try {
            salt = B64D.decode(parts[2]);
            hash = B64D.decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the salt or hash of a secret hash is not base64");
        }
        if (salt.length < 8 || hash.length < 16) {
            throw new IllegalArgumentException("the salt or hash of a secret hash is too short");
        }
        return new Parsed(iterations, salt, hash);
    }

    private static byte[] derive(char[] secret, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // every Java 17 runtime ships PBKDF2WithHmacSHA256; without it no login can work
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Prints the hash of a secret typed at the console (or given on standard input). */
    public static void main(String[] args) throws IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ITERATIONS;
        char[] secret;
        Console console = System.console();
        if (console != null) {
            secret = console.readPassword("secret: ");
            char[] again = console.readPassword("again: ");
            if (secret == null || again == null || !Arrays.equals(secret, again)) {
                System.err.println("the two entries differ; nothing printed");
                System.exit(1);
                return;
            }
            Arrays.fill(again, '\0');
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            secret = line == null ? new char[0] : line.toCharArray();
        }
        if (secret.length == 0) {
            System.err.println("an empty secret cannot be used");
            System.exit(1);
            return;
        }
        System.out.println(hash(secret, iterations));
        Arrays.fill(secret, '\0');
    }
}
