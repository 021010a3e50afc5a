package acd.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Asterisk-Java hands AMI events to listeners through a bounded queue and, when it is full,
 * drops the event with nothing but a log line. This counts those lines so a drop shows in
 * {@code /api/health} and the metrics instead of vanishing; the call flow's resync then repairs
 * what was missed.
 */
final class AmiDropWatch extends TurboFilter {
    private static final String PUMP_LOGGER = "org.asteriskjava.manager.internal.AsyncEventPump";
    private final AtomicLong dropped = new AtomicLong();

    static AmiDropWatch install() {
        AmiDropWatch watch = new AmiDropWatch();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            watch.setContext(context);
            watch.start();
            context.addTurboFilter(watch);
        }
        return watch;
    }

    long droppedEvents() {
        return dropped.get();
    }

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                              Object[] params, Throwable t) {
        if (level == Level.ERROR && format != null && PUMP_LOGGER.equals(logger.getName())
                && format.contains("queue is full")) {
            dropped.incrementAndGet();
        }
        return FilterReply.NEUTRAL;
    }
}
