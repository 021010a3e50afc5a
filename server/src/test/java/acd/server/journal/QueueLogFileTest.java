package acd.server.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class QueueLogFileTest {
    @TempDir
    Path dir;

    private final AtomicLong clockNanos = new AtomicLong(1_000_000_000L);
    private final QueueLogLine line = new QueueLogLine();

    private boolean append(QueueLogFile file, long n) {
        line.begin(1_795_443_115_000L + n, "1795443115." + n, "general", "NONE", "ENTERQUEUE")
                .empty().text("5550200").number(1).end();
        return file.append(line.bytes(), 0, line.length());
    }

    private void advanceMs(long ms) {
        clockNanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    private List<String> read(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void linesReachTheFileAtTheFlushIntervalAndNotBefore() throws Exception {
        Path path = dir.resolve("logs/queue_log");
        QueueLogFile file = QueueLogFile.openStepped(QueueLogSettings.DEFAULTS.withFile(path).withFlushEverySeconds(2),
                clockNanos::get);
        assertTrue(Files.exists(path), "the file and its folder are made at open");
        append(file, 1);
        file.writeStep();
        advanceMs(1_999);
        file.writeStep();
        assertEquals(List.of(), read(path), "held until the interval is up");
        advanceMs(1);
        file.writeStep();
        assertEquals(1, read(path).size());
        assertEquals(1, file.flushes());

        append(file, 2);
        append(file, 3);
        advanceMs(1_000);
        file.writeStep();
        assertEquals(1, read(path).size(), "at most one write per interval");
        advanceMs(1_000);
        file.writeStep();
        assertEquals(3, read(path).size());
        assertEquals(2, file.flushes());
        assertEquals(3, file.linesWritten());
        file.close();
    }

    @Test
    void anIdleStretchDoesNotDelayTheNextLineBeyondOneInterval() throws Exception {
        Path path = dir.resolve("queue_log");
        QueueLogFile file = QueueLogFile.openStepped(QueueLogSettings.DEFAULTS.withFile(path), clockNanos::get);
        for (int i = 0; i < 10; i++) {
            advanceMs(700);
            file.writeStep();
        }
        append(file, 1);
        advanceMs(1_000);
        file.writeStep();
        assertEquals(1, read(path).size());
        assertEquals(0, file.flushes() - 1, "idle intervals write nothing");
        file.close();
    }

    @Test
    void theWriterThreadWritesWithinTheIntervalAndClosingWritesTheRest() throws Exception {
        Path path = dir.resolve("queue_log");
        QueueLogFile file = QueueLogFile.open(QueueLogSettings.DEFAULTS.withFile(path));
        append(file, 1);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3_000);
        while (read(path).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, read(path).size(), "written within the 1 s interval (3 s allowed for a busy machine)");
        for (int i = 2; i <= 500; i++) {
            append(file, i);
        }
        file.close();
        assertEquals(500, read(path).size());
        assertEquals(500, file.linesWritten());
        assertEquals(0, file.linesLost());
        assertFalse(append(file, 501), "a closed file refuses lines");
        assertEquals(1, file.linesLost(), "and counts them");
    }

    @Test
    void aStalledWriterNeverBlocksTheCallerAndCountsEveryLineThatDidNotFit() throws Exception {
        Path path = dir.resolve("queue_log");
        QueueLogFile file = QueueLogFile.openStepped(QueueLogSettings.DEFAULTS.withFile(path)
                .withBufferLines(QueueLogSettings.MIN_BUFFER_LINES), clockNanos::get);
        int handed = 0;
        int refused = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 5_000; i++) {
            if (append(file, i)) {
                handed++;
            } else {
                refused++;
            }
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(refused > 0 && handed > 0, "handed " + handed + ", refused " + refused);
        assertTrue(tookMs < 2_000, "appending never waits for the writer: took " + tookMs + " ms");
        assertEquals(refused, file.linesLost());
        assertEquals(handed, file.pendingLines());
        file.close();
        assertEquals(handed, read(path).size(), "every line that was handed over is in the file");
        assertEquals(handed, file.linesWritten());
        assertEquals(refused, file.linesLost());
    }

    @Test
    void aFullDiskHoldsTheLinesRetriesAndCountsWhatIsLeftAtClose() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "no /dev/full on this system to play a full disk");
        QueueLogFile file = QueueLogFile.openStepped(QueueLogSettings.DEFAULTS.withFile(full), clockNanos::get);
        append(file, 1);
        append(file, 2);
        advanceMs(1_000);
        file.writeStep();
        assertTrue(file.failing());
        assertEquals(1, file.writeErrors());
        assertEquals(0, file.linesLost(), "a failed write keeps its lines");
        file.writeStep();
        assertEquals(1, file.writeErrors(), "the next try waits for the next interval");
        advanceMs(1_000);
        file.writeStep();
        assertEquals(2, file.writeErrors());
        file.close();
        assertEquals(2, file.linesLost(), "what never reached the disk is counted");
        assertEquals(0, file.linesWritten());
    }

    @Test
    void aFileMovedAwayByLogRotationIsFollowedByANewOneAtThePath() throws Exception {
        Path path = dir.resolve("queue_log");
        QueueLogFile file = QueueLogFile.openStepped(QueueLogSettings.DEFAULTS.withFile(path), clockNanos::get);
        append(file, 1);
        advanceMs(1_000);
        file.writeStep();

        Path rotated = dir.resolve("queue_log.1");
        Files.move(path, rotated);
        append(file, 2);
        advanceMs(1_000);
        file.writeStep();
        assertEquals(1, file.reopens());
        assertEquals(1, read(rotated).size(), "the rotated file keeps what it had");
        assertEquals(1, read(path).size(), "new lines start the new file");
        assertTrue(read(path).get(0).contains("1795443115.2"), read(path).toString());

        Files.delete(path);
        append(file, 3);
        advanceMs(1_000);
        file.writeStep();
        assertEquals(2, file.reopens());
        assertEquals(1, read(path).size(), "a deleted file is started again");
        file.close();
        assertEquals(3, file.linesWritten());
        assertEquals(0, file.linesLost());
    }
}
