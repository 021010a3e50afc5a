package acd.core.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** What a config error must give a user: for every problem a file they gave, a place in it and a reason. */
final class ConfigErrorPositions {
    private ConfigErrorPositions() {
    }

    static void assertEveryProblemPointsIntoItsFile(ConfigError error, List<ConfigSource> sources) {
        assertFalse(error.problems().isEmpty(), "a config error has at least one problem");
        assertTrue(error.getMessage().startsWith(error.problems().get(0).toString()),
                "the headline is file:line:column: reason, got " + error.getMessage());
        for (ConfigError.Problem p : error.problems()) {
            ConfigSource source = sources.stream().filter(s -> s.name().equals(p.source())).findFirst()
                    .orElseGet(() -> fail("a problem in a file that was not loaded: " + p));
            assertInside(p, source.text());
            assertNotNull(p.reason());
            assertFalse(p.reason().isBlank(), "a problem says what is wrong: " + p);
        }
    }

    /**
     * The line is one of the file's (or just past its end), the column on it or just past its line
     * break (SnakeYAML counts a lone \r at the very end of a file as a character of the last line).
     */
    private static void assertInside(ConfigError.Problem p, String text) {
        List<String> lines = lineTexts(text);
        assertTrue(p.line() >= 1 && p.line() <= lines.size() + 1, "line outside the file: " + p);
        int length = p.line() <= lines.size() ? lines.get(p.line() - 1).length() : 0;
        assertTrue(p.column() >= 1 && p.column() <= length + 2, "column outside line " + p.line() + ": " + p);
    }

    /** The text of each line, split where YAML ends one: \r\n, \r, \n, the Unicode line breaks. */
    static List<String> lineTexts(String text) {
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
