package acd.cti.report;

import acd.core.metrics.TrafficFigures;
import acd.ivr.report.DayRange;
import acd.ivr.report.ReportCsv;
import acd.ivr.report.ReportPeriod;
import acd.ivr.report.ReportRow;
import acd.ivr.report.TrafficIntervals;
import acd.ivr.report.TrafficReports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The daily, weekly and monthly service-level reports the desks ask for, from the stored
 * intervals. Before reading, the intervals counted so far are written, so today's row is as fresh
 * as the wallboard. Runs on the blocking threads: the store may take its time.
 */
public final class ReportDesk {
    private final TrafficReports reports;
    private final TrafficIntervals store;
    private final Runnable storeCounted;
    private final Executor blocking;
    private final LongSupplier clockMs;
    private final Supplier<ZoneId> zone;

    /** A report: how it groups days, the days it covers, and its rows. */
    public record Report(ReportPeriod period, DayRange range, List<ReportRow> rows) {
    }

    /**
     * @param storeCounted writes what has been counted and not yet stored
     * @param zone         the hotline's time zone, where its days start
     */
    public ReportDesk(TrafficReports reports, TrafficIntervals store, Runnable storeCounted, Executor blocking,
                      LongSupplier clockMs, Supplier<ZoneId> zone) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.store = Objects.requireNonNull(store, "store");
        this.storeCounted = Objects.requireNonNull(storeCounted, "storeCounted");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * The report of days {@code from} to {@code to}; without {@code to}, to today, and without
     * {@code from}, from the first of that month.
     *
     * @throws ReportRefusedException (in the stage) for a range that ends before it starts, starts
     *                                after today or is longer than a year
     */
    public CompletionStage<Report> report(ReportPeriod period, LocalDate from, LocalDate to) {
        return CompletableFuture.supplyAsync(() -> {
            ZoneId here = zone.get();
            LocalDate today = Instant.ofEpochMilli(clockMs.getAsLong()).atZone(here).toLocalDate();
            DayRange range;
            try {
                range = DayRange.of(from, to, today, here);
            } catch (IllegalArgumentException e) {
                throw new ReportRefusedException(e.getMessage());
            }
            storeCounted.run();
            return new Report(period, range, reports.read(store, period, range));
        }, blocking);
    }

    /** The report as CSV. */
    public static String csv(Report report) {
        return ReportCsv.write(report.rows());
    }

    /** The report as the desk protocol sends it: times in seconds, rates as fractions, null for none. */
    public static Map<String, Object> document(Report report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period", report.period().name().toLowerCase(Locale.ROOT));
        out.put("from", report.range().from().toString());
        out.put("to", report.range().to().toString());
        List<Object> rows = new ArrayList<>();
        for (ReportRow r : report.rows()) {
            TrafficFigures f = r.traffic();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("from", r.from().toString());
            row.put("to", r.to().toString());
            row.put("scope", r.scope());
            row.put("id", r.id());
            row.put("label", r.label());
            row.put("thresholdSeconds", r.thresholdSeconds());
            row.put("targetPercent", r.targetPercent());
            traffic(row, f);
            row.put("complaints", r.complaints());
            row.put("complaintsPer10k", r.complaintsPer10k());
            row.put("surveys", r.surveys());
            row.put("satisfiedPercent", r.satisfiedPercent());
            row.put("averageRating", r.averageRating());
            rows.add(row);
        }
        out.put("rows", rows);
        return out;
    }

    /** The calls' figures; null on an agent's row, which has none. */
    private static void traffic(Map<String, Object> row, TrafficFigures f) {
        row.put("offered", f == null ? null : f.offered());
        row.put("answered", f == null ? null : f.answered());
        row.put("answeredWithinThreshold", f == null ? null : f.answeredWithin());
        row.put("answeredWithin10s", f == null ? null : f.answeredWithin10s());
        row.put("abandoned", f == null ? null : f.abandoned());
        row.put("shortAbandoned", f == null ? null : f.shortAbandoned());
        row.put("overflowed", f == null ? null : f.overflowed());
        row.put("timedOut", f == null ? null : f.timedOut());
        row.put("serviceLevel", f == null ? null : finite(f.serviceLevel()));
        row.put("answerRate", f == null ? null : finite(f.answerRate()));
        row.put("answerRate10s", f == null ? null : finite(f.answerRate10s()));
        row.put("asaSeconds", f == null ? null : finite(f.averageSpeedOfAnswerMs() / 1000));
        row.put("ahtSeconds", f == null ? null : finite(f.averageHandleMs() / 1000));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
