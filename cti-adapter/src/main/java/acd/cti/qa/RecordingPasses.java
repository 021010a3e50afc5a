package acd.cti.qa;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived passes to hear one recording over HTTP: a desk that may hear a call gets one, and
 * its player fetches {@code /recordings/<token>.wav} until the pass expires. The token is 128
 * random bits, so it cannot be guessed, and it names nothing about the call; each pass knows who
 * it was issued to, so every hearing is logged against them.
 */
public final class RecordingPasses {
    public static final String URL_PREFIX = "/recordings/";
    public static final String URL_SUFFIX = ".wav";

    /** A pass: the recording's file, and who may hear it until when. */
    public record Pass(String token, String callId, Path file, String role, String who, long expiresMs) {
        public String url() {
            return URL_PREFIX + token + URL_SUFFIX;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pass> passes = new ConcurrentHashMap<>();
    private final long validMs;

    /** @param validMs how long a pass lets its holder fetch the recording */
    public RecordingPasses(long validMs) {
        if (validMs < 1000) {
            throw new IllegalArgumentException("a pass must last at least 1 s, was " + validMs + " ms");
        }
        this.validMs = validMs;
    }

    public Pass issue(String callId, Path file, String role, String who, long nowMs) {
        passes.values().removeIf(p -> p.expiresMs() <= nowMs);
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        Pass pass = new Pass(HexFormat.of().formatHex(bits), callId, file, role, who, nowMs + validMs);
        passes.put(pass.token(), pass);
        return pass;
    }

    /** The pass a request path ({@code /recordings/<token>.wav}) holds, while it is valid. */
    public Optional<Pass> redeem(String path, long nowMs) {
        if (!path.startsWith(URL_PREFIX) || !path.endsWith(URL_SUFFIX)) {
            return Optional.empty();
        }
        String token = path.substring(URL_PREFIX.length(), path.length() - URL_SUFFIX.length());
        Pass pass = passes.get(token);
        if (pass == null || pass.expiresMs() <= nowMs) {
            return Optional.empty();
        }
        return Optional.of(pass);
    }
}
