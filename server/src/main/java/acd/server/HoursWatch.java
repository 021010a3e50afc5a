package acd.server;

import acd.core.config.BusinessHoursLoader;
import acd.core.config.ConfigError;
import acd.core.config.ConfigSource;
import acd.core.model.BusinessHours;
import acd.core.model.RoutingConfig;
import acd.core.ring.EngineRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Takes an edit of {@code config/hours.yaml} without a restart: the file is read every few
 * seconds, and a changed text that reads well goes to the engine as an event (so a recording
 * replays it) and to whoever says the hours to callers. A text with a mistake is logged with
 * file, line and reason, shown on {@code /api/health}, and the hours in force stay.
 */
final class HoursWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HoursWatch.class);

    private final Path file;
    private final RoutingConfig routing;
    private final EngineRing ring;
    private final Consumer<BusinessHours> sayers;
    private final LongSupplier clockMs;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "acd-hours-watch");
        t.setDaemon(true);
        return t;
    });
    private String applied;
    private volatile String problem;

    /** @param applied the text the engine started with, or null when there was no file */
    HoursWatch(Path file, String applied, RoutingConfig routing, EngineRing ring, Consumer<BusinessHours> sayers,
               LongSupplier clockMs) {
        this.file = file;
        this.applied = applied;
        this.routing = routing;
        this.ring = ring;
        this.sayers = sayers;
        this.clockMs = clockMs;
    }

    void start(long everyMs) {
        timer.scheduleWithFixedDelay(this::check, everyMs, everyMs, TimeUnit.MILLISECONDS);
    }

    /** Reads the file and applies it when it changed; on the watch's thread, or a test's. */
    void check() {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException gone) {
            return;
        } catch (IOException | RuntimeException e) {
            problem = file + " cannot be read: " + e;
            return;
        }
        if (text.equals(applied)) {
            return;
        }
        applied = text;
        BusinessHours hours;
        try {
            hours = BusinessHoursLoader.parse(new ConfigSource(file.toString(), text), routing);
        } catch (ConfigError e) {
            problem = e.getMessage();
            LOG.error("{} changed but was not applied; the hours in force stay:\n{}", file, e.getMessage());
            return;
        }
        problem = null;
        sayers.accept(hours);
        long now = clockMs.getAsLong();
        ring.publish(event -> event.hoursChanged(now, text));
        LOG.info("opening hours reloaded from {}", file);
    }

    /** What is wrong with the file's last edit, or null when it was applied. */
    String problem() {
        return problem;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
