package acd.ivr.report;

import acd.core.metrics.TrafficFigures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report as CSV: a header naming every column, one line per row, rates as percentages with
 * two decimals, times in seconds, an empty cell where a rate has no calls behind it.
 */
public final class ReportCsv {
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final List<String> COLUMNS = List.of("from", "to", "scope", "id", "label", "offered", "answered",
            "answered_within_threshold", "answered_within_10s", "abandoned", "short_abandoned", "overflowed",
            "timed_out", "service_level_percent", "target_percent", "answer_rate_percent",
            "answer_rate_10s_percent", "asa_seconds", "aht_seconds", "complaints", "complaints_per_10k", "surveys",
            "satisfied", "satisfied_percent", "average_rating");

    private ReportCsv() {
    }

    public static String write(List<ReportRow> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        List<Map<String, String>> lines = new ArrayList<>();
        for (ReportRow r : rows) {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("from", r.from().toString());
            line.put("to", r.to().toString());
            line.put("scope", r.scope());
            line.put("id", r.id());
            line.put("label", r.label());
            traffic(line, r.traffic());
            line.put("target_percent", r.targetPercent() == null ? "" : r.targetPercent().toString());
            line.put("complaints", Long.toString(r.complaints()));
            line.put("complaints_per_10k", r.complaintsPer10k() == null ? "" : number(r.complaintsPer10k()));
            line.put("surveys", Long.toString(r.surveys()));
            line.put("satisfied", Long.toString(r.satisfied()));
            line.put("satisfied_percent", r.satisfiedPercent() == null ? "" : number(r.satisfiedPercent()));
            line.put("average_rating", r.averageRating() == null ? "" : number(r.averageRating()));
            lines.add(line);
        }
        try {
            return MAPPER.writer(schema.build()).writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            // strings into a string: nothing here can fail to write
            throw new UncheckedIOException(e);
        }
    }

    /** The calls' columns; empty on an agent's row, which has none. */
    private static void traffic(Map<String, String> line, TrafficFigures f) {
        line.put("offered", f == null ? "" : Long.toString(f.offered()));
        line.put("answered", f == null ? "" : Long.toString(f.answered()));
        line.put("answered_within_threshold", f == null ? "" : Long.toString(f.answeredWithin()));
        line.put("answered_within_10s", f == null ? "" : Long.toString(f.answeredWithin10s()));
        line.put("abandoned", f == null ? "" : Long.toString(f.abandoned()));
        line.put("short_abandoned", f == null ? "" : Long.toString(f.shortAbandoned()));
        line.put("overflowed", f == null ? "" : Long.toString(f.overflowed()));
        line.put("timed_out", f == null ? "" : Long.toString(f.timedOut()));
        line.put("service_level_percent", f == null ? "" : percent(f.serviceLevel()));
        line.put("answer_rate_percent", f == null ? "" : percent(f.answerRate()));
        line.put("answer_rate_10s_percent", f == null ? "" : percent(f.answerRate10s()));
        line.put("asa_seconds", f == null ? "" : number(f.averageSpeedOfAnswerMs() / 1000));
        line.put("aht_seconds", f == null ? "" : number(f.averageHandleMs() / 1000));
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? number(fraction * 100) : "";
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "";
    }
}
