package acd.server.record;

import acd.core.config.BusinessHoursLoader;
import acd.core.config.ConfigSource;
import acd.core.config.RoutingConfigLoader;
import acd.core.model.BusinessHours;
import acd.core.engine.AcdEngine;
import acd.core.engine.DirectiveFanOut;
import acd.core.engine.EngineEvent;
import acd.core.engine.ListenerFanOut;
import acd.core.engine.RoutingEngine;
import acd.core.metrics.QueueReports;
import acd.core.model.RoutingConfig;
import acd.core.record.DirectiveLines;
import acd.core.record.EventCodec;
import acd.core.record.RecordingHeader;
import acd.core.ring.EngineRing;
import acd.core.ring.RingWaitStrategy;
import acd.server.http.HttpApi;
import acd.server.journal.QueueLogFile;
import acd.server.journal.QueueLogJournal;
import acd.server.journal.QueueLogSettings;
import com.lmax.disruptor.dsl.ProducerType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Feeds a recording into a fresh engine built from the recording's own routing files and writes
 * what it decides: {@code queue_log} (as the server writes it), {@code directives} (one
 * {@link DirectiveLines} line each) and {@code queues.json} (the {@code /api/queues} document
 * once the last event is applied). The replayed directives are checked against the recorded
 * ones; the first that differs is reported with its place.
 *
 * <p>At full speed the events are applied on the caller's thread, as fast as they can be read.
 * At a given speed they go through the engine ring as the server's do, each published when its
 * recorded time comes round again, that many times faster.
 */
public final class Replay {
    private static final int RING_SIZE = 1 << 14;


    /**
     * What a replay found.
     *
     * @param inputs     events applied
     * @param directives directives the replayed engine gave
     * @param divergence the first directive that differs from the recording, or null when none does
     */
    public record Result(long inputs, long directives, String divergence, boolean cutShort, Path queueLog,
                         Path directivesFile, Path queuesFile) {
        public boolean identical() {
            return divergence == null;
        }
    }

    private Replay() {
    }

    /**
     * @param speed 0 for as fast as possible on this thread; else the pace, through the engine ring
     */
    public static Result run(Path recording, Path outDir, double speed) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        Path queueLogPath = outDir.resolve("queue_log");
        Path directivesPath = outDir.resolve("directives");
        Path queuesPath = outDir.resolve("queues.json");
        Files.deleteIfExists(queueLogPath);
        try (RecordingReader reader = RecordingReader.open(recording);
             RecordingReader recorded = RecordingReader.open(recording);
             BufferedWriter directivesOut = Files.newBufferedWriter(directivesPath, StandardCharsets.UTF_8)) {
            RecordingHeader header = reader.header();
            List<ConfigSource> routingFiles = new ArrayList<>();
            ConfigSource hoursFile = null;
            for (ConfigSource file : header.routing()) {
                if (file.name().endsWith(BusinessHoursLoader.FILE_NAME)) {
                    hoursFile = file;
                } else {
                    routingFiles.add(file);
                }
            }
            RoutingConfig config = RoutingConfigLoader.parse(routingFiles);
            BusinessHours hours = hoursFile == null ? BusinessHours.ALWAYS_OPEN
                    : BusinessHoursLoader.parse(hoursFile, config);
            QueueLogFile queueLog = QueueLogFile.open(QueueLogSettings.DEFAULTS.withFile(queueLogPath)
                    .withBufferLines(QueueLogSettings.MAX_BUFFER_LINES));
            QueueLogJournal journal = new QueueLogJournal(config, queueLog);
            journal.serverStarted(header.startMs());
            DirectiveCheck check = new DirectiveCheck(recorded, directivesOut);
            AcdEngine engine = new AcdEngine(config, hours, header.startMs(),
                    new DirectiveFanOut(new DirectiveLines(check::replayed), journal), new ListenerFanOut(journal));
            long inputs;
            try {
                inputs = speed > 0 ? paced(reader, engine, speed) : direct(reader, engine);
            } finally {
                queueLog.close();
            }
            if (queueLog.linesLost() > 0 || journal.failures() > 0) {
                throw new IOException("the replay's queue_log lost " + queueLog.linesLost() + " lines and failed "
                        + journal.failures() + " times: it is not the whole log");
            }
            check.finish();
            // Today's counts, as the live server's /api/queues shows them (with nothing stored before the run).
            Files.write(queuesPath, HttpApi.jsonBytes(new QueueReports(config, engine.board(),
                    new acd.core.metrics.TodaysTraffic(engine.board(), hours::zone,
                    engine.board()::lastEventTimeMs)).all()));
            return new Result(inputs, check.replayed, check.divergence, reader.cutShort(), queueLogPath,
                    directivesPath, queuesPath);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static long direct(RecordingReader reader, RoutingEngine engine) throws IOException {
        EngineEvent event = new EngineEvent();
        long inputs = 0;
        while (reader.next()) {
            if (reader.isInput()) {
                engine.onEvent(decode(reader, event));
                inputs++;
            }
        }
        return inputs;
    }

    private static long paced(RecordingReader reader, RoutingEngine engine, double speed)
            throws IOException, InterruptedException {
        EngineRing ring = new EngineRing(RING_SIZE, RingWaitStrategy.BLOCKING, ProducerType.SINGLE);
        CompletableFuture<EngineRing.Failure> failed = new CompletableFuture<>();
        ring.start(engine, null, failed::complete);
        EngineEvent event = new EngineEvent();
        long inputs = 0;
        long firstMs = Long.MIN_VALUE;
        long startNanos = System.nanoTime();
        try {
            while (reader.next() && !failed.isDone()) {
                if (!reader.isInput()) {
                    continue;
                }
                decode(reader, event);
                if (firstMs == Long.MIN_VALUE) {
                    firstMs = event.timeMs;
                }
                long dueNanos = startNanos + (long) ((event.timeMs - firstMs) * 1e6 / speed);
                long waitNanos = dueNanos - System.nanoTime();
                if (waitNanos > 0) {
                    TimeUnit.NANOSECONDS.sleep(waitNanos);
                }
                ring.publish(event);
                inputs++;
            }
        } finally {
            ring.close();
        }
        if (failed.isDone()) {
            EngineRing.Failure failure = failed.getNow(null);
            throw new IOException("the replayed engine stopped at " + failure.event() + ": " + failure.cause(),
                    failure.cause());
        }
        return inputs;
    }

    private static EngineEvent decode(RecordingReader reader, EngineEvent into) throws IOException {
        try {
            return EventCodec.decode(reader.payload(), into);
        } catch (IllegalArgumentException e) {
            throw new IOException("record " + reader.record() + " is not an engine event: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the replayed directives and compares them, in order, with the recorded ones, read
     * by a second reader of the same file.
     */
    private static final class DirectiveCheck {
        private final RecordingReader recorded;
        private final BufferedWriter out;
        long replayed;
        String divergence;

        DirectiveCheck(RecordingReader recorded, BufferedWriter out) {
            this.recorded = recorded;
            this.out = out;
        }

        void replayed(CharSequence line) {
            replayed++;
            try {
                out.append(line).append('\n');
                if (divergence != null) {
                    return;
                }
                String expected = nextRecorded();
                if (!line.toString().equals(expected)) {
                    divergence = "directive " + replayed + ": recorded " + (expected == null ? "nothing"
                            : "'" + expected + "'") + ", replayed '" + line + "'";
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String nextRecorded() throws IOException {
            while (recorded.next()) {
                if (recorded.isDirective()) {
                    return StandardCharsets.UTF_8.decode(recorded.payload()).toString();
                }
            }
            return null;
        }

        void finish() throws IOException {
            if (divergence == null) {
                String extra = nextRecorded();
                if (extra != null) {
                    divergence = "directive " + (replayed + 1) + ": recorded '" + extra + "', replayed nothing";
                }
            }
        }
    }
}
