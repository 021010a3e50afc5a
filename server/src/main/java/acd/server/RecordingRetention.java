package acd.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps call recordings for the configured number of days: the dialplan writes them one folder
 * a day ({@code acd/yyyyMMdd/}, the day of the call's arrival, UTC), and a folder whose day is
 * more than {@code retentionDays} before today goes, with every recording in it. Anything else
 * in the directory is left alone. A folder that cannot be deleted is logged and tried again.
 */
final class RecordingRetention {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingRetention.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private RecordingRetention() {
    }

    /** Deletes the day folders past retention; returns how many went. */
    static int prune(Path directory, int retentionDays, LocalDate today) {
        LocalDate oldestKept = today.minusDays(retentionDays);
        List<Path> days;
        try (Stream<Path> entries = Files.list(directory)) {
            days = entries.filter(Files::isDirectory).toList();
        } catch (java.nio.file.NoSuchFileException e) {
            // Asterisk makes the folder with its first recording
            LOG.info("no call recordings in {} yet", directory);
            return 0;
        } catch (IOException e) {
            LOG.warn("call recordings in {} cannot be listed, none deleted: {}", directory, e.toString());
            return 0;
        }
        int deleted = 0;
        for (Path day : days) {
            LocalDate date;
            try {
                date = LocalDate.parse(day.getFileName().toString(), DAY);
            } catch (DateTimeParseException notADay) {
                continue;
            }
            if (!date.isBefore(oldestKept)) {
                continue;
            }
            try (Stream<Path> tree = Files.walk(day)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
                deleted++;
                LOG.info("call recordings of {} deleted: kept {} days", date, retentionDays);
            } catch (IOException e) {
                LOG.warn("call recordings of {} in {} could not all be deleted: {}", date, day, e.toString());
            }
        }
        return deleted;
    }
}
