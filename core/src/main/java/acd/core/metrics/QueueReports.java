package acd.core.metrics;

import acd.core.engine.AgentState;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the service-level board into the plain maps {@code GET /api/queues} serves: per queue,
 * its tiers and brands, and its 15-minute intervals; the tiers and brands over all queues. The
 * counts come from {@link ReportedTraffic} (today's, on a server), the live gauges and the wait
 * percentiles (since the start) from the board. Times in seconds, rates as fractions.
 */
public final class QueueReports {
    private final RoutingConfig config;
    private final ServiceLevelBoard board;
    private final ReportedTraffic traffic;

    /** A report of everything since the start. */
    public QueueReports(RoutingConfig config, ServiceLevelBoard board) {
        this(config, board, ReportedTraffic.sinceStart(board));
    }

    public QueueReports(RoutingConfig config, ServiceLevelBoard board, ReportedTraffic traffic) {
        this.config = config;
        this.board = board;
        this.traffic = traffic;
    }

    public Map<String, Object> all() {
        TrafficTable counts = traffic.counts();
        List<Object> queues = new ArrayList<>();
        for (int q = 0; q < config.queues().size(); q++) {
            queues.add(queue(q, counts));
        }
        Map<String, Object> agents = new LinkedHashMap<>();
        for (AgentState state : AgentState.values()) {
            agents.put(stateName(state), board.agents(state));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", board.lastEventTimeMs());
        // The day the counts are of, in the hotline's time zone: they start again at its midnight.
        out.put("day", traffic.day());
        out.put("dayStartMs", traffic.dayStartMs());
        out.put("queues", queues);
        // The standards judge each brand's and each tier's seats apart, over every queue.
        List<Object> tiers = new ArrayList<>();
        for (int t = 0; t < config.tiers().size(); t++) {
            tiers.add(tierRow(t, counts.tier(t), null));
        }
        out.put("tiers", tiers);
        List<Object> brands = new ArrayList<>();
        for (int b = 0; b < config.brands().size(); b++) {
            brands.add(brandRow(b, counts.brand(b), null));
        }
        out.put("brands", brands);
        out.put("agents", agents);
        return out;
    }

    public Map<String, Object> queue(int q) {
        return queue(q, traffic.counts());
    }

    private Map<String, Object> queue(int q, TrafficTable counts) {
        QueueSpec spec = config.queues().get(q);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("queue", spec.id());
        out.put("label", spec.label());
        out.put("thresholdSeconds", spec.thresholdSeconds());
        out.put("targetPercent", spec.targetPercent());
        // null for a queue that has no peak mode to switch into
        out.put("peakMode", spec.peak().configured() ? board.inPeakMode(q) : null);
        figures(out, counts.queue(q), board.waits(q));
        out.put("waitingNow", board.waitingNow(q));
        out.put("longestWaitingNowSeconds", board.longestWaitingNowMs(q) / 1000.0);
        Map<String, Object> agents = new LinkedHashMap<>();
        for (AgentState state : AgentState.values()) {
            agents.put(stateName(state), board.agents(q, state));
        }
        out.put("agents", agents);
        List<Object> tiers = new ArrayList<>();
        for (int t = 0; t < config.tiers().size(); t++) {
            Map<String, Object> row = tierRow(t, counts.queueTier(q, t), board.waits(q, t));
            row.put("waitingNow", board.waitingNow(q, t));
            tiers.add(row);
        }
        out.put("tiers", tiers);
        List<Object> brands = new ArrayList<>();
        for (int b = 0; b < config.brands().size(); b++) {
            brands.add(brandRow(b, counts.queueBrand(q, b), board.brandWaits(q, b)));
        }
        out.put("brands", brands);
        List<Object> intervals = new ArrayList<>();
        for (IntervalFigures interval : traffic.intervals(q)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("startMs", interval.startMs());
            figures(row, interval.figures(), null);
            intervals.add(row);
        }
        out.put("intervals", intervals);
        return out;
    }

    private Map<String, Object> tierRow(int t, TrafficFigures f, WaitPercentiles waits) {
        TierSpec tier = config.tiers().get(t);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tier", tier.id());
        row.put("label", tier.label());
        figures(row, f, waits);
        return row;
    }

    private Map<String, Object> brandRow(int b, TrafficFigures f, WaitPercentiles waits) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("brand", config.brands().get(b).id());
        row.put("label", config.brands().get(b).label());
        figures(row, f, waits);
        return row;
    }

    private static void figures(Map<String, Object> out, TrafficFigures f, WaitPercentiles waits) {
        out.put("offered", f.offered());
        out.put("answered", f.answered());
        out.put("answeredWithinThreshold", f.answeredWithin());
        out.put("answeredWithin10s", f.answeredWithin10s());
        out.put("abandoned", f.abandoned());
        out.put("shortAbandoned", f.shortAbandoned());
        out.put("overflowed", f.overflowed());
        out.put("timedOut", f.timedOut());
        out.put("refused", f.refused());
        out.put("closed", f.closed());
        out.put("serviceLevel", finite(f.serviceLevel()));
        out.put("answerRate", finite(f.answerRate()));
        out.put("answerRate10s", finite(f.answerRate10s()));
        out.put("asaSeconds", seconds(f.averageSpeedOfAnswerMs()));
        out.put("ahtSeconds", seconds(f.averageHandleMs()));
        out.put("longestWaitSeconds", f.longestWaitMs() / 1000.0);
        Map<String, Object> callbacks = new LinkedHashMap<>();
        callbacks.put("offered", f.callbacksOffered());
        callbacks.put("requested", f.callbacksRequested());
        callbacks.put("reached", f.callbacksReached());
        callbacks.put("notReached", f.callbacksNotReached());
        out.put("callbacks", callbacks);
        if (waits != null) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("count", waits.count());
            w.put("p50Seconds", waits.p50Ms() / 1000.0);
            w.put("p90Seconds", waits.p90Ms() / 1000.0);
            w.put("p99Seconds", waits.p99Ms() / 1000.0);
            w.put("maxSeconds", waits.maxMs() / 1000.0);
            out.put("waits", w);
        }
    }

    /** JSON has no NaN: a figure with no calls behind it is null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static Double seconds(double ms) {
        return Double.isFinite(ms) ? ms / 1000.0 : null;
    }

    public static String stateName(AgentState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
