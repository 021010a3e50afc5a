package acd.cti.seat;

/**
 * How the seat gateway runs. Times in milliseconds.
 *
 * @param path                the WebSocket path (default {@code /cti})
 * @param maxFrameBytes       the largest message accepted; a bigger one closes the connection with 1009
 * @param heartbeatIntervalMs how often a desktop must send something (default 15 s)
 * @param heartbeatGraceMs    slack on top of the interval before the desktop counts as lost (default 10 s)
 * @param loginTimeoutMs      how long a connection may stay without a login (default 30 s)
 * @param figuresEveryMs      how often supervisors get queue figures (default 2 s)
 * @param messagesPerSecond   per-connection message rate, also the burst allowed (default 20)
 * @param maxLoginFailures    failed logins after which a connection is closed (default 3)
 * @param loginThreads        threads that check secrets, off the network threads (default 2)
 * @param ioThreads           the desk's own event loops: every desktop connection runs on one of these
 *                            from its handshake on, apart from the HTTP API's (default 2)
 * @param maxConnections      desktops, supervisors and wallboards connected at once; one more is
 *                            refused at its handshake with 503 (default 2000)
 */
public record SeatGatewaySettings(String path, int maxFrameBytes, long heartbeatIntervalMs, long heartbeatGraceMs,
                                  long loginTimeoutMs, long figuresEveryMs, int messagesPerSecond,
                                  int maxLoginFailures, int loginThreads, int ioThreads,
                                  int maxConnections) {

    public SeatGatewaySettings {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/'");
        }
        require(maxFrameBytes >= 1024, "maxFrameBytes must be at least 1024");
        require(heartbeatIntervalMs > 0, "heartbeatIntervalMs must be above 0");
        require(heartbeatGraceMs >= 0, "heartbeatGraceMs must be 0 or more");
        require(loginTimeoutMs > 0, "loginTimeoutMs must be above 0");
        require(figuresEveryMs > 0, "figuresEveryMs must be above 0");
        require(messagesPerSecond > 0, "messagesPerSecond must be above 0");
        require(maxLoginFailures > 0, "maxLoginFailures must be above 0");
        require(loginThreads > 0, "loginThreads must be above 0");
        require(ioThreads > 0, "ioThreads must be above 0");
        require(maxConnections > 0, "maxConnections must be above 0");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }

    public static SeatGatewaySettings defaults() {
        return new SeatGatewaySettings("/cti", 64 * 1024, 15_000, 10_000, 30_000, 2_000, 20, 3, 2, 2, 2_000);
    }

    /** Silence longer than this makes a desktop lost. */
    public long silenceLimitMs() {
        return heartbeatIntervalMs + heartbeatGraceMs;
    }

    public SeatGatewaySettings withHeartbeat(long intervalMs, long graceMs) {
        return new SeatGatewaySettings(path, maxFrameBytes, intervalMs, graceMs, loginTimeoutMs, figuresEveryMs,
                messagesPerSecond, maxLoginFailures, loginThreads, ioThreads, maxConnections);
    }

    public SeatGatewaySettings withLoginTimeoutMs(long ms) {
        return new SeatGatewaySettings(path, maxFrameBytes, heartbeatIntervalMs, heartbeatGraceMs, ms, figuresEveryMs,
                messagesPerSecond, maxLoginFailures, loginThreads, ioThreads, maxConnections);
    }

    public SeatGatewaySettings withFiguresEveryMs(long ms) {
        return new SeatGatewaySettings(path, maxFrameBytes, heartbeatIntervalMs, heartbeatGraceMs, loginTimeoutMs, ms,
                messagesPerSecond, maxLoginFailures, loginThreads, ioThreads, maxConnections);
    }

    public SeatGatewaySettings withMessagesPerSecond(int perSecond) {
        return new SeatGatewaySettings(path, maxFrameBytes, heartbeatIntervalMs, heartbeatGraceMs, loginTimeoutMs,
                figuresEveryMs, perSecond, maxLoginFailures, loginThreads, ioThreads, maxConnections);
    }

    public SeatGatewaySettings withMaxLoginFailures(int failures) {
        return new SeatGatewaySettings(path, maxFrameBytes, heartbeatIntervalMs, heartbeatGraceMs, loginTimeoutMs,
                figuresEveryMs, messagesPerSecond, failures, loginThreads, ioThreads, maxConnections);
    }

    public SeatGatewaySettings withMaxFrameBytes(int bytes) {
        return new SeatGatewaySettings(path, bytes, heartbeatIntervalMs, heartbeatGraceMs, loginTimeoutMs,
                figuresEveryMs, messagesPerSecond, maxLoginFailures, loginThreads, ioThreads, maxConnections);
    }

    public SeatGatewaySettings withIoThreads(int threads) {
        return new SeatGatewaySettings(path, maxFrameBytes, heartbeatIntervalMs, heartbeatGraceMs, loginTimeoutMs,
                figuresEveryMs, messagesPerSecond, maxLoginFailures, loginThreads, threads, maxConnections);
    }

    public SeatGatewaySettings withMaxConnections(int connections) {
        return new SeatGatewaySettings(path, maxFrameBytes, heartbeatIntervalMs, heartbeatGraceMs, loginTimeoutMs,
                figuresEveryMs, messagesPerSecond, maxLoginFailures, loginThreads, ioThreads, connections);
    }
}
