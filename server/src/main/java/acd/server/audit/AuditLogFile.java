package acd.server.audit;

import acd.cti.audit.AuditEvent;
import acd.cti.audit.AuditTrail;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit log: one JSON object per line, for a SIEM to take as it is, apart from the
 * application log. Each line has {@code time} (ISO 8601, UTC, milliseconds), {@code event},
 * {@code who}, {@code from}, {@code what}, {@code outcome} and {@code detail}.
 *
 * <p>Network threads hand events over without waiting; a writer thread of its own appends them
 * and flushes after each batch. Should the hand-off fill up (a disk that stalls under a storm of
 * refusals), further events are counted as lost and a warning is logged, rather than a desktop
 * waiting on the disk.
 */
public final class AuditLogFile implements AuditTrail, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogFile.class);
    private static final int BACKLOG = 16_384;
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path path;
    private final OutputStream out;
    private final JsonFactory json = new JsonFactory();
    private final BlockingQueue<AuditEvent> backlog = new ArrayBlockingQueue<>(BACKLOG);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;
    private volatile long lastWarnNanos;

    /** Opens {@code file} for appending, creating its folder; a file that cannot be opened stops the start. */
    public AuditLogFile(Path file) throws IOException {
        this.path = file.toAbsolutePath();
        Path parent = path.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        this.writer = new Thread(this::drain, "acd-audit");
        writer.setDaemon(true);
        writer.start();
    }

    public Path path() {
        return path;
    }

    @Override
    public void record(AuditEvent event) {
        if (closed || !backlog.offer(event)) {
            lost.incrementAndGet();
            long now = System.nanoTime();
            if (now - lastWarnNanos > WARN_EVERY_NANOS) {
                lastWarnNanos = now;
                LOG.warn("audit log {} is behind; {} events lost so far", path, lost.get());
            }
        }
    }

    /** Events on disk so far. */
    public long written() {
        return written.get();
    }

    /** Events that found the hand-off full. */
    public long lost() {
        return lost.get();
    }

    private void drain() {
        List<AuditEvent> batch = new ArrayList<>();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        while (!closed || !backlog.isEmpty()) {
            try {
                AuditEvent first = backlog.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                backlog.drainTo(batch);
                for (AuditEvent event : batch) {
                    writeLine(event, lines);
                }
                out.write(lines.toByteArray());
                out.flush();
                written.addAndGet(batch.size());
            } catch (InterruptedException e) {
                if (!closed) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (IOException e) {
                lost.addAndGet(batch.size());
                LOG.error("cannot write the audit log {}: {}", path, e.toString());
            } finally {
                batch.clear();
                lines.reset();
            }
        }
    }

    private void writeLine(AuditEvent event, ByteArrayOutputStream lines) throws IOException {
        try (JsonGenerator g = json.createGenerator(lines, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("time", TIME.format(Instant.ofEpochMilli(event.timeMs())));
            g.writeStringField("event", event.event());
            g.writeStringField("who", event.who());
            g.writeStringField("from", event.from());
            g.writeStringField("what", event.what());
            g.writeStringField("outcome", event.outcome());
            g.writeStringField("detail", event.detail() == null ? "" : event.detail());
            g.writeEndObject();
        }
        lines.write('\n');
    }

    /** Writes what is still handed over, then closes the file. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing the audit log {} failed: {}", path, e.toString());
        }
    }
}
