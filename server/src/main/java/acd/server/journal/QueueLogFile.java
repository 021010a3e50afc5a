package acd.server.journal;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The queue_log on disk. Any thread hands a finished line over with {@link #append}, which
 * copies it into a slot of a preallocated ring and never blocks or touches the disk. A writer
 * thread of its own drains the ring and appends to the file at most once per flush interval
 * (sooner only when a mebibyte has piled up), syncing each time, so a crash loses at most one
 * interval.
 *
 * <p>When the disk stalls or fails, the writer keeps the lines it holds and tries again at the
 * next interval; the ring fills behind it, and only then are new lines refused. A refused line
 * is counted and reported (metrics, health, a warning), never dropped silently; the engine is
 * never held up for a reporting file.
 */
public final class QueueLogFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueLogFile.class);
    static final int WRITE_BUFFER_BYTES = 1 << 20;
    /** Most lines are well under this; a slot grows once for a longer one and keeps the room. */
    private static final int SLOT_BYTES = 128;
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** One line in the hand-off ring. */
    private static final class Slot {
        byte[] bytes = new byte[SLOT_BYTES];
        int length;
    }

    private final Path path;
    private final RingBuffer<Slot> ring;
    private final EventPoller<Slot> poller;
    private final Writer writer;
    private final AgentRunner runner;
    private final AtomicLong linesWritten = new AtomicLong();
    private final AtomicLong linesLost = new AtomicLong();
    private final AtomicLong writeErrors = new AtomicLong();
    private final AtomicLong flushes = new AtomicLong();
    private final AtomicLong reopens = new AtomicLong();
    private volatile boolean failing;
    private volatile boolean closed;

    private QueueLogFile(QueueLogSettings settings, LongSupplier nanoClock, boolean startWriter) throws IOException {
        this.path = settings.path().toAbsolutePath();
        Path parent = path.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        FileChannel channel = openForAppend(path);
        // The wait strategy is never used: producers only try, and the writer polls.
        this.ring = RingBuffer.createMultiProducer(Slot::new, settings.bufferLines(), new YieldingWaitStrategy());
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.writer = new Writer(channel, TimeUnit.SECONDS.toNanos(settings.flushEverySeconds()), nanoClock);
        if (startWriter) {
            this.runner = new AgentRunner(new SleepingMillisIdleStrategy(5),
                    e -> LOG.error("queue_log writer failed", e), null, writer);
            AgentRunner.startOnThread(runner, r -> {
                Thread t = new Thread(r, "acd-queue-log");
                t.setDaemon(true);
                return t;
            });
        } else {
            this.runner = null;
        }
    }

    private static FileChannel openForAppend(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** What names the file on disk now (inode and device where the system has them), or null if nothing is there. */
    private static Object fileKeyOf(Path path) {
        try {
            return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Opens (creating it and its folder if need be) the file for appending and starts the writer thread. */
    public static QueueLogFile open(QueueLogSettings settings) throws IOException {
        return new QueueLogFile(settings, System::nanoTime, true);
    }

    /** A file whose writer runs only when {@link #writeStep()} is called, on a clock the caller moves. */
    static QueueLogFile openStepped(QueueLogSettings settings, LongSupplier nanoClock) throws IOException {
        return new QueueLogFile(settings, nanoClock, false);
    }

    /**
     * Hands a finished line (ending in a newline) to the writer. Never blocks: false when the
     * hand-off is full, and the line is then counted as lost.
     */
    public boolean append(byte[] line, int offset, int length) {
        if (closed) {
            linesLost.incrementAndGet();
            return false;
        }
        long sequence;
        try {
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            linesLost.incrementAndGet();
            return false;
        }
        try {
            Slot slot = ring.get(sequence);
            if (slot.bytes.length < length) {
                slot.bytes = new byte[length];
            }
            System.arraycopy(line, offset, slot.bytes, 0, length);
            slot.length = length;
        } finally {
            ring.publish(sequence);
        }
        return true;
    }

    /** One turn of the writer, for a file opened with {@link #openStepped}. */
    int writeStep() {
        return writer.doWork();
    }

    public Path path() {
        return path;
    }

    /** Lines that reached the file. */
    public long linesWritten() {
        return linesWritten.get();
    }

    /** Lines that could not be written: refused by a full hand-off, or still held when the file closed. */
    public long linesLost() {
        return linesLost.get();
    }

    /** Failed attempts to write or sync the file. */
    public long writeErrors() {
        return writeErrors.get();
    }

    /** Times the writer wrote and synced the file. */
    /** Times the file was found moved or removed (log rotation) and opened anew. */
    public long reopens() {
        return reopens.get();
    }

    public long flushes() {
        return flushes.get();
    }

    /** Lines handed over but not yet in the file. */
    public long pendingLines() {
        return ring.getBufferSize() - ring.remainingCapacity() + writer.heldLines;
    }

    /** Whether the last attempt to write the file failed. */
    public boolean failing() {
        return failing;
    }

    /** Writes out every line handed over so far, then closes the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (runner != null) {
            runner.close();
        } else {
            writer.onClose();
        }
    }

    private final class Writer implements Agent {
        private FileChannel channel;
        /** The identity of the file the channel has open, to notice when logrotate moves it away. */
        private Object openFileKey;
        private final long flushEveryNanos;
        private final LongSupplier nanoClock;
        private final ByteBuffer held = ByteBuffer.allocateDirect(WRITE_BUFFER_BYTES);
        private final EventPoller.Handler<Slot> take = this::take;
        private volatile int heldLines;
        private long lastAttemptNanos;
        private long lastWarningNanos;
        private long lostWhenWarned;

        Writer(FileChannel channel, long flushEveryNanos, LongSupplier nanoClock) {
            this.channel = channel;
            this.openFileKey = fileKeyOf(path);
            this.flushEveryNanos = flushEveryNanos;
            this.nanoClock = nanoClock;
            this.lastAttemptNanos = nanoClock.getAsLong();
            this.lastWarningNanos = lastAttemptNanos - WARN_EVERY_NANOS;
        }

        /** Room for the longest line; a line polled is taken for good, so it must always fit. */
        private boolean roomForALine() {
            return held.remaining() >= QueueLogLine.MAX_LINE_BYTES;
        }

        private boolean take(Slot slot, long sequence, boolean endOfBatch) {
            held.put(slot.bytes, 0, slot.length);
            heldLines++;
            return roomForALine();
        }

        /** Moves lines from the ring into the write buffer while there is room; true if any moved. */
        private boolean drain() {
            boolean moved = false;
            try {
                while (roomForALine() && poller.poll(take) == EventPoller.PollState.PROCESSING) {
                    moved = true;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return moved;
        }

        @Override
        public int doWork() {
            int work = drain() ? 1 : 0;
            long now = nanoClock.getAsLong();
            boolean due = now - lastAttemptNanos >= flushEveryNanos || (!roomForALine() && !failing);
            if (due) {
                // An idle interval counts too, so a new line waits at most one interval.
                lastAttemptNanos = now;
                if (held.position() > 0) {
                    work += writeOut();
                }
            }
            long lost = linesLost.get();
            if (lost > lostWhenWarned && now - lastWarningNanos >= WARN_EVERY_NANOS) {
                LOG.warn("queue_log {}: {} lines could not be written so far (the writer is {}); see "
                        + "acd_queue_log_lines_lost_total", path, lost, failing ? "failing" : "behind");
                lostWhenWarned = lost;
                lastWarningNanos = now;
            }
            return work;
        }

        /**
         * Follows log rotation: when the file at the path is no longer the one open (moved away
         * by logrotate, or deleted), the open one is closed with what it has and a new file is
         * started at the path, as Asterisk does on "logger reload". Checked once per flush.
         */
        private void reopenIfRotated() throws IOException {
            Object now = fileKeyOf(path);
            if (now != null && now.equals(openFileKey)) {
                return;
            }
            FileChannel fresh = openForAppend(path);
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("queue_log {}: closing the rotated file failed: {}", path, e.toString());
            }
            channel = fresh;
            openFileKey = fileKeyOf(path);
            reopens.incrementAndGet();
            LOG.info("queue_log {} was {}; writing to a new file there", path, now == null ? "removed" : "moved");
        }

        /** Appends and syncs what is held; on failure keeps it for the next attempt. */
        private int writeOut() {
            held.flip();
            try {
                reopenIfRotated();
                while (held.hasRemaining()) {
                    channel.write(held);
                }
                channel.force(false);
                linesWritten.addAndGet(heldLines);
                flushes.incrementAndGet();
                heldLines = 0;
                failing = false;
                return 1;
            } catch (IOException e) {
                writeErrors.incrementAndGet();
                if (!failing) {
                    LOG.warn("queue_log {}: write failed ({}); {} lines held, retrying every interval", path,
                            e.toString(), heldLines);
                }
                failing = true;
                return 0;
            } finally {
                // Whatever was written is gone from the buffer; the rest moves to its front.
                held.compact();
            }
        }

        @Override
        public void onClose() {
            try {
                boolean progress = true;
                while (progress) {
                    boolean moved = drain();
                    boolean wrote = held.position() > 0 && writeOut() > 0;
                    progress = moved || wrote;
                }
                long unwritten = heldLines + ring.getBufferSize() - ring.remainingCapacity();
                if (unwritten > 0) {
                    linesLost.addAndGet(unwritten);
                    LOG.warn("queue_log {}: {} lines could not be written before closing", path, unwritten);
                }
            } finally {
                try {
                    channel.close();
                } catch (IOException e) {
                    LOG.warn("queue_log {}: close failed: {}", path, e.toString());
                }
            }
        }

        @Override
        public String roleName() {
            return "queue-log-writer";
        }
    }
}
