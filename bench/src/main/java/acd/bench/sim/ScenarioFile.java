package acd.bench.sim;

import acd.core.config.ConfigError;
import acd.core.config.ConfigFields;
import acd.core.config.ConfigNode;
import acd.core.config.ConfigNode.ListNode;
import acd.core.config.ConfigProblems;
import acd.core.config.RoutingConfigLoader;
import acd.core.model.BrandSpec;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a scenario file: a routing configuration (the same sections as {@code config/routing.yaml}
 * and {@code config/agents.yaml}, checked by the same loader) plus a {@code traffic:} section
 * saying who calls and how often. Every problem is reported with file, line and column.
 *
 * <pre>
 * traffic:
 *   calls: 200000                # arrivals to simulate (default 100000)
 *   warmUpCalls: 4000            # the first arrivals, left out of the figures (default 2% of calls)
 *   seed: 1                      # default 1
 *   offeredErlangs: 27           # total load, at most one of these three; without one, every stream
 *   arrivalRatePerSecond: 0.15   #   gives its own callsPerHour
 *   callsPerHour: 540
 *   ahtSeconds: 180              # mean talk time of streams that give none (default 180)
 *   patienceSeconds: 0           # mean patience of streams that give none; 0 = nobody hangs up (default 0)
 *   handleTime: exponential      # or log-normal (default exponential)
 *   handleTimeCv: 1.0            # spread of log-normal talk times (default 1)
 *   ringDelaySeconds: 0          # a seat rings this long before the agent picks up (default 0)
 *   noAnswerProbability: 0       # chance a seat lets an offer ring out, 0..1 (default 0)
 *   backAfterNoAnswerSeconds: 60 # an agent set not ready for missed calls is back after this (default 60)
 *   streams:                     # at least one
 *     - queue: vip               # required
 *       tier: supreme            # default: the configuration's default tier
 *       brand: gotone            # optional
 *       accountManager: 1001     # optional: the agent id of the caller's own account manager
 *       extraSkills: [english]   # optional: skills needed beyond the queue's
 *       share: 10                # with a total load: relative weight of this stream (default 1)
 *       callsPerHour: 120        # without a total load: this stream's own rate
 *       ahtSeconds: 240          # optional, overrides the traffic default
 *       patienceSeconds: 90      # optional, overrides the traffic default
 * </pre>
 */
public final class ScenarioFile {
    public static final String TRAFFIC = "traffic";
    public static final double DEFAULT_AHT_SECONDS = 180;

    private static final List<String> TRAFFIC_KEYS = List.of("calls", "warmUpCalls", "seed", "offeredErlangs",
            "arrivalRatePerSecond", "callsPerHour", "ahtSeconds", "patienceSeconds", "handleTime", "handleTimeCv",
            "ringDelaySeconds", "noAnswerProbability", "backAfterNoAnswerSeconds", "streams");
    private static final List<String> TOTAL_KEYS = List.of("offeredErlangs", "arrivalRatePerSecond", "callsPerHour");
    private static final List<String> STREAM_KEYS = List.of("queue", "tier", "brand", "accountManager", "extraSkills",
            "share", "callsPerHour", "ahtSeconds", "patienceSeconds");

    private ScenarioFile() {
    }

    /** Reads and checks the file; the scenario is named by the path as given. */
    public static Scenario load(Path path) throws IOException {
        return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    }

    /**
     * @param name what errors and reports call the text, usually its path
     * @throws ConfigError every problem found
     */
    public static Scenario parse(String name, String text) {
        RoutingConfigLoader.Result loaded = RoutingConfigLoader.parseDocument(name, text, Set.of(TRAFFIC));
        RoutingConfig config = loaded.config();
        ConfigProblems problems = new ConfigProblems(List.of(name));
        ConfigNode section = loaded.extraSection(TRAFFIC).orElse(null);
        if (section == null) {
            problems.add(name, 1, 1, "missing section '" + TRAFFIC + "': a scenario says who calls and how often");
            problems.throwIfAny();
        }
        Traffic traffic = new Reading(config, ConfigFields.of(section, TRAFFIC, problems)).traffic();
        problems.throwIfAny();
        return new Scenario(name, config, traffic);
    }

    private static final class Reading {
        private final RoutingConfig config;
        private final ConfigFields top;

        Reading(RoutingConfig config, ConfigFields top) {
            this.config = config;
            this.top = top;
        }

        Traffic traffic() {
            top.allowOnly(TRAFFIC_KEYS);
            int calls = top.integer("calls", (int) Traffic.DEFAULT_CALLS, 1, Integer.MAX_VALUE);
            int warmUp = top.integer("warmUpCalls", (int) Traffic.defaultWarmUp(calls), 0, Integer.MAX_VALUE);
            if (top.has("warmUpCalls") && warmUp >= calls) {
                top.report(top.value("warmUpCalls"), "warmUpCalls must be less than calls (" + calls + ")");
                warmUp = 0;
            }
            int seed = top.integer("seed", (int) Traffic.DEFAULT_SEED, Integer.MIN_VALUE, Integer.MAX_VALUE);
            double aht = top.decimal("ahtSeconds", DEFAULT_AHT_SECONDS, 0, true);
            double patience = top.decimal("patienceSeconds", 0, 0, false);
            Traffic.HandleTime shape = top.choice("handleTime", Traffic.HandleTime.class, Traffic.HandleTime.EXPONENTIAL);
            double cv = top.decimal("handleTimeCv", 1, 0, true);
            double ringDelay = top.decimal("ringDelaySeconds", 0, 0, false);
            double noAnswer = top.decimal("noAnswerProbability", 0, 0, false);
            if (noAnswer > 1) {
                top.report(top.value("noAnswerProbability"), "noAnswerProbability must be at most 1, found " + noAnswer);
                noAnswer = 0;
            }
            double back = top.decimal("backAfterNoAnswerSeconds", Traffic.DEFAULT_BACK_AFTER_NO_ANSWER_SECONDS, 0, false);

            String total = null;
            for (String key : TOTAL_KEYS) {
                if (top.has(key)) {
                    if (total != null) {
                        top.report(top.keyNode(key), "give one total load, not both " + total + " and " + key);
                    } else {
                        total = key;
                    }
                }
            }
            double totalValue = total == null ? 0 : top.decimal(total, 1, 0, true);

            List<CallerStream> streams = new ArrayList<>();
            List<Double> callsPerHour = new ArrayList<>();
            ListNode list = top.list("streams");
            if (list == null) {
                if (!top.has("streams")) {
                    top.reportMissing("streams");
                }
            } else if (list.isEmpty()) {
                top.report(list, "streams must list at least one kind of caller");
            } else if (list.size() > Traffic.MAX_STREAMS) {
                top.report(list, "at most " + Traffic.MAX_STREAMS + " streams, found " + list.size());
            } else {
                for (ConfigNode item : list.items()) {
                    CallerStream s = stream(ConfigFields.of(item, item.path(), top.problems()), total != null, aht,
                            patience, callsPerHour);
                    if (s != null) {
                        streams.add(s);
                    }
                }
            }
            if (!top.problems().isEmpty() || streams.isEmpty()) {
                return null;
            }
            Traffic traffic = new Traffic(1, streams, calls, warmUp, seed, shape, cv, ringDelay, noAnswer, back);
            if (total == null) {
                double sum = 0;
                for (double perHour : callsPerHour) {
                    sum += perHour;
                }
                return traffic.withArrivalsPerSecond(sum / 3600);
            }
            return switch (total) {
                case "offeredErlangs" -> traffic.withOfferedErlangs(totalValue);
                case "arrivalRatePerSecond" -> traffic.withArrivalsPerSecond(totalValue);
                default -> traffic.withArrivalsPerSecond(totalValue / 3600);
            };
        }

        private CallerStream stream(ConfigFields f, boolean totalGiven, double defaultAht, double defaultPatience,
                                    List<Double> callsPerHour) {
            f.allowOnly(STREAM_KEYS);
            String queue = f.name("queue");
            if (queue != null && config.queueIndex(queue) < 0) {
                f.report(f.value("queue"), "unknown queue '" + queue + "'; expected one of " + ids(config.queues()
                        .stream().map(QueueSpec::id).toList()));
            }
            String tier = f.optionalName("tier");
            if (tier != null && config.tierIndex(tier) < 0) {
                f.report(f.value("tier"), "unknown tier '" + tier + "'; expected one of "
                        + ids(config.tiers().stream().map(TierSpec::id).toList()));
            }
            String brand = f.optionalName("brand");
            if (brand != null && config.brandIndex(brand) < 0) {
                f.report(f.value("brand"), "unknown brand '" + brand + "'; expected one of "
                        + ids(config.brands().stream().map(BrandSpec::id).toList()));
            }
            String manager = f.optionalName("accountManager");
            if (manager != null && config.agentIndex(manager) < 0) {
                f.report(f.value("accountManager"), "accountManager '" + manager + "' is not an agent id");
            }
            List<String> extra = new ArrayList<>();
            ListNode skills = f.list("extraSkills");
            if (skills != null) {
                for (ConfigNode s : skills.items()) {
                    String skill = f.nameOf(s, "extraSkills entries");
                    if (skill != null && !config.skills().contains(skill)) {
                        f.report(s, "unknown skill '" + skill + "'; expected one of " + ids(config.skills()));
                    } else if (skill != null) {
                        extra.add(skill);
                    }
                }
            }
            double share = 1;
            if (totalGiven) {
                if (f.has("callsPerHour")) {
                    f.report(f.keyNode("callsPerHour"), "callsPerHour with a total load for all streams; give share instead");
                }
                share = f.decimal("share", 1, 0, true);
            } else {
                if (f.has("share")) {
                    f.report(f.keyNode("share"), "share needs a total load (offeredErlangs, arrivalRatePerSecond or "
                            + "callsPerHour under traffic); give this stream's callsPerHour instead");
                }
                Double perHour = f.requiredDecimal("callsPerHour", 0, true);
                if (perHour != null) {
                    share = perHour;
                    callsPerHour.add(perHour);
                }
            }
            double aht = f.decimal("ahtSeconds", defaultAht, 0, true);
            double patience = f.decimal("patienceSeconds", defaultPatience, 0, false);
            if (queue == null) {
                return null;
            }
            return new CallerStream(queue, tier, brand, manager, extra, share, aht, patience);
        }

        private static String ids(List<String> ids) {
            return String.join(", ", ids);
        }
    }
}
