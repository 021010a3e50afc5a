package acd.bench.agi;

import java.time.Duration;

/**
 * The load one run offers a FastAGI server; both servers of a comparison get the same plan.
 *
 * @param concurrency     the most calls in AGI at once; a finished call is replaced
 * @param sessions        calls to measure after the warm-up, {@code 0} for a timed run
 * @param warmUp          unmeasured load first, so both servers are measured with compiled code
 * @param duration        the measured window of a timed run; a counted run stops at this bound too
 * @param replyDelayMs    how long the played Asterisk takes to answer each command, as playback
 *                        and digit collection take on a real channel; it keeps calls open
 * @param sessionsPerSecond how fast calls are started while below the concurrency; {@code 0}
 *                        starts a replacement as soon as a call ends
 * @param commandTimeoutMs the longest wait for the server's next command (or for it to close
 *                        after the hang-up) before the call counts as timed out
 * @param clientThreads   event-loop threads of the load generator
 */
public record LoadPlan(int concurrency, long sessions, Duration warmUp, Duration duration, int replyDelayMs,
                       double sessionsPerSecond, int commandTimeoutMs, int clientThreads) {

    public LoadPlan {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive, was " + concurrency);
        }
        if (sessions < 0) {
            throw new IllegalArgumentException("sessions must be 0 or more, was " + sessions);
        }
        if (warmUp.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative, was " + warmUp);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
        if (replyDelayMs < 0) {
            throw new IllegalArgumentException("reply delay must be 0 or more, was " + replyDelayMs);
        }
        if (sessionsPerSecond < 0 || Double.isNaN(sessionsPerSecond)) {
            throw new IllegalArgumentException("rate must be 0 or more, was " + sessionsPerSecond);
        }
        if (commandTimeoutMs < 1) {
            throw new IllegalArgumentException("command timeout must be positive, was " + commandTimeoutMs);
        }
        if (clientThreads < 1) {
            throw new IllegalArgumentException("client threads must be positive, was " + clientThreads);
        }
    }

    /** A counted run measures exactly {@link #sessions()} calls; a timed one measures a window. */
    public boolean counted() {
        return sessions > 0;
    }

    /**
     * The interval at which one call would send its commands if the server answered at once.
     * Latencies are corrected against it: a server stalled for longer kept the call from sending
     * the commands it would have sent meanwhile. Without a reply delay calls are not paced and
     * there is no schedule to fall behind.
     */
    public long expectedIntervalNanos() {
        return replyDelayMs * 1_000_000L;
    }
}
