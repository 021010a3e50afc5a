package acd.cti.seat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Everything logged anywhere while a test runs, with the seat gateway's own loggers opened up to
 * DEBUG: what must never be logged must not hide in a debug line either.
 */
final class CapturedLog implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger seat = (Logger) LoggerFactory.getLogger("acd.cti.seat");
    private final Level seatLevel = seat.getLevel();

    CapturedLog() {
        appender.start();
        root.addAppender(appender);
        seat.setLevel(Level.DEBUG);
    }

    /** Each line as written, with the messages of any exceptions attached to it. */
    List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream().map(CapturedLog::render).toList();
        }
    }

    List<String> linesContaining(String text) {
        return lines().stream().filter(line -> line.contains(text)).toList();
    }

    private static String render(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return line.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        seat.setLevel(seatLevel);
        appender.stop();
    }
}
