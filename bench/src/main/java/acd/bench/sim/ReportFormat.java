package acd.bench.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** A simulation report as a table for people or as JSON lines for scripts. */
final class ReportFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportFormat() {
    }

    static void table(SimulationReport report, PrintStream out) {
        out.printf(Locale.ROOT, "%s%n", report.scenario());
        out.printf(Locale.ROOT, "%d agents, %.2f erlangs of talk offered, occupancy %.1f%%, seed %d%n",
                report.agents(), report.offeredErlangs(), 100 * report.occupancy(), report.seed());
        out.printf(Locale.ROOT, "%d calls, the first %d left out as warm-up; %s of virtual time%n",
                report.calls(), report.warmUpCalls(), duration(report.virtualSeconds()));
        if (report.unfinishedCalls() > 0) {
            out.printf(Locale.ROOT, "%d calls were still waiting when the run stopped: nobody could take them%n",
                    report.unfinishedCalls());
        }
        out.println();
        int queueWidth = "queue".length();
        int tierWidth = "tier".length();
        for (ServiceLevelRow r : report.rows()) {
            queueWidth = Math.max(queueWidth, r.queue().length());
            tierWidth = Math.max(tierWidth, r.tier().length() + 2);
        }
        String header = "%-" + queueWidth + "s  %-" + tierWidth + "s %9s %9s %9s %7s %6s %8s %8s %7s %7s %7s %8s%n";
        out.printf(Locale.ROOT, header, "queue", "tier", "offered", "answered", "abandoned", "SL", "in s",
                "answer%", "ASA s", "p50 s", "p90 s", "p99 s", "longest");
        String line = "%-" + queueWidth + "s  %-" + tierWidth + "s %9d %9d %9d %7s %6d %8s %8s %7s %7s %7s %8s%n";
        for (ServiceLevelRow r : report.rows()) {
            out.printf(Locale.ROOT, line, r.isQueueTotal() ? r.queue() : "", r.isQueueTotal() ? r.tier() : "  " + r.tier(),
                    r.offered(), r.answered(), r.abandoned(), percent(r.serviceLevel()), r.thresholdSeconds(),
                    percent(r.answerRate()), seconds(r.asaSeconds()), seconds(r.p50WaitSeconds()),
                    seconds(r.p90WaitSeconds()), seconds(r.p99WaitSeconds()), seconds(r.longestWaitSeconds()));
        }
        out.println();
        out.println(runLine(report));
    }

    /** One JSON object per line: each queue ({@code "tier": "all"}), then each of its tiers that had calls. */
    static void jsonLines(SimulationReport report, PrintStream out) {
        for (ServiceLevelRow r : report.rows()) {
            ObjectNode o = JSON.createObjectNode();
            o.put("queue", r.queue());
            o.put("tier", r.tier());
            o.put("threshold_seconds", r.thresholdSeconds());
            o.put("offered", r.offered());
            o.put("answered", r.answered());
            o.put("answered_within", r.answeredWithin());
            o.put("abandoned", r.abandoned());
            o.put("short_abandoned", r.shortAbandoned());
            o.put("overflowed", r.overflowed());
            o.put("timed_out", r.timedOut());
            o.put("refused", r.refused());
            number(o, "service_level", r.serviceLevel());
            number(o, "answer_rate", r.answerRate());
            number(o, "asa_seconds", r.asaSeconds());
            number(o, "p_wait", r.waitedShare());
            number(o, "p50_wait_seconds", r.p50WaitSeconds());
            number(o, "p90_wait_seconds", r.p90WaitSeconds());
            number(o, "p99_wait_seconds", r.p99WaitSeconds());
            number(o, "longest_wait_seconds", r.longestWaitSeconds());
            o.put("seed", report.seed());
            try {
                out.println(JSON.writeValueAsString(o));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String runLine(SimulationReport report) {
        return String.format(Locale.ROOT, "simulated %d calls in %.2f s wall time: %,.0f calls/s, %d engine events",
                report.calls(), report.wallSeconds(), report.callsPerWallSecond(), report.engineEvents());
    }

    /** JSON has no NaN: a figure with no calls behind it is null. */
    private static void number(ObjectNode o, String field, double value) {
        if (Double.isFinite(value)) {
            o.put(field, Math.round(value * 1e6) / 1e6);
        } else {
            o.putNull(field);
        }
    }

    private static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "-";
    }

    private static String seconds(double s) {
        return Double.isFinite(s) ? String.format(Locale.ROOT, "%.1f", s) : "-";
    }

    private static String duration(double seconds) {
        if (seconds >= 2 * 86400) {
            return String.format(Locale.ROOT, "%.1f days", seconds / 86400);
        }
        if (seconds >= 2 * 3600) {
            return String.format(Locale.ROOT, "%.1f hours", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.0f s", seconds);
    }
}
