package acd.ivr.report;

import acd.core.metrics.TrafficField;
import acd.core.metrics.TrafficFigures;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Adds the stored 15-minute intervals, survey answers and complaints up into a report's rows:
 * per day, week or month of the range, one row for the whole hotline, then one per queue, brand
 * and tier, then one per agent rated in the survey (satisfaction only). A queue, brand or tier the routing no longer has keeps its rows, named by its id.
 * Every period of the range has its rows, those without calls too (their rates are empty).
 */
public final class TrafficReports {
    public static final String ALL = "all";
    public static final String QUEUE = "queue";
    public static final String BRAND = "brand";
    public static final String TIER = "tier";
    /** An agent's row: the ratings of the calls they answered (the board counts calls by queue, tier and brand). */
    public static final String AGENT = "agent";

    private final RoutingConfig routing;

    public TrafficReports(RoutingConfig routing) {
        this.routing = routing;
    }

    private record Scope(String kind, String id) {
    }

    /** What one scope of one period adds up to. */
    private static final class Sums {
        final long[] counts = new long[TrafficField.count()];
        long surveys;
        long satisfied;
        long ratingSum;
        long complaints;
    }

    /** The report of the range as the store has it; blocks on the store. */
    public List<ReportRow> read(TrafficIntervals store, ReportPeriod period, DayRange range) {
        return build(period, range, store.intervals(range.startMs(), range.endMs()),
                store.surveys(range.startMs(), range.endMs()), store.complaints(range.startMs(), range.endMs()));
    }

    public List<ReportRow> build(ReportPeriod period, DayRange range, List<StoredInterval> intervals,
                                 List<SurveyTally> surveys, List<ComplaintTally> complaints) {
        Map<LocalDate, Map<Scope, Sums>> byPeriod = new HashMap<>();
        Map<String, TreeSet<String>> seen = Map.of(QUEUE, new TreeSet<>(), BRAND, new TreeSet<>(), TIER, new TreeSet<>(),
                AGENT, new TreeSet<>());
        for (StoredInterval interval : intervals) {
            Map<Scope, Sums> sums = periodOf(byPeriod, period, range, interval.startMs());
            if (sums == null) {
                continue;
            }
            long[] counts = interval.counts();
            for (Scope scope : scopes(interval.queue(), interval.brand(), interval.tier(), seen)) {
                TrafficField.merge(sums.computeIfAbsent(scope, s -> new Sums()).counts, counts);
            }
        }
        for (SurveyTally tally : surveys) {
            Map<Scope, Sums> sums = periodOf(byPeriod, period, range, tally.startMs());
            if (sums == null) {
                continue;
            }
            List<Scope> scopes = scopes(tally.queue(), tally.brand(), tally.tier(), seen);
            add(scopes, AGENT, tally.agent(), seen);
            for (Scope scope : scopes) {
                Sums s = sums.computeIfAbsent(scope, k -> new Sums());
                s.surveys += tally.answered();
                s.satisfied += tally.satisfied();
                s.ratingSum += tally.ratingSum();
            }
        }
        for (ComplaintTally tally : complaints) {
            Map<Scope, Sums> sums = periodOf(byPeriod, period, range, tally.startMs());
            if (sums == null) {
                continue;
            }
            for (Scope scope : scopes(tally.queue(), tally.brand(), tally.tier(), seen)) {
                sums.computeIfAbsent(scope, k -> new Sums()).complaints += tally.complaints();
            }
        }
        List<ReportRow> rows = new ArrayList<>();
        for (LocalDate start = period.startOf(range.from()); !start.isAfter(range.to()); start = period.next(start)) {
            LocalDate from = start.isBefore(range.from()) ? range.from() : start;
            LocalDate last = period.next(start).minusDays(1);
            LocalDate to = last.isAfter(range.to()) ? range.to() : last;
            Map<Scope, Sums> sums = byPeriod.getOrDefault(start, Map.of());
            rows.add(row(from, to, new Scope(ALL, ""), "全部 all", null, null, sums));
            for (Map.Entry<String, String> queue : ids(QUEUE, seen).entrySet()) {
                QueueSpec spec = queueSpec(queue.getKey());
                rows.add(row(from, to, new Scope(QUEUE, queue.getKey()), queue.getValue(),
                        spec == null ? null : spec.thresholdSeconds(), spec == null ? null : spec.targetPercent(), sums));
            }
            for (Map.Entry<String, String> brand : ids(BRAND, seen).entrySet()) {
                rows.add(row(from, to, new Scope(BRAND, brand.getKey()), brand.getValue(), null, null, sums));
            }
            for (Map.Entry<String, String> tier : ids(TIER, seen).entrySet()) {
                rows.add(row(from, to, new Scope(TIER, tier.getKey()), tier.getValue(), null, null, sums));
            }
            for (String agent : seen.get(AGENT)) {
                rows.add(row(from, to, new Scope(AGENT, agent), agentName(agent), null, null, sums));
            }
        }
        return rows;
    }

    /** The sums of the period {@code timeMs} falls in, or null outside the range. */
    private static Map<Scope, Sums> periodOf(Map<LocalDate, Map<Scope, Sums>> byPeriod, ReportPeriod period,
                                             DayRange range, long timeMs) {
        LocalDate day = Instant.ofEpochMilli(timeMs).atZone(range.zone()).toLocalDate();
        if (day.isBefore(range.from()) || day.isAfter(range.to())) {
            return null;
        }
        return byPeriod.computeIfAbsent(period.startOf(day), d -> new HashMap<>());
    }

    /** The scopes a count belongs to: the hotline, and its queue, brand and tier where it has one. */
    private static List<Scope> scopes(String queue, String brand, String tier, Map<String, TreeSet<String>> seen) {
        List<Scope> scopes = new ArrayList<>(4);
        scopes.add(new Scope(ALL, ""));
        add(scopes, QUEUE, queue, seen);
        add(scopes, BRAND, brand, seen);
        add(scopes, TIER, tier, seen);
        return scopes;
    }

    private static void add(List<Scope> scopes, String kind, String id, Map<String, TreeSet<String>> seen) {
        if (id != null && !id.isEmpty()) {
            scopes.add(new Scope(kind, id));
            seen.get(kind).add(id);
        }
    }

    /** The configured ids of a scope with their labels, in the routing's order, then any others seen. */
    private Map<String, String> ids(String kind, Map<String, TreeSet<String>> seen) {
        Map<String, String> out = new LinkedHashMap<>();
        switch (kind) {
            case QUEUE -> routing.queues().forEach(q -> out.put(q.id(), q.label()));
            case BRAND -> routing.brands().forEach(b -> out.put(b.id(), b.label()));
            default -> routing.tiers().forEach(t -> out.put(t.id(), t.label()));
        }
        for (String id : seen.get(kind)) {
            out.putIfAbsent(id, id);
        }
        return out;
    }

    private String agentName(String id) {
        return routing.agents().stream().filter(a -> a.id().equals(id)).map(a -> a.name() == null || a.name().isBlank()
                ? id : a.name()).findFirst().orElse(id);
    }

    private QueueSpec queueSpec(String id) {
        return routing.queues().stream().filter(q -> q.id().equals(id)).findFirst().orElse(null);
    }

    private static ReportRow row(LocalDate from, LocalDate to, Scope scope, String label, Integer thresholdSeconds,
                                 Integer targetPercent, Map<Scope, Sums> sums) {
        Sums s = sums.getOrDefault(scope, new Sums());
        // The board counts no calls by agent: an agent's row has no traffic to show rather than zeros.
        TrafficFigures traffic = AGENT.equals(scope.kind()) ? null : TrafficFigures.of(s.counts);
        return new ReportRow(from, to, scope.kind(), scope.id(), label, thresholdSeconds, targetPercent,
                traffic, s.surveys, s.satisfied, s.ratingSum, s.complaints);
    }
}
