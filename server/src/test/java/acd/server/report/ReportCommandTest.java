package acd.server.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to {@code ./acd report} is refused with what was wrong, before any store is opened. */
class ReportCommandTest {

    private static String[] refused(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        return new String[]{out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void anUnknownPeriodADayThatIsNoDayAndAnImpossibleRangeAreRefusedSayingWhat() {
        assertTrue(refused("--period", "fortnight")[1].startsWith("acd report: no report period 'fortnight'; day, week or month"));
        assertTrue(refused("--first", "2026-02-30")[1].startsWith(
                "acd report: --first wants a day as YYYY-MM-DD, not '2026-02-30'"));
        assertTrue(refused("--first", "2026-12-07", "--last", "2026-12-01")[1].startsWith(
                "acd report: an impossible range: 2026-12-01 is before 2026-12-07"));
        assertTrue(refused("--from", "cdr")[1].startsWith("acd report: --from is queue_log or store, not 'cdr'"));
        assertTrue(refused("--queue-log")[1].startsWith("acd report: --queue-log wants a value"));
    }

    @Test
    void aConfigurationThatIsNotThereIsNamed() {
        String err = refused("--config", "/nonexistent/config")[1];
        assertTrue(err.contains("/nonexistent/config/routing.yaml") && err.contains("file not found"), err);
    }
}
