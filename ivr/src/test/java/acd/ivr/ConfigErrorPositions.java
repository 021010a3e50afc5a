package acd.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.core.config.ConfigError;
import java.util.ArrayList;
import java.util.List;

/** What a config error must give a user: for every problem the file, a place in it and a reason. */
public final class ConfigErrorPositions {
    private ConfigErrorPositions() {
    }

    /** For a YAML file. */
    public static void assertEveryProblemPointsInto(ConfigError error, String source, String text) {
        assertEveryProblemPointsInto(error, source, text, true);
    }

    /** For a CSV file, whose reader ends lines only at \r\n, \r and \n. */
    public static void assertEveryProblemPointsIntoCsv(ConfigError error, String source, String text) {
        assertEveryProblemPointsInto(error, source, text, false);
    }

    private static void assertEveryProblemPointsInto(ConfigError error, String source, String text, boolean yaml) {
        assertFalse(error.problems().isEmpty(), "a config error has at least one problem");
        assertTrue(error.getMessage().startsWith(error.problems().get(0).toString()),
                "the headline is file:line:column: reason, got " + error.getMessage());
        List<String> lines = lineTexts(text, yaml);
        for (ConfigError.Problem p : error.problems()) {
            assertEquals(source, p.source(), "a problem names the file it is in: " + p);
            assertInside(p, lines);
            assertNotNull(p.reason());
            assertFalse(p.reason().isBlank(), "a problem says what is wrong: " + p);
        }
    }

    /**
     * The line is one of the file's (or just past its end), the column on it or just past its line
     * break (SnakeYAML counts a lone \r at the very end of a file as a character of the last line).
     */
    private static void assertInside(ConfigError.Problem p, List<String> lines) {
        assertTrue(p.line() >= 1 && p.line() <= lines.size() + 1, "line outside the file: " + p);
        int length = p.line() <= lines.size() ? lines.get(p.line() - 1).length() : 0;
        assertTrue(p.column() >= 1 && p.column() <= length + 2, "column outside line " + p.line() + ": " + p);
    }

    /** The text of each line, split at \r\n, \r and \n, and for YAML also at the Unicode line breaks. */
    static List<String> lineTexts(String text, boolean yaml) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || yaml && (c == '\u0085' || c == '\u2028' || c == '\u2029')) {
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

    /** How many lines a reader of YAML (with the Unicode line breaks) or of CSV sees in the text. */
    public static int lines(String text, boolean yaml) {
        return lineTexts(text, yaml).size();
    }
}
