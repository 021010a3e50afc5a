package acd.bench.agi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Prints a comparison run: a table for people, or one JSON object. */
final class AgiLoadReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private final LoadPlan plan;
    private final int cpus;
    private final List<TargetResult> results;

    AgiLoadReport(LoadPlan plan, int cpus, List<TargetResult> results) {
        this.plan = plan;
        this.cpus = cpus;
        this.results = List.copyOf(results);
    }

    void table(PrintStream out) {
        out.printf(Locale.ROOT, "FastAGI load: %d concurrent, reply delay %d ms, start rate %s, warm-up %s s, %s, %d CPUs%n",
                plan.concurrency(), plan.replyDelayMs(),
                plan.sessionsPerSecond() > 0 ? fmt(plan.sessionsPerSecond()) + "/s" : "unlimited",
                fmt(plan.warmUp().toMillis() / 1000.0),
                plan.counted() ? plan.sessions() + " measured calls" : "window " + fmt(plan.duration().toMillis() / 1000.0) + " s",
                cpus);
        for (TargetResult r : results) {
            out.printf(Locale.ROOT, "  %-9s %s%n", r.key() + ":", r.description());
        }
        out.println(plan.replyDelayMs() > 0
                ? "  turnaround = reply sent to next command received; corrected for coordinated omission at "
                + plan.replyDelayMs() + " ms"
                : "  turnaround = reply sent to next command received; calls are not paced, so no correction applies");
        out.println();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-40s", ""));
        for (TargetResult r : results) {
            head.append(String.format(Locale.ROOT, "%14s", r.key()));
        }
        if (results.size() == 2) {
            head.append(String.format(Locale.ROOT, "%15s", "ours/baseline"));
        }
        out.println(head);

        row(out, "calls started", r -> r.run().started(), false);
        for (SessionEnd outcome : SessionEnd.values()) {
            if (outcome == SessionEnd.COMPLETED || results.stream().anyMatch(r -> r.run().count(outcome) > 0)) {
                row(out, "  " + outcome.label(), r -> r.run().count(outcome), false);
            }
        }
        row(out, "completed calls/s (window)", r -> r.run().sessionsPerSecond(), true);
        row(out, "commands/s (window)", r -> r.run().commandsPerSecond(), true);
        for (double p : PERCENTILES) {
            row(out, "turnaround p" + fmt(p) + " (us)", r -> micros(r.run().turnaround(), p), true);
        }
        row(out, "turnaround max (us)", r -> r.run().turnaround().getMaxValue() / 1000.0, true);
        row(out, "turnaround p99 uncorrected (us)", r -> micros(r.run().turnaroundRaw(), 99), true);
        row(out, "setup p50 (us, connect to ANSWER)", r -> micros(r.run().setup(), 50), true);
        row(out, "setup p99 (us)", r -> micros(r.run().setup(), 99), true);
        row(out, "open calls, peak", r -> r.run().openPeak(), false);
        row(out, "CPU per call, JVM less generator (us)", TargetResult::serverCpuPerCallMicros, true);
        row(out, "CPU per call, whole JVM (us)", TargetResult::cpuPerCallMicros, true);
        row(out, "JVM CPU busy (% of all cores)", r -> 100 * r.cpuUtilisation(cpus), true);
        row(out, "machine CPU busy (% of all cores)", r -> 100 * r.machineBusyShare(), false);
        row(out, "server threads, peak", TargetResult::serverThreads, true);
        row(out, "live heap per open call (KB)", r -> r.liveHeapPerSessionBytes() / 1024, true);
        row(out, "  calls open at that reading", TargetResult::openAtHeapReading, false);
        for (TargetResult r : results) {
            if (!r.run().unexpectedLines().isEmpty()) {
                out.println(r.key() + ": unexpected commands, e.g. " + r.run().unexpectedLines());
            }
        }
    }

    private void row(PrintStream out, String label, ToDoubleFunction<TargetResult> value, boolean ratio) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-40s", label));
        for (TargetResult r : results) {
            line.append(String.format(Locale.ROOT, "%14s", fmt(value.applyAsDouble(r))));
        }
        if (ratio && results.size() == 2) {
            double ours = value.applyAsDouble(results.get(0));
            double baseline = value.applyAsDouble(results.get(1));
            line.append(String.format(Locale.ROOT, "%15s", baseline == 0 || Double.isNaN(ours) || Double.isNaN(baseline)
                    ? "-" : String.format(Locale.ROOT, "%.2f", ours / baseline)));
        }
        out.println(line);
    }

    String json() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode p = root.putObject("plan");
        p.put("concurrency", plan.concurrency());
        p.put("sessions", plan.sessions());
        p.put("warm_up_seconds", plan.warmUp().toMillis() / 1000.0);
        p.put("duration_seconds", plan.duration().toMillis() / 1000.0);
        p.put("reply_delay_ms", plan.replyDelayMs());
        p.put("rate_per_second", plan.sessionsPerSecond());
        p.put("command_timeout_ms", plan.commandTimeoutMs());
        p.put("client_threads", plan.clientThreads());
        root.put("cpus", cpus);
        var servers = root.putArray("servers");
        for (TargetResult r : results) {
            LoadRun run = r.run();
            ObjectNode s = servers.addObject();
            s.put("key", r.key());
            s.put("description", r.description());
            s.put("started", run.started());
            ObjectNode outcomes = s.putObject("outcomes");
            for (SessionEnd outcome : SessionEnd.values()) {
                outcomes.put(outcome.name().toLowerCase(Locale.ROOT), run.count(outcome));
            }
            s.put("window_seconds", run.windowSeconds());
            s.put("completed_in_window", run.completedInWindow());
            s.put("sessions_per_second", run.sessionsPerSecond());
            s.put("commands_per_second", run.commandsPerSecond());
            histogram(s.putObject("turnaround_us"), run.turnaround());
            histogram(s.putObject("turnaround_uncorrected_us"), run.turnaroundRaw());
            histogram(s.putObject("setup_us"), run.setup());
            ObjectNode verbs = s.putObject("commands_by_verb");
            run.commandsByVerb().forEach(verbs::put);
            s.put("commands_after_hangup", run.afterHangup());
            s.put("open_peak", run.openPeak());
            s.put("open_at_window_end", run.openAtWindowEnd());
            s.put("server_threads", r.serverThreads());
            number(s, "jvm_cpu_per_call_us", r.cpuPerCallMicros());
            number(s, "server_cpu_per_call_us", r.serverCpuPerCallMicros());
            number(s, "jvm_cpu_busy_share", r.cpuUtilisation(cpus));
            number(s, "machine_cpu_busy_share", r.machineBusyShare());
            number(s, "live_heap_per_session_bytes", r.liveHeapPerSessionBytes());
            s.put("open_at_heap_reading", r.openAtHeapReading());
            number(s, "peak_heap_per_session_bytes", r.peakHeapPerSessionBytes());
            var lines = s.putArray("unexpected_commands");
            run.unexpectedLines().forEach(lines::add);
        }
        if (results.size() == 2) {
            LoadRun ours = results.get(0).run();
            LoadRun baseline = results.get(1).run();
            ObjectNode ratios = root.putObject("ours_over_baseline");
            number(ratios, "sessions_per_second", ours.sessionsPerSecond() / baseline.sessionsPerSecond());
            number(ratios, "turnaround_p50", ratio(ours.turnaround(), baseline.turnaround(), 50));
            number(ratios, "turnaround_p99", ratio(ours.turnaround(), baseline.turnaround(), 99));
            number(ratios, "turnaround_p999", ratio(ours.turnaround(), baseline.turnaround(), 99.9));
            number(ratios, "jvm_cpu_per_call", results.get(0).cpuPerCallMicros() / results.get(1).cpuPerCallMicros());
            number(ratios, "server_cpu_per_call",
                    results.get(0).serverCpuPerCallMicros() / results.get(1).serverCpuPerCallMicros());
            number(ratios, "server_threads", (double) results.get(0).serverThreads() / results.get(1).serverThreads());
            number(ratios, "live_heap_per_session",
                    results.get(0).liveHeapPerSessionBytes() / results.get(1).liveHeapPerSessionBytes());
        }
        return root.toString();
    }

    private static double ratio(Histogram ours, Histogram baseline, double percentile) {
        return (double) ours.getValueAtPercentile(percentile) / baseline.getValueAtPercentile(percentile);
    }

    private static void histogram(ObjectNode node, Histogram h) {
        node.put("count", h.getTotalCount());
        number(node, "mean", h.getTotalCount() == 0 ? Double.NaN : h.getMean() / 1000.0);
        for (double p : PERCENTILES) {
            node.put("p" + fmt(p).replace(".", ""), micros(h, p));
        }
        node.put("max", h.getMaxValue() / 1000.0);
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    private static double micros(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
