package acd.bench.sim;

import acd.core.model.AgentSpec;
import acd.core.model.QueueOrdering;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What to simulate: a routing configuration, exactly as the server would load it, and the
 * traffic offered to it.
 *
 * @param name    how reports name the run, e.g. the scenario file
 * @param config  the floor: skills, tiers, queues, tier rules, agents
 * @param traffic the callers
 */
public record Scenario(String name, RoutingConfig config, Traffic traffic) {
    /** The only queue, skill and tier of a flag-driven run. */
    public static final String SINGLE_QUEUE = "general";
    public static final String SINGLE_TIER = "standard";

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(traffic, "traffic");
    }

    /**
     * The textbook M/M/N queue that Erlang C describes: one queue, one skill, identical agents,
     * first come first served, no wrap-up, no ring delay, no missed offers; callers never hang up
     * unless {@code patienceSeconds} is above 0.
     */
    public static Scenario erlangC(double offeredErlangs, double ahtSeconds, int agents, int thresholdSeconds,
                                   double patienceSeconds, long calls, long warmUpCalls, long seed) {
        if (agents < 1) {
            throw new IllegalArgumentException("at least one agent is needed, found " + agents);
        }
        QueueSpec queue = QueueSpec.of(SINGLE_QUEUE, List.of(SINGLE_QUEUE))
                .withOrdering(QueueOrdering.FIFO)
                .withThresholdSeconds(thresholdSeconds)
                .withWaitBoundSeconds(0)
                .withAnnounceEverySeconds(0);
        List<AgentSpec> seats = new ArrayList<>(agents);
        for (int i = 1; i <= agents; i++) {
            String id = Integer.toString(1000 + i);
            seats.add(new AgentSpec(id, id, "PJSIP/" + id, Map.of(SINGLE_QUEUE, AgentSpec.BEST_PROFICIENCY),
                    List.of(), 0));
        }
        RoutingConfig config = new RoutingConfig(List.of(SINGLE_QUEUE), List.of(),
                List.of(new TierSpec(SINGLE_TIER, SINGLE_TIER, 1, 0)), SINGLE_TIER, List.of(), List.of(),
                RoutingConfig.DEFAULT_NO_ANSWER_LIMIT, List.of(queue), List.of(), seats);
        CallerStream callers = CallerStream.of(SINGLE_QUEUE, SINGLE_TIER, 1, ahtSeconds, patienceSeconds);
        Traffic traffic = new Traffic(offeredErlangs / ahtSeconds, List.of(callers), calls, warmUpCalls, seed,
                Traffic.HandleTime.EXPONENTIAL, 1, 0, 0, Traffic.DEFAULT_BACK_AFTER_NO_ANSWER_SECONDS);
        String name = String.format(Locale.ROOT, "M/M/%d, %.2f erlangs, AHT %.0f s", agents, offeredErlangs,
                ahtSeconds);
        return new Scenario(name, config, traffic);
    }

    public Scenario withTraffic(Traffic newTraffic) {
        return new Scenario(name, config, newTraffic);
    }

    public Scenario withConfig(RoutingConfig newConfig) {
        return new Scenario(name, newConfig, traffic);
    }

    /** Every queue ordered the same way, for comparing orderings on the same callers. */
    public Scenario withOrdering(QueueOrdering ordering) {
        List<QueueSpec> queues = new ArrayList<>();
        for (QueueSpec q : config.queues()) {
            queues.add(q.withOrdering(ordering));
        }
        return withConfig(config.withQueues(queues));
    }

    /** Every queue measured against the same service-level threshold. */
    public Scenario withThresholdSeconds(int seconds) {
        List<QueueSpec> queues = new ArrayList<>();
        for (QueueSpec q : config.queues()) {
            queues.add(q.withThresholdSeconds(seconds));
        }
        return withConfig(config.withQueues(queues));
    }

    /** Every caller with the same mean talk time. */
    public Scenario withAhtSeconds(double seconds) {
        List<CallerStream> streams = new ArrayList<>();
        for (CallerStream s : traffic.streams()) {
            streams.add(s.withAhtSeconds(seconds));
        }
        return withTraffic(traffic.withStreams(streams));
    }

    /** Every caller with the same mean patience; 0 = nobody hangs up. */
    public Scenario withPatienceSeconds(double seconds) {
        List<CallerStream> streams = new ArrayList<>();
        for (CallerStream s : traffic.streams()) {
            streams.add(s.withPatienceSeconds(seconds));
        }
        return withTraffic(traffic.withStreams(streams));
    }

    public Scenario withSeed(long seed) {
        return withTraffic(traffic.withSeed(seed));
    }

    public Scenario withCalls(long calls, long warmUpCalls) {
        return withTraffic(traffic.withCalls(calls, warmUpCalls));
    }
}
