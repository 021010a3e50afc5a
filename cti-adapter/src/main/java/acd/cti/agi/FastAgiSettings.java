package acd.cti.agi;

import acd.cti.agi.codec.AgiDecoder;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the FastAGI server listens. Checked when made, so a bad value stops the start instead of
 * surfacing on the first call.
 *
 * @param bindAddress    the local address to listen on, a literal IP
 * @param port           {@code 4573} is Asterisk's default; {@code 0} takes any free port
 * @param allowedClients who may connect: exact addresses ({@code 10.0.0.5}) or CIDR blocks
 *                       ({@code 10.0.0.0/24}, {@code fd00::/8}); anyone else is refused
 * @param maxSessions    the most calls in AGI at once; one more is refused
 * @param idleTimeout    how long a session may go without traffic while no command is waiting
 *                       for Asterisk, and how long a client has to send its header block
 * @param maxLineLength  the longest line accepted from Asterisk, in bytes
 * @param maxHeaderCount the most lines in a header block
 * @param ioThreads      event-loop threads serving all sessions
 */
public record FastAgiSettings(String bindAddress, int port, List<String> allowedClients, int maxSessions,
                              Duration idleTimeout, int maxLineLength, int maxHeaderCount, int ioThreads) {

    public static final int DEFAULT_PORT = 4573;

    public FastAgiSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        allowedClients = List.copyOf(allowedClients);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (!ClientAllowList.isIpLiteral(bindAddress)) {
            throw new IllegalArgumentException("bindAddress must be an IP address, was '" + bindAddress + "'");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        ClientAllowList.parse(allowedClients);
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be positive, was " + maxSessions);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
        }
        if (maxLineLength < 256) {
            throw new IllegalArgumentException("maxLineLength must be at least 256 bytes, was " + maxLineLength);
        }
        if (maxHeaderCount < 32) {
            throw new IllegalArgumentException("maxHeaderCount must be at least 32, was " + maxHeaderCount);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be positive, was " + ioThreads);
        }
    }

    /** Loopback only on port 4573, as when Asterisk runs on the same host. */
    public static FastAgiSettings defaults() {
        return new FastAgiSettings("127.0.0.1", DEFAULT_PORT, List.of("127.0.0.1", "::1"), 1_000,
                Duration.ofMinutes(2), AgiDecoder.DEFAULT_MAX_LINE_LENGTH, AgiDecoder.DEFAULT_MAX_HEADER_COUNT, 2);
    }

    public FastAgiSettings withBindAddress(String bindAddress) {
        return new FastAgiSettings(bindAddress, port, allowedClients, maxSessions, idleTimeout, maxLineLength,
                maxHeaderCount, ioThreads);
    }

    public FastAgiSettings withPort(int port) {
        return new FastAgiSettings(bindAddress, port, allowedClients, maxSessions, idleTimeout, maxLineLength,
                maxHeaderCount, ioThreads);
    }

    public FastAgiSettings withAllowedClients(List<String> allowedClients) {
        return new FastAgiSettings(bindAddress, port, allowedClients, maxSessions, idleTimeout, maxLineLength,
                maxHeaderCount, ioThreads);
    }

    public FastAgiSettings withMaxSessions(int maxSessions) {
        return new FastAgiSettings(bindAddress, port, allowedClients, maxSessions, idleTimeout, maxLineLength,
                maxHeaderCount, ioThreads);
    }

    public FastAgiSettings withIdleTimeout(Duration idleTimeout) {
        return new FastAgiSettings(bindAddress, port, allowedClients, maxSessions, idleTimeout, maxLineLength,
                maxHeaderCount, ioThreads);
    }

    public FastAgiSettings withMaxLineLength(int maxLineLength) {
        return new FastAgiSettings(bindAddress, port, allowedClients, maxSessions, idleTimeout, maxLineLength,
                maxHeaderCount, ioThreads);
    }

    public FastAgiSettings withMaxHeaderCount(int maxHeaderCount) {
        return new FastAgiSettings(bindAddress, port, allowedClients, maxSessions, idleTimeout, maxLineLength,
                maxHeaderCount, ioThreads);
    }

    public FastAgiSettings withIoThreads(int ioThreads) {
        return new FastAgiSettings(bindAddress, port, allowedClients, maxSessions, idleTimeout, maxLineLength,
                maxHeaderCount, ioThreads);
    }
}
