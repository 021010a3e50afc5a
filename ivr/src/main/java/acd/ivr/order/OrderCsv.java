package acd.ivr.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Work orders as a CSV file for the people who work them outside the desk (a spreadsheet, a
 * ticket system's import): one row per order, a header naming every column, times in the
 * hotline's time zone ({@code 2026-12-07 09:15}), and each deadline with when it was met.
 */
public final class OrderCsv {
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final List<String> COLUMNS;

    static {
        List<String> columns = new ArrayList<>(List.of("order", "kind", "grade", "state", "customer", "call", "queue",
                "tier", "brand", "agent", "summary", "assignee", "opened_by", "opened_at"));
        for (Milestone m : Milestone.values()) {
            columns.add(column(m) + "_due");
            columns.add(column(m) + "_met");
        }
        columns.addAll(List.of("overdue", "closed_at"));
        COLUMNS = List.copyOf(columns);
    }

    private OrderCsv() {
    }

    /** The orders as CSV, header first; {@code nowMs} decides which steps are overdue. */
    public static String write(List<Order> orders, ZoneId zone, long nowMs) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        List<Map<String, String>> rows = new ArrayList<>();
        for (Order o : orders) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("order", Long.toString(o.id()));
            row.put("kind", name(o.kind()));
            row.put("grade", o.grade() == null ? "" : o.grade().label());
            row.put("state", name(o.state()));
            row.put("customer", o.customer());
            row.put("call", cell(o.about().callId()));
            row.put("queue", text(o.about().queue()));
            row.put("tier", text(o.about().tier()));
            row.put("brand", text(o.about().brand()));
            row.put("agent", text(o.about().agent()));
            row.put("summary", cell(o.summary()));
            row.put("assignee", cell(o.assignee()));
            row.put("opened_by", o.openedBy());
            row.put("opened_at", time(o.openedMs(), zone));
            for (Milestone m : Milestone.values()) {
                Long due = o.due().get(m);
                Long met = o.met().get(m);
                row.put(column(m) + "_due", due == null ? "" : time(due, zone));
                row.put(column(m) + "_met", met == null ? "" : time(met, zone));
            }
            row.put("overdue", String.join(" ", o.overdueAt(nowMs).stream().map(OrderCsv::column).toList()));
            row.put("closed_at", o.closedMs() == 0 ? "" : time(o.closedMs(), zone));
            rows.add(row);
        }
        try {
            return MAPPER.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            // strings into a string: nothing here can fail to write
            throw new UncheckedIOException(e);
        }
    }

    private static String column(Milestone m) {
        return m.name().toLowerCase(Locale.ROOT);
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /**
     * Free text as a cell no spreadsheet takes for a formula: text a person typed that starts
     * with = + - @ is written behind a quote, as OWASP's advice on CSV injection has it.
     */
    private static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static String time(long ms, ZoneId zone) {
        return TIME.format(Instant.ofEpochMilli(ms).atZone(zone));
    }
}
