package acd.server;

import acd.core.ring.EngineRing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The engine has no clock of its own: this publishes a TICK with the server's time (the wall
 * clock, or the built-in PBX simulator's clock when it plays Asterisk) every few milliseconds so
 * its timers (ring timeouts, wrap-up, tier widening) fire on time.
 */
final class Ticker implements AutoCloseable {
    static final long PERIOD_MS = 50;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "acd-ticker");
        t.setDaemon(true);
        return t;
    });

    Ticker(EngineRing ring, LongSupplier clockMs) {
        timer.scheduleAtFixedRate(() -> ring.publish(e -> e.tick(clockMs.getAsLong())), PERIOD_MS, PERIOD_MS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
