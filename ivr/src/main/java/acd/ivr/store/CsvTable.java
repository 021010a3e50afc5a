package acd.ivr.store;

import acd.core.config.ConfigProblems;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A seed file read as a header row and data rows, each cell with the line and column it came
 * from, so every problem can be reported where the user will look for it. Lines starting with
 * {@code #} are comments; blank lines are skipped; cells are trimmed.
 */
final class CsvTable {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            // rows as arrays: the header is checked here, with positions, rather than by Jackson
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.ALLOW_COMMENTS)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    /**
     * One cell: its text (trimmed, never null) and the 1-based line and column it starts at. A
     * quoted cell may run over several lines, so the cells after it start on a later line than
     * their row.
     */
    record Cell(String text, int line, int column) {
    }

    /** One data row and where it starts. */
    record Row(int line, Map<String, Cell> cells) {
        /** The cell's text, or "" when the file has no such column. */
        String text(String column) {
            Cell c = cells.get(column);
            return c == null ? "" : c.text();
        }

        /** The line the cell starts on; the row's when the file has no such column. */
        int line(String column) {
            Cell c = cells.get(column);
            return c == null ? line : c.line();
        }

        int column(String column) {
            Cell c = cells.get(column);
            return c == null ? 1 : c.column();
        }
    }

    private CsvTable() {
    }

    /**
     * Reads {@code text}. Problems with the header or a row's shape go to {@code problems}; rows
     * with the wrong number of cells are left out. A header without a required column yields no rows.
     */
    static List<Row> read(String source, String text, List<String> required, List<String> optional,
                          ConfigProblems problems) {
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        List<Cell> cells = new ArrayList<>();
        int rowLine = 1;
        try (CsvParser p = MAPPER.getFactory().createParser(text)) {
            p.setSchema(CsvSchema.emptySchema().withComments());
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(source, 1, 1, "the file is empty; expected a header row: " + String.join(",", required));
                return rows;
            }
            // the outer array that WRAP_AS_ARRAY puts round all rows
            while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
                cells.clear();
                rowLine = -1;
                while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
                    JsonLocation at = p.currentTokenLocation();
                    if (rowLine < 0) {
                        rowLine = at.getLineNr();
                    }
                    cells.add(new Cell(p.getText().trim(), at.getLineNr(), at.getColumnNr()));
                }
                if (rowLine < 0) {
                    continue;
                }
                if (header == null) {
                    header = readHeader(source, rowLine, cells, required, optional, problems);
                    if (header == null) {
                        return rows;
                    }
                    continue;
                }
                if (cells.size() != header.size()) {
                    problems.add(source, rowLine, 1, "the row has " + cells.size() + " cells, the header has "
                            + header.size() + " (" + String.join(",", header) + ")");
                    continue;
                }
                Map<String, Cell> byName = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    byName.put(header.get(i), cells.get(i));
                }
                rows.add(new Row(rowLine, byName));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = rowLine > 0 ? rowLine : at == null ? 1 : Math.max(1, at.getLineNr());
            problems.add(source, line, 1, "cannot read CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            // the text is in memory; only the parser itself can complain
            problems.add(source, Math.max(1, rowLine), 1, "cannot read CSV: " + e.getMessage());
        }
        if (header == null && problems.isEmpty()) {
            problems.add(source, 1, 1, "the file has no header row; expected: " + String.join(",", required));
        }
        return rows;
    }

    private static List<String> readHeader(String source, int line, List<Cell> cells, List<String> required,
                                           List<String> optional, ConfigProblems problems) {
        Map<String, Cell> seen = new LinkedHashMap<>();
        boolean ok = true;
        for (Cell c : cells) {
            String name = c.text();
            if (!required.contains(name) && !optional.contains(name)) {
                List<String> known = new ArrayList<>(required);
                known.addAll(optional);
                problems.add(source, c.line(), c.column(), "unknown column '" + name + "'; known: " + String.join(", ", known));
                ok = false;
            } else if (seen.putIfAbsent(name, c) != null) {
                problems.add(source, c.line(), c.column(), "column '" + name + "' appears twice");
                ok = false;
            }
        }
        for (String name : required) {
            if (!seen.containsKey(name)) {
                problems.add(source, line, 1, "the header has no column '" + name + "'");
                ok = false;
            }
        }
        return ok ? new ArrayList<>(seen.keySet()) : null;
    }
}
