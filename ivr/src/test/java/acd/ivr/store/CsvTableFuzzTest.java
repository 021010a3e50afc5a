package acd.ivr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.core.config.ConfigError;
import acd.core.config.ConfigProblems;
import acd.ivr.ConfigErrorPositions;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Whatever text a seed file holds, the table reader reports every problem with the file, a line
 * and column inside it and a reason, and hands on only rows that have every column of the header,
 * in file order, each at a line of the file; it never throws. Runs its stored inputs as a normal
 * test; set {@code JAZZER_FUZZ=1} to search for new ones.
 */
class CsvTableFuzzTest {
    private static final String SOURCE = "config/customers.csv";

    // a hang is a finding: bounds every stored input, and every fuzzed one (docs/design.md, Fuzzing)
    @Timeout(10)
    @FuzzTest(maxDuration = "30s")
    void anySeedFileGivesWholeRowsOrProblemsThatSayWhere(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ConfigProblems problems = new ConfigProblems(List.of(SOURCE));

        List<CsvTable.Row> rows = CsvTable.read(SOURCE, text, CustomerFile.REQUIRED, CustomerFile.OPTIONAL, problems);

        assertNotNull(rows);
        int lines = ConfigErrorPositions.lines(text, false);
        int previousLine = 0;
        for (CsvTable.Row row : rows) {
            assertTrue(row.line() > previousLine && row.line() <= lines, "rows in file order, inside the file: " + row);
            previousLine = row.line();
            assertTrue(row.cells().keySet().containsAll(CustomerFile.REQUIRED), "a row has every required column: " + row);
            List<String> known = new ArrayList<>(CustomerFile.REQUIRED);
            known.addAll(CustomerFile.OPTIONAL);
            assertTrue(known.containsAll(row.cells().keySet()), "a row has only known columns: " + row);
            for (CsvTable.Cell cell : row.cells().values()) {
                assertNotNull(cell.text());
                assertEquals(cell.text(), cell.text().trim(), "cells are trimmed: " + row);
                assertTrue(cell.column() >= 1, "a cell is at a column: " + row);
            }
        }
        if (!problems.isEmpty()) {
            ConfigError error = new ConfigError(problems.list());
            ConfigErrorPositions.assertEveryProblemPointsIntoCsv(error, SOURCE, text);
        }
        assertFalse(rows.isEmpty() && problems.isEmpty() && text.isBlank(), "an empty file is a problem, not no customers");
    }
}
