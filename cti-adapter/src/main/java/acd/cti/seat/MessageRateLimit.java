package acd.cti.seat;

/**
 * A token bucket per connection: {@code perSecond} messages a second with bursts of as many.
 * A desktop over the limit has the message dropped; one that stays over it (drops adding up to
 * a further second's worth before the bucket has filled again) is flooding and gets closed.
 * Confined to the connection's event loop.
 */
final class MessageRateLimit {
    enum Verdict { PASS, FIRST_DROP, DROP, FLOOD }

    private final double capacity;
    private final double tokensPerNano;
    private final int floodDrops;
    private double tokens;
    private long lastNanos;
    private int drops;

    MessageRateLimit(int perSecond, long nowNanos) {
        this.capacity = perSecond;
        this.tokensPerNano = perSecond / 1e9;
        this.floodDrops = perSecond;
        this.tokens = perSecond;
        this.lastNanos = nowNanos;
    }

    Verdict admit(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - lastNanos);
        lastNanos = nowNanos;
        tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
        if (tokens >= capacity) {
            // calm again: earlier drops are forgiven
            drops = 0;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.PASS;
        }
        drops++;
        if (drops >= floodDrops) {
            return Verdict.FLOOD;
        }
        return drops == 1 ? Verdict.FIRST_DROP : Verdict.DROP;
    }
}
