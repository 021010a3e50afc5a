package acd.pbxsim.pbx;

import java.util.function.LongSupplier;

/**
 * The simulator's clock. It runs {@code speed} times faster than the wall clock so prompts,
 * ring times and talk times can be compressed in tests; every duration the simulator schedules
 * is in simulated milliseconds and turned into wall time here, in one place.
 */
public final class SimTime {

    private final long startEpochMs;
    private final double speed;
    private final LongSupplier nanoClock;
    private final long startNanos;

    public SimTime(long startEpochMs, double speed, LongSupplier nanoClock) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number: " + speed);
        }
        this.startEpochMs = startEpochMs;
        this.speed = speed;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    public SimTime(long startEpochMs, double speed) {
        this(startEpochMs, speed, System::nanoTime);
    }

    /** Simulated epoch milliseconds. */
    public long nowMs() {
        return startEpochMs + elapsedMs();
    }

    /** Simulated milliseconds since the simulator started. */
    public long elapsedMs() {
        return (long) ((nanoClock.getAsLong() - startNanos) / 1_000_000.0 * speed);
    }

    public long epochSeconds() {
        return Math.floorDiv(nowMs(), 1000);
    }

    /** Wall nanoseconds a simulated duration takes. */
    public long wallNanos(long simMs) {
        return (long) (Math.max(0, simMs) * 1_000_000.0 / speed);
    }

    public double speed() {
        return speed;
    }
}
