package acd.server.journal;

import java.nio.file.Path;

/**
 * Where the queue_log goes and how often it reaches the disk.
 *
 * @param file              the file lines are appended to; relative paths are taken from the working directory
 * @param flushEverySeconds lines reach the file at most this long after the event; a crash loses at most that
 * @param bufferLines       lines the hand-off between the engine thread and the writer holds, a power of
 *                          two: what absorbs a stalled disk before lines are lost (and counted)
 */
public record QueueLogSettings(String file, int flushEverySeconds, int bufferLines) {
    public static final QueueLogSettings DEFAULTS = new QueueLogSettings("data/queue_log", 1, 32_768);
    public static final int MIN_BUFFER_LINES = 1024;
    public static final int MAX_BUFFER_LINES = 1 << 20;
    public static final int MAX_FLUSH_EVERY_SECONDS = 3600;

    public QueueLogSettings {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("queueLog.file must name a file");
        }
        if (flushEverySeconds < 1 || flushEverySeconds > MAX_FLUSH_EVERY_SECONDS) {
            throw new IllegalArgumentException("queueLog.flushEverySeconds must be 1.." + MAX_FLUSH_EVERY_SECONDS
                    + ", found " + flushEverySeconds);
        }
        if (bufferLines < MIN_BUFFER_LINES || bufferLines > MAX_BUFFER_LINES || Integer.bitCount(bufferLines) != 1) {
            throw new IllegalArgumentException("queueLog.bufferLines must be a power of two in " + MIN_BUFFER_LINES
                    + ".." + MAX_BUFFER_LINES + ", found " + bufferLines);
        }
    }

    public Path path() {
        return Path.of(file);
    }

    public QueueLogSettings withFile(Path newFile) {
        return new QueueLogSettings(newFile.toString(), flushEverySeconds, bufferLines);
    }

    public QueueLogSettings withFlushEverySeconds(int seconds) {
        return new QueueLogSettings(file, seconds, bufferLines);
    }

    public QueueLogSettings withBufferLines(int lines) {
        return new QueueLogSettings(file, flushEverySeconds, lines);
    }
}
