package acd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.core.config.ConfigError;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Whatever a user writes into server.yaml, the settings either load with ports in range, or the
 * start stops with a {@link ConfigError} whose every problem names server.yaml, a line and column
 * inside it and a reason; never a raw SnakeYAML, Jackson, NullPointer, ClassCast, NumberFormat or
 * regular-expression exception, and never a hang. Runs its stored inputs as a normal test; set
 * {@code JAZZER_FUZZ=1} to search for new ones.
 */
class ServerSettingsFuzzTest {
    private static final String SOURCE = "config/server.yaml";

    // a hang is a finding: bounds every stored input, and every fuzzed one (docs/design.md, Fuzzing)
    @Timeout(10)
    @FuzzTest(maxDuration = "30s")
    void anyServerTextLoadsOrFailsWithFileLineAndColumn(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ServerSettings settings;
        try {
            settings = ServerSettings.parse(SOURCE, text);
        } catch (ConfigError e) {
            assertFalse(e.problems().isEmpty(), "a config error has at least one problem");
            assertTrue(e.getMessage().startsWith(e.problems().get(0).toString()),
                    "the headline is file:line:column: reason, got " + e.getMessage());
            List<String> lines = lines(text);
            for (ConfigError.Problem p : e.problems()) {
                assertEquals(SOURCE, p.source(), "a problem names the file it is in: " + p);
                assertTrue(p.line() >= 1 && p.line() <= lines.size() + 1, "line outside the file: " + p);
                int length = p.line() <= lines.size() ? lines.get(p.line() - 1).length() : 0;
                // on the line or just past its line break: SnakeYAML counts a lone \r that ends the
                // file as a character of the last line
                assertTrue(p.column() >= 1 && p.column() <= length + 2, "column outside line " + p.line() + ": " + p);
                assertFalse(p.reason() == null || p.reason().isBlank(), "a problem says what is wrong: " + p);
            }
            return;
        }
        assertNotNull(settings);
        assertTrue(settings.httpPort() >= 0 && settings.httpPort() <= 65_535, "an HTTP port: " + settings.httpPort());
        assertTrue(settings.agi().port() >= 0 && settings.agi().port() <= 65_535, "a FastAGI port: " + settings.agi().port());
        assertNotNull(settings.callerNumbers());
        assertNotNull(settings.queueLog());
    }

    /** The text of each line, split where YAML ends one: \r\n, \r, \n and the Unicode line breaks. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }
}
