package acd.core.ring;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How the engine thread waits for events. The default, {@link #BLOCKING}, sleeps on a lock
 * while idle: on a 2-core machine shared with the Netty I/O threads a spinning consumer would
 * starve them. {@link #BUSY_SPIN} and {@link #YIELDING} are for dedicated cores only.
 */
public enum RingWaitStrategy {
    BLOCKING,
    SLEEPING,
    PHASED_BACKOFF,
    YIELDING,
    BUSY_SPIN;

    public WaitStrategy create() {
        return switch (this) {
            case BLOCKING -> new BlockingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case PHASED_BACKOFF -> PhasedBackoffWaitStrategy.withLiteLock(10, 100, TimeUnit.MICROSECONDS);
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
        };
    }

    /** Parses {@code blocking}, {@code busy-spin}, {@code PHASED_BACKOFF} and the like. */
    public static RingWaitStrategy parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (RingWaitStrategy s : values()) {
            if (s.name().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown wait strategy '" + text + "'; expected one of "
                + "blocking, sleeping, phased-backoff, yielding, busy-spin");
    }
}
