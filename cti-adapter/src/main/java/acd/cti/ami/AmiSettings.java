package acd.cti.ami;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to reach Asterisk's manager interface. The secret comes from a file or the
 * environment, never from the config file, and {@link #toString()} never shows it.
 */
public final class AmiSettings {
    public static final String SECRET_ENVIRONMENT_VARIABLE = "ACD_AMI_SECRET";

    private final String host;
    private final int port;
    private final String username;
    private final String secret;
    private final Duration firstRetry;
    private final Duration longestRetry;

    public AmiSettings(String host, int port, String username, String secret, Duration firstRetry,
                       Duration longestRetry) {
        this.host = Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("AMI port must be 1..65535, found " + port);
        }
        this.port = port;
        this.username = Objects.requireNonNull(username, "username");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.firstRetry = firstRetry;
        this.longestRetry = longestRetry;
    }

    public AmiSettings(String host, int port, String username, String secret) {
        this(host, port, username, secret, Duration.ofMillis(250), Duration.ofSeconds(15));
    }

    /**
     * The secret from {@code secretFile} when given (first line, trimmed), else from the
     * environment variable {@value #SECRET_ENVIRONMENT_VARIABLE}.
     *
     * @throws IllegalArgumentException naming where the secret was looked for
     */
    public static String readSecret(Path secretFile, Map<String, String> environment) throws IOException {
        if (secretFile != null) {
            if (!Files.isReadable(secretFile)) {
                throw new IllegalArgumentException("AMI secret file " + secretFile + " is missing or unreadable");
            }
            String text = Files.readString(secretFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("AMI secret file " + secretFile + " is empty");
            }
            return text;
        }
        String fromEnvironment = environment.get(SECRET_ENVIRONMENT_VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            throw new IllegalArgumentException("no AMI secret: give --ami-secret-file or set "
                    + SECRET_ENVIRONMENT_VARIABLE);
        }
        return fromEnvironment.strip();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    String secret() {
        return secret;
    }

    public Duration firstRetry() {
        return firstRetry;
    }

    public Duration longestRetry() {
        return longestRetry;
    }

    @Override
    public String toString() {
        return username + "@" + host + ":" + port;
    }
}
