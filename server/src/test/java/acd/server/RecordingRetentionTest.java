package acd.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingRetentionTest {

    @Test
    void dayFoldersPastTheRetentionGoWithTheirRecordingsAndNothingElseIsTouched(@TempDir Path acd) throws Exception {
        for (String day : new String[] {"20261106", "20261107", "20261207"}) {
            Files.writeString(Files.createDirectories(acd.resolve(day)).resolve("1796650315.2.wav"), "RIFF");
        }
        Files.createDirectories(acd.resolve("archive"));
        Files.writeString(acd.resolve("19991231"), "a file, not a day's folder");

        assertEquals(1, RecordingRetention.prune(acd, 30, LocalDate.of(2026, 12, 7)));
        assertFalse(Files.exists(acd.resolve("20261106")), "31 days old");
        assertTrue(Files.exists(acd.resolve("20261107/1796650315.2.wav")), "30 days old: kept");
        assertTrue(Files.exists(acd.resolve("20261207/1796650315.2.wav")));
        assertTrue(Files.exists(acd.resolve("archive")));
        assertTrue(Files.exists(acd.resolve("19991231")));
    }

    @Test
    void aDirectoryThatIsNotThereDeletesNothing(@TempDir Path dir) {
        assertEquals(0, RecordingRetention.prune(dir.resolve("absent"), 30, LocalDate.of(2026, 12, 7)));
    }
}
