package acd.server.record;

import acd.core.engine.EngineEvent;
import acd.core.record.EventCodec;
import acd.core.record.RecordingHeader;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes every engine input, and the directives each one led to, to a recording file
 * ({@link RecordingFormat}). The engine thread encodes into the preallocated slots of a
 * Disruptor ring of its own and never touches the disk; a writer thread drains the ring to the
 * file. A full ring makes the engine wait for the disk rather than leave a gap, since a
 * recording with a hole replays nothing true. A disk that fails ends the recording, loudly, and
 * routing carries on.
 */
public final class EngineRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineRecorder.class);
    private static final int SLOTS = 1 << 14;

    /** One record waiting for the disk; its buffer is reused and grows to the largest record. */
    private static final class Slot {
        int kind;
        ByteBuffer bytes = ByteBuffer.allocate(256);

        ByteBuffer clear(int capacity) {
            if (bytes.capacity() < capacity) {
                bytes = ByteBuffer.allocate(Math.max(capacity, bytes.capacity() * 2));
            }
            return bytes.clear();
        }
    }

    private final Path path;
    private final FileChannel channel;
    private final OutputStream out;
    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;
    private final byte[] frame = new byte[5];
    private final AtomicLong recordsWritten = new AtomicLong();
    private final AtomicLong engineWaits = new AtomicLong();
    private volatile String failure;
    private boolean closed;

    private EngineRecorder(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        this.disruptor = new Disruptor<>(Slot::new, SLOTS, r -> {
            Thread t = new Thread(r, "acd-recorder");
            t.setDaemon(true);
            return t;
        }, ProducerType.SINGLE, new BlockingWaitStrategy());
        disruptor.handleEventsWith((EventHandler<Slot>) this::write);
        this.ring = disruptor.getRingBuffer();
    }

    /**
     * Creates (or replaces) the recording and writes its header.
     *
     * @throws IOException when the file cannot be written: the server does not start
     */
    public static EngineRecorder open(Path path, RecordingHeader header) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new IOException("cannot record to " + path.toAbsolutePath() + ": " + e, e);
        }
        EngineRecorder recorder = new EngineRecorder(path, channel);
        try {
            byte[] headerBytes = header.encode();
            byte[] length = new byte[4];
            RecordingFormat.putInt(length, 0, headerBytes.length);
            recorder.out.write(RecordingFormat.MAGIC);
            recorder.out.write(length);
            recorder.out.write(headerBytes);
            recorder.out.flush();
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot record to " + path.toAbsolutePath() + ": " + e, e);
        }
        recorder.disruptor.start();
        return recorder;
    }

    public Path path() {
        return path;
    }

    // ------------------------------------------------------------------ engine thread

    /** Records an input before the engine applies it. */
    public void input(EngineEvent event) {
        long sequence = claim();
        if (sequence < 0) {
            return;
        }
        Slot slot = ring.get(sequence);
        try {
            slot.kind = RecordingFormat.INPUT;
            EventCodec.encode(event, slot.clear(EventCodec.maxLength(event)));
            slot.bytes.flip();
        } finally {
            ring.publish(sequence);
        }
    }

    /** Records a directive the engine gave for the input last recorded. */
    public void directive(CharSequence line) {
        long sequence = claim();
        if (sequence < 0) {
            return;
        }
        Slot slot = ring.get(sequence);
        try {
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            slot.kind = RecordingFormat.DIRECTIVE;
            slot.clear(bytes.length).put(bytes).flip();
        } finally {
            ring.publish(sequence);
        }
    }

    /** A slot, waiting for the disk while the ring is full; -1 once the recording has failed. */
    private long claim() {
        boolean waited = false;
        while (failure == null) {
            try {
                return ring.tryNext();
            } catch (InsufficientCapacityException full) {
                if (!waited) {
                    waited = true;
                    engineWaits.incrementAndGet();
                }
                LockSupport.parkNanos(50_000);
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ writer thread

    private void write(Slot slot, long sequence, boolean endOfBatch) {
        if (failure != null) {
            return;
        }
        try {
            ByteBuffer bytes = slot.bytes;
            int length = bytes.remaining();
            if (length > RecordingFormat.MAX_RECORD_BYTES) {
                fail("a record of " + length + " bytes is beyond what a recording holds", null);
                return;
            }
            RecordingFormat.putInt(frame, 0, length);
            frame[4] = (byte) slot.kind;
            out.write(frame);
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), length);
            recordsWritten.incrementAndGet();
            if (endOfBatch) {
                out.flush();
            }
        } catch (IOException e) {
            fail("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private void fail(String why, Exception e) {
        if (failure == null) {
            failure = why;
            LOG.error("RECORDING STOPPED: {}; the recording in {} ends here, routing carries on", why, path, e);
        }
    }

    /** Why the recording stopped, or null while it records. */
    public String failure() {
        return failure;
    }

    public long recordsWritten() {
        return recordsWritten.get();
    }

    /** How often the engine waited for the disk to catch up. */
    public long engineWaits() {
        return engineWaits.get();
    }

    /** Writes out what the engine has recorded and closes the file; once the engine has stopped. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Waits on the writer's own sequence: the Disruptor's shutdown skips a writer whose thread
        // has not started running yet, and would drop what it has still to write.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ring.getMinimumGatingSequence() < ring.getCursor() && failure == null) {
            if (System.nanoTime() > deadline) {
                fail("the writer did not catch up within 10 s of the stop", null);
                break;
            }
            LockSupport.parkNanos(1_000_000);
        }
        disruptor.halt();
        try {
            out.flush();
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            fail("cannot close " + path + ": " + e.getMessage(), e);
        }
    }
}
