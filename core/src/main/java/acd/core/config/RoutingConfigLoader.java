package acd.core.config;

import acd.core.config.ConfigNode.ListNode;
import acd.core.config.ConfigNode.MapNode;
import acd.core.config.ConfigNode.ScalarNode;
import acd.core.model.AgentSelection;
import acd.core.model.CallbackRules;
import acd.core.model.CallbackStrategy;
import acd.core.model.AgentSpec;
import acd.core.model.BrandSpec;
import acd.core.model.MaxWaitAction;
import acd.core.model.NoAgentsAction;
import acd.core.model.PeakRules;
import acd.core.model.QueueOrdering;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierRule;
import acd.core.model.TierSpec;
import acd.core.model.WideningStep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the routing configuration from YAML text, checking everything a running server would
 * otherwise trip over later: types, ranges, names that refer to each other, duplicates. A bad
 * configuration yields one {@link ConfigError} listing every problem with file, line and
 * column, so the server stops before it starts rather than half-starting.
 *
 * <p>The configuration may be split over several sources (by default {@code config/routing.yaml}
 * and {@code config/agents.yaml}); each top-level section may appear in only one of them.
 */
public final class RoutingConfigLoader {

    /** The top-level sections this loader reads, in the order they are documented. */
    public static final List<String> SECTIONS = List.of("skills", "seatGroups", "tiers", "defaultTier", "brands",
            "notReadyReasons", "noAnswerLimit", "queues", "tierRules", "agents");

    private static final List<String> REQUIRED_SECTIONS = List.of("skills", "tiers", "queues", "agents");

    public static final int DEFAULT_WRAP_UP_SECONDS = 10;
    public static final String DEFAULT_ENDPOINT = "PJSIP/{id}";
    /** Stands for the agent's id in {@code name} and {@code endpoint}. */
    public static final String ID_PLACEHOLDER = "{id}";
    /** The most agents one {@code idRange} may make; a typo such as {@code 1001-10010} should not make 9,000 seats. */
    public static final int MAX_ID_RANGE = 5_000;
    /** In a tier rule step, {@code groups: any} lets the call go to any agent with the skills. */
    public static final String ANY_GROUP = "any";

    private static final List<String> TIER_KEYS = List.of("id", "label", "weight", "offsetSeconds");
    private static final List<String> BRAND_KEYS = List.of("id", "label");
    private static final List<String> QUEUE_KEYS = List.of("id", "label", "requiredSkills", "thresholdSeconds",
            "targetPercent", "shortAbandonSeconds", "ordering", "waitBoundSeconds", "agentSelection",
            "ringTimeoutSeconds", "maxWait", "whenNoAgents", "accountManagerWaitSeconds", "announceEverySeconds",
            "callback", "peak");
    private static final List<String> PEAK_KEYS = List.of("announcement", "maxWait");
    private static final List<String> CALLBACK_KEYS = List.of("offerAboveWaitSeconds", "strategy", "attempts",
            "retryAfterSeconds", "customerRingSeconds");
    private static final List<String> MAX_WAIT_KEYS = List.of("seconds", "action", "target");
    private static final List<String> RULE_KEYS = List.of("name", "tier", "brand", "queues", "steps");
    private static final List<String> STEP_KEYS = List.of("afterSeconds", "groups");
    private static final List<String> AGENT_KEYS = List.of("id", "idRange", "name", "endpoint", "skills", "groups",
            "wrapUpSeconds");

    private static final Pattern ID_RANGE = Pattern.compile("\\s*(\\d{1,18})\\s*-\\s*(\\d{1,18})\\s*");

    private RoutingConfigLoader() {
    }

    /**
     * The routing configuration and the caller's own top-level sections.
     *
     * @param config        the routing configuration
     * @param extraSections each caller-declared section that was present, by name, as written
     */
    public record Result(RoutingConfig config, Map<String, ConfigNode> extraSections) {
        public Result {
            extraSections = Collections.unmodifiableMap(new LinkedHashMap<>(extraSections));
        }

        public Optional<ConfigNode> extraSection(String name) {
            return Optional.ofNullable(extraSections.get(name));
        }
    }

    /** Loads a configuration held in one source. */
    public static RoutingConfig parse(String name, String text) {
        return parse(List.of(new ConfigSource(name, text)));
    }

    /** Loads a configuration split over several sources. */
    public static RoutingConfig parse(List<ConfigSource> sources) {
        return parseDocument(sources, Set.of()).config();
    }

    /** As {@link #parseDocument(List, Set)} for one source. */
    public static Result parseDocument(String name, String text, Set<String> extraSections) {
        return parseDocument(List.of(new ConfigSource(name, text)), extraSections);
    }

    /**
     * Loads a configuration that may carry sections other than routing's, such as a simulator
     * scenario's {@code traffic:}. Sections named in {@code extraSections} are returned unread for
     * the caller to check; any other unknown top-level key is an error.
     *
     * @throws ConfigError every problem found, the first (by file, line, column) as headline
     * @throws IllegalArgumentException when an extra section has a routing section's name
     */
    public static Result parseDocument(List<ConfigSource> sources, Set<String> extraSections) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no configuration sources");
        }
        for (String extra : extraSections) {
            if (SECTIONS.contains(extra)) {
                throw new IllegalArgumentException("'" + extra + "' is a routing section, not an extra one");
            }
        }
        return new Reading(sources, extraSections).read();
    }

    /** Names defined by one section, where each was first written, and whether references can be checked. */
    private static final class Known {
        private final String kind;
        private final ConfigProblems problems;
        private final Map<String, ConfigNode> firstAt = new LinkedHashMap<>();
        /** False when some name in the defining section could not be read: a reference may then be right. */
        private boolean reliable = true;

        Known(String kind, ConfigProblems problems) {
            this.kind = kind;
            this.problems = problems;
        }

        /** Adds a name, reporting a duplicate; true when new. */
        boolean add(String name, ConfigNode at) {
            ConfigNode first = firstAt.get(name);
            if (first != null) {
                problems.add(at, "duplicate " + kind + " '" + name + "' (first at " + lineOf(first, at) + ")");
                return false;
            }
            firstAt.put(name, at);
            return true;
        }

        boolean contains(String name) {
            return firstAt.containsKey(name);
        }

        /** Reports {@code message} when {@code name} is not defined (and the definitions could be read). */
        void check(String name, ConfigNode at, String message) {
            if (reliable && !firstAt.containsKey(name)) {
                problems.add(at, message + Names.suggestion(name, firstAt.keySet()));
            }
        }
    }

    private static String lineOf(ConfigNode first, ConfigNode at) {
        return first.source().equals(at.source()) ? "line " + first.line() : first.source() + ":" + first.line();
    }

    /** One load: the merged sections, what they define, and the problems found so far. */
    private static final class Reading {
        private final List<ConfigSource> sources;
        private final Set<String> extras;
        private final ConfigProblems problems;
        private final Known skills;
        private final Known seatGroups;
        private final Known tiers;
        private final Known brands;
        private final Known queues;

        Reading(List<ConfigSource> sources, Set<String> extras) {
            this.sources = List.copyOf(sources);
            this.extras = new TreeSet<>(extras);
            List<String> names = new ArrayList<>();
            for (ConfigSource s : sources) {
                names.add(s.name());
            }
            this.problems = new ConfigProblems(names);
            this.skills = new Known("skill", problems);
            this.seatGroups = new Known("seat group", problems);
            this.tiers = new Known("tier", problems);
            this.brands = new Known("brand", problems);
            this.queues = new Known("queue", problems);
        }

        Result read() {
            Map<String, ConfigNode> values = new LinkedHashMap<>();
            Map<String, ScalarNode> keys = new LinkedHashMap<>();
            if (!merge(values, keys)) {
                // a file that is not YAML leaves sections unread; "missing section" would only mislead
                problems.throwIfAny();
            }

            MapNode merged = new MapNode(sources.get(0).name(), 1, 1, "", values, keys);
            ConfigFields top = ConfigFields.of(merged, "", problems);
            checkRequiredSections(top, keys);

            List<String> skillNames = names(top, "skills", skills, "skill", RoutingConfig.MAX_SKILLS, true);
            List<String> groupNames = names(top, "seatGroups", seatGroups, "seat group", RoutingConfig.MAX_SEAT_GROUPS, false);
            List<TierSpec> tierSpecs = tiers(top);
            String defaultTier = defaultTier(top, tierSpecs);
            List<BrandSpec> brandSpecs = brands(top);
            List<String> reasons = names(top, "notReadyReasons", new Known("not-ready reason", problems),
                    "not-ready reason", Integer.MAX_VALUE, false);
            int noAnswerLimit = top.integer("noAnswerLimit", RoutingConfig.DEFAULT_NO_ANSWER_LIMIT, 1, Integer.MAX_VALUE);
            List<QueueSpec> queueSpecs = queues(top);
            List<TierRule> rules = tierRules(top);
            List<AgentSpec> agents = agents(top);

            problems.throwIfAny();
            RoutingConfig config = new RoutingConfig(skillNames, groupNames, tierSpecs, defaultTier, brandSpecs, reasons,
                    noAnswerLimit, queueSpecs, rules, agents);
            Map<String, ConfigNode> extraValues = new LinkedHashMap<>();
            for (String name : values.keySet()) {
                if (extras.contains(name)) {
                    extraValues.put(name, values.get(name));
                }
            }
            return new Result(config, extraValues);
        }

        /** Collects every source's sections; false when some source is not YAML at all. */
        private boolean merge(Map<String, ConfigNode> values, Map<String, ScalarNode> keys) {
            boolean allParsed = true;
            List<String> expected = new ArrayList<>(SECTIONS);
            expected.addAll(extras);
            for (ConfigSource source : sources) {
                ConfigNode root = ConfigNode.parse(source.name(), source.text(), problems);
                if (root == null) {
                    allParsed = false;
                    continue;
                }
                if (!(root instanceof MapNode map)) {
                    problems.add(root, "expected sections (name: value) at the top of the file, found " + root.describe());
                    continue;
                }
                for (String name : map.keys()) {
                    ScalarNode key = map.keyNode(name);
                    if (!expected.contains(name)) {
                        problems.add(key, "unknown section '" + name + "'; expected one of " + String.join(", ", expected)
                                + Names.suggestion(name, expected));
                        continue;
                    }
                    ScalarNode first = keys.get(name);
                    if (first != null) {
                        problems.add(key, "section '" + name + "' appears in both " + first.source() + " (line "
                                + first.line() + ") and " + key.source() + " (line " + key.line() + ")");
                        continue;
                    }
                    keys.put(name, key);
                    values.put(name, map.get(name));
                }
            }
            return allParsed;
        }

        private void checkRequiredSections(ConfigFields top, Map<String, ScalarNode> keys) {
            for (String name : REQUIRED_SECTIONS) {
                if (top.has(name)) {
                    continue;
                }
                ScalarNode key = keys.get(name);
                if (key != null) {
                    problems.add(key, "section '" + name + "' is empty");
                } else if (sources.size() == 1) {
                    problems.add(top.node(), "missing section '" + name + "'");
                } else {
                    List<String> names = new ArrayList<>();
                    for (ConfigSource s : sources) {
                        names.add(s.name());
                    }
                    problems.add(top.node(), "missing section '" + name + "' (looked in " + String.join(", ", names) + ")");
                }
            }
        }

        /** A section that is a list of unique names, each registered in {@code known}. */
        private List<String> names(ConfigFields top, String section, Known known, String kind, int max, boolean required) {
            List<String> out = new ArrayList<>();
            ConfigNode value = top.value(section);
            if (value == null) {
                known.reliable = !required;
                return out;
            }
            ListNode list = top.list(section);
            if (list == null) {
                known.reliable = false;
                return out;
            }
            for (ConfigNode item : list.items()) {
                String name = top.nameOf(item, "each " + kind);
                if (name == null) {
                    known.reliable = false;
                    continue;
                }
                if (known == seatGroups && ANY_GROUP.equals(name)) {
                    problems.add(item, "'" + ANY_GROUP + "' cannot be a seat group: in tier rule steps it means any agent");
                    continue;
                }
                if (known.add(name, item)) {
                    out.add(name);
                }
            }
            if (required && list.isEmpty()) {
                problems.add(list, section + " must list at least one " + kind);
            }
            if (out.size() > max) {
                problems.add(list, "too many " + section + ": " + out.size() + "; at most " + max);
            }
            return out;
        }

        private List<TierSpec> tiers(ConfigFields top) {
            List<TierSpec> out = new ArrayList<>();
            ListNode list = top.list("tiers");
            if (list == null) {
                tiers.reliable = false;
                return out;
            }
            if (list.isEmpty()) {
                problems.add(list, "tiers must list at least one tier");
            }
            for (ConfigNode item : list.items()) {
                ConfigFields f = ConfigFields.of(item, item.path(), problems);
                String id = f.name("id");
                if (id == null) {
                    tiers.reliable = false;
                } else {
                    f = f.describedAs("tier '" + id + "'");
                    if (!tiers.add(id, f.value("id"))) {
                        id = null;
                    }
                }
                f.allowOnly(TIER_KEYS);
                String label = f.text("label", id);
                Double weight = f.requiredDecimal("weight", 0, true);
                double offsetSeconds = f.decimal("offsetSeconds", 0, 0, false);
                if (id != null && weight != null) {
                    out.add(new TierSpec(id, label, weight, offsetSeconds));
                }
            }
            return out;
        }

        private String defaultTier(ConfigFields top, List<TierSpec> tierSpecs) {
            String name = top.optionalName("defaultTier");
            if (name == null) {
                return tierSpecs.isEmpty() ? null : tierSpecs.get(tierSpecs.size() - 1).id();
            }
            tiers.check(name, top.value("defaultTier"), "defaultTier names unknown tier '" + name + "'");
            return name;
        }

        private List<BrandSpec> brands(ConfigFields top) {
            List<BrandSpec> out = new ArrayList<>();
            ListNode list = top.list("brands");
            if (list == null) {
                brands.reliable = !top.has("brands");
                return out;
            }
            for (ConfigNode item : list.items()) {
                ConfigFields f = ConfigFields.of(item, item.path(), problems);
                String id = f.name("id");
                if (id == null) {
                    brands.reliable = false;
                } else {
                    f = f.describedAs("brand '" + id + "'");
                    if (!brands.add(id, f.value("id"))) {
                        id = null;
                    }
                }
                f.allowOnly(BRAND_KEYS);
                String label = f.text("label", id);
                if (id != null) {
                    out.add(new BrandSpec(id, label));
                }
            }
            return out;
        }

        /**
         * An overflow target to check once every queue is known.
         *
         * @param peak a peak mode's: checked like the others, and left out of the search for
         *             circles, which only the two modes together could close (a call's hops are
         *             capped all the same)
         */
        private record Overflow(String from, String to, ConfigNode at, boolean peak) {
        }

        private List<QueueSpec> queues(ConfigFields top) {
            List<QueueSpec> out = new ArrayList<>();
            ListNode list = top.list("queues");
            if (list == null) {
                queues.reliable = false;
                return out;
            }
            if (list.isEmpty()) {
                problems.add(list, "queues must list at least one queue");
            }
            List<Overflow> overflows = new ArrayList<>();
            for (ConfigNode item : list.items()) {
                QueueSpec q = queue(item, overflows);
                if (q != null) {
                    out.add(q);
                }
            }
            for (Overflow o : overflows) {
                if (o.to().equals(o.from())) {
                    problems.add(o.at(), "queue '" + o.from() + "' overflows to itself");
                } else {
                    queues.check(o.to(), o.at(), "queue '" + o.from() + "' overflows to unknown queue '" + o.to() + "'");
                }
            }
            reportOverflowCircles(overflows);
            return out;
        }

        private QueueSpec queue(ConfigNode item, List<Overflow> overflows) {
            ConfigFields f = ConfigFields.of(item, item.path(), problems);
            String id = f.name("id");
            if (id == null) {
                queues.reliable = false;
            } else {
                f = f.describedAs("queue '" + id + "'");
                if (!queues.add(id, f.value("id"))) {
                    id = null;
                }
            }
            f.allowOnly(QUEUE_KEYS);
            String label = f.text("label", id);
            List<String> required = requiredSkills(f);
            int thresholdSeconds = f.integer("thresholdSeconds", QueueSpec.DEFAULT_THRESHOLD_SECONDS, 1, Integer.MAX_VALUE);
            int targetPercent = f.integer("targetPercent", QueueSpec.DEFAULT_TARGET_PERCENT, 1, 100);
            int shortAbandonSeconds = f.integer("shortAbandonSeconds", QueueSpec.DEFAULT_SHORT_ABANDON_SECONDS, 0,
                    Integer.MAX_VALUE);
            QueueOrdering ordering = f.choice("ordering", QueueOrdering.class, QueueOrdering.WEIGHTED);
            int waitBoundSeconds = f.integer("waitBoundSeconds", QueueSpec.DEFAULT_WAIT_BOUND_SECONDS, 0, Integer.MAX_VALUE);
            AgentSelection selection = f.choice("agentSelection", AgentSelection.class, AgentSelection.LONGEST_IDLE);
            int ringTimeoutSeconds = f.integer("ringTimeoutSeconds", QueueSpec.DEFAULT_RING_TIMEOUT_SECONDS, 1,
                    Integer.MAX_VALUE);
            NoAgentsAction whenNoAgents = f.choice("whenNoAgents", NoAgentsAction.class, NoAgentsAction.WAIT);
            int accountManagerWaitSeconds = f.integer("accountManagerWaitSeconds",
                    QueueSpec.DEFAULT_ACCOUNT_MANAGER_WAIT_SECONDS, 0, Integer.MAX_VALUE);
            int announceEverySeconds = f.integer("announceEverySeconds", QueueSpec.DEFAULT_ANNOUNCE_EVERY_SECONDS, 0,
                    Integer.MAX_VALUE);

            int maxWaitSeconds = 0;
            MaxWaitAction maxWaitAction = MaxWaitAction.DISCONNECT;
            String target = null;
            ConfigFields maxWait = f.fields("maxWait", f.what() + " maxWait");
            if (maxWait != null) {
                maxWait.allowOnly(MAX_WAIT_KEYS);
                Integer seconds = maxWait.requiredInteger("seconds", 1, Integer.MAX_VALUE);
                MaxWaitAction action = maxWait.requiredChoice("action", MaxWaitAction.class);
                target = maxWait.optionalName("target");
                maxWaitSeconds = seconds == null ? 0 : seconds;
                maxWaitAction = action == null ? MaxWaitAction.DISCONNECT : action;
                if (action == MaxWaitAction.OVERFLOW && !maxWait.has("target")) {
                    maxWait.report(maxWait.node(), "action overflow needs a target: the queue to overflow to");
                }
                if (target != null && action != null && action != MaxWaitAction.OVERFLOW
                        && whenNoAgents != NoAgentsAction.OVERFLOW) {
                    maxWait.report(maxWait.value("target"), "target is only used when action or whenNoAgents is overflow");
                }
                if (target != null && id != null) {
                    overflows.add(new Overflow(id, target, maxWait.value("target"), false));
                }
            }
            if (whenNoAgents == NoAgentsAction.OVERFLOW && (maxWait == null || !maxWait.has("target"))) {
                f.report(f.value("whenNoAgents"), "whenNoAgents overflow needs maxWait.target: the queue to overflow to");
            }
            CallbackRules callback = callback(f, announceEverySeconds);
            PeakRules peak = peak(f, id, maxWaitSeconds, overflows);
            if (id == null) {
                return null;
            }
            return new QueueSpec(id, label, required, thresholdSeconds, targetPercent, shortAbandonSeconds, ordering,
                    waitBoundSeconds, selection, ringTimeoutSeconds, maxWaitSeconds, maxWaitAction, target, whenNoAgents,
                    accountManagerWaitSeconds, announceEverySeconds, callback, peak);
        }

        /**
         * A queue's {@code peak:} map; absent, the queue has no peak mode. Its longest wait must be
         * shorter than the queue's own: the point of the mode is to move callers on sooner.
         */
        private PeakRules peak(ConfigFields queue, String id, int maxWaitSeconds, List<Overflow> overflows) {
            ConfigFields f = queue.fields("peak", queue.what() + " peak");
            if (f == null) {
                return PeakRules.NONE;
            }
            f.allowOnly(PEAK_KEYS);
            String announcement = f.optionalName("announcement");
            ConfigFields maxWait = f.fields("maxWait", f.what() + " maxWait");
            if (maxWait == null) {
                if (!f.has("maxWait")) {
                    f.reportMissing("maxWait");
                }
                return PeakRules.NONE;
            }
            maxWait.allowOnly(MAX_WAIT_KEYS);
            Integer seconds = maxWait.requiredInteger("seconds", 1, Integer.MAX_VALUE);
            MaxWaitAction action = maxWait.requiredChoice("action", MaxWaitAction.class);
            String target = maxWait.optionalName("target");
            if (action == MaxWaitAction.OVERFLOW && target == null) {
                maxWait.report(maxWait.node(), "action overflow needs a target: the backup queue to overflow to");
            }
            if (target != null && action != null && action != MaxWaitAction.OVERFLOW) {
                maxWait.report(maxWait.value("target"), "target is only used when action is overflow");
            }
            if (seconds != null && maxWaitSeconds > 0 && seconds >= maxWaitSeconds) {
                maxWait.report(maxWait.value("seconds"), "peak mode's longest wait (" + seconds + " s) must be shorter"
                        + " than the queue's own (" + maxWaitSeconds + " s)");
            }
            if (target != null && id != null) {
                overflows.add(new Overflow(id, target, maxWait.value("target"), true));
            }
            if (seconds == null || action == null) {
                return PeakRules.NONE;
            }
            return new PeakRules(announcement, seconds, action, action == MaxWaitAction.OVERFLOW ? target : null);
        }

        /** A queue's {@code callback:} map; absent, the queue offers none. */
        private CallbackRules callback(ConfigFields queue, int announceEverySeconds) {
            ConfigFields f = queue.fields("callback", queue.what() + " callback");
            if (f == null) {
                return CallbackRules.NONE;
            }
            f.allowOnly(CALLBACK_KEYS);
            Integer offerAbove = f.requiredInteger("offerAboveWaitSeconds", 1, Integer.MAX_VALUE);
            CallbackStrategy strategy = f.choice("strategy", CallbackStrategy.class, CallbackStrategy.SEAT_FIRST);
            int attempts = f.integer("attempts", CallbackRules.DEFAULT_ATTEMPTS, 1, 20);
            int retryAfter = f.integer("retryAfterSeconds", CallbackRules.DEFAULT_RETRY_AFTER_SECONDS, 0,
                    Integer.MAX_VALUE);
            int ring = f.integer("customerRingSeconds", CallbackRules.DEFAULT_CUSTOMER_RING_SECONDS, 5, 300);
            if (announceEverySeconds == 0 && offerAbove != null) {
                // The offer is made in the announcements: a queue that never announces never offers.
                f.report(f.value("offerAboveWaitSeconds"),
                        "callbacks are offered in the announcements, but announceEverySeconds is 0");
            }
            return offerAbove == null ? CallbackRules.NONE
                    : new CallbackRules(offerAbove, strategy, attempts, retryAfter, ring);
        }

        private List<String> requiredSkills(ConfigFields f) {
            List<String> out = new ArrayList<>();
            if (!f.has("requiredSkills")) {
                f.reportMissing("requiredSkills");
                return out;
            }
            ListNode list = f.list("requiredSkills");
            if (list == null) {
                return out;
            }
            if (list.isEmpty()) {
                f.report(list, "requiredSkills must name at least one skill");
            }
            Map<String, ConfigNode> seen = new LinkedHashMap<>();
            for (ConfigNode item : list.items()) {
                String name = f.nameOf(item, "each required skill");
                if (name == null) {
                    continue;
                }
                ConfigNode first = seen.putIfAbsent(name, item);
                if (first != null) {
                    f.report(item, "skill '" + name + "' is required twice (first at " + lineOf(first, item) + ")");
                    continue;
                }
                skills.check(name, item, f.what() + " requires unknown skill '" + name + "'");
                out.add(name);
            }
            return out;
        }

        /** A ring of overflow targets moves a call round for ever, so each ring is reported once. */
        private void reportOverflowCircles(List<Overflow> overflows) {
            Map<String, Overflow> next = new LinkedHashMap<>();
            for (Overflow o : overflows) {
                if (!o.peak() && !o.to().equals(o.from()) && queues.contains(o.to())) {
                    next.put(o.from(), o);
                }
            }
            Set<String> reported = new HashSet<>();
            for (Overflow start : next.values()) {
                if (reported.contains(start.from())) {
                    continue;
                }
                List<String> path = new ArrayList<>();
                path.add(start.from());
                String at = start.to();
                while (next.containsKey(at) && !path.contains(at)) {
                    path.add(at);
                    at = next.get(at).to();
                }
                if (at.equals(start.from())) {
                    reported.addAll(path);
                    path.add(at);
                    problems.add(start.at(), "queues overflow in a circle: " + String.join(" -> ", path));
                }
            }
        }

        private List<TierRule> tierRules(ConfigFields top) {
            List<TierRule> out = new ArrayList<>();
            ListNode list = top.list("tierRules");
            if (list == null) {
                return out;
            }
            Known names = new Known("tier rule", problems);
            for (ConfigNode item : list.items()) {
                ConfigFields f = ConfigFields.of(item, item.path(), problems);
                String name = f.name("name");
                if (name != null) {
                    f = f.describedAs("tier rule '" + name + "'");
                    names.add(name, f.value("name"));
                }
                f.allowOnly(RULE_KEYS);
                String tier = f.optionalName("tier");
                if (tier != null) {
                    tiers.check(tier, f.value("tier"), f.what() + " names unknown tier '" + tier + "'");
                }
                String brand = f.optionalName("brand");
                if (brand != null) {
                    brands.check(brand, f.value("brand"), f.what() + " names unknown brand '" + brand + "'");
                }
                List<String> ruleQueues = nameRefs(f, "queues", "queue", queues);
                List<WideningStep> steps = steps(f);
                if (name != null) {
                    out.add(new TierRule(name, tier, brand, ruleQueues, steps));
                }
            }
            return out;
        }

        private List<WideningStep> steps(ConfigFields rule) {
            List<WideningStep> out = new ArrayList<>();
            if (!rule.has("steps")) {
                rule.reportMissing("steps");
                return out;
            }
            ListNode list = rule.list("steps");
            if (list == null) {
                return out;
            }
            if (list.isEmpty()) {
                rule.report(list, "steps must have at least one step");
            }
            Integer previous = null;
            for (int i = 0; i < list.size(); i++) {
                ConfigFields step = ConfigFields.of(list.get(i), rule.what() + " step " + (i + 1), problems);
                step.allowOnly(STEP_KEYS);
                Integer after = step.requiredInteger("afterSeconds", 0, Integer.MAX_VALUE);
                if (after != null) {
                    if (i == 0 && after != 0) {
                        step.report(step.value("afterSeconds"), "the first step must be at afterSeconds 0, found " + after);
                    } else if (previous != null && after <= previous) {
                        step.report(step.value("afterSeconds"), "afterSeconds must be later than the step before ("
                                + previous + "), found " + after);
                    }
                    previous = after;
                }
                WideningStep s = stepGroups(step, after == null ? 0 : after);
                if (s != null) {
                    out.add(s);
                }
            }
            return out;
        }

        private WideningStep stepGroups(ConfigFields step, int afterSeconds) {
            ConfigNode groups = step.value("groups");
            if (groups == null) {
                step.reportMissing("groups");
                return null;
            }
            if (groups instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING && ANY_GROUP.equals(s.text().strip())) {
                return WideningStep.anyGroup(afterSeconds);
            }
            if (!(groups instanceof ListNode list)) {
                step.report(groups, "groups must be a list of seat groups or " + ANY_GROUP + ", found " + groups.describe());
                return null;
            }
            if (list.isEmpty()) {
                step.report(list, "groups must name at least one seat group, or be " + ANY_GROUP);
                return null;
            }
            if (list.size() == 1 && list.get(0) instanceof ScalarNode only && ANY_GROUP.equals(only.text().strip())) {
                return WideningStep.anyGroup(afterSeconds);
            }
            List<String> names = new ArrayList<>();
            Map<String, ConfigNode> seen = new LinkedHashMap<>();
            for (ConfigNode item : list.items()) {
                String name = step.nameOf(item, "each group");
                if (name == null) {
                    continue;
                }
                if (ANY_GROUP.equals(name)) {
                    step.report(item, "'" + ANY_GROUP + "' stands alone: write groups: " + ANY_GROUP);
                    continue;
                }
                ConfigNode first = seen.putIfAbsent(name, item);
                if (first != null) {
                    step.report(item, "seat group '" + name + "' is listed twice (first at " + lineOf(first, item) + ")");
                    continue;
                }
                seatGroups.check(name, item, step.what() + " names unknown seat group '" + name + "'");
                names.add(name);
            }
            return new WideningStep(afterSeconds, names, false);
        }

        /** An optional list of names under {@code key}, each defined in {@code known}, none twice. */
        private List<String> nameRefs(ConfigFields f, String key, String kind, Known known) {
            List<String> out = new ArrayList<>();
            ListNode list = f.list(key);
            if (list == null) {
                return out;
            }
            Map<String, ConfigNode> seen = new LinkedHashMap<>();
            for (ConfigNode item : list.items()) {
                String name = f.nameOf(item, "each " + kind);
                if (name == null) {
                    continue;
                }
                ConfigNode first = seen.putIfAbsent(name, item);
                if (first != null) {
                    f.report(item, kind + " '" + name + "' is listed twice (first at " + lineOf(first, item) + ")");
                    continue;
                }
                known.check(name, item, f.what() + " names unknown " + kind + " '" + name + "'");
                out.add(name);
            }
            return out;
        }

        private List<AgentSpec> agents(ConfigFields top) {
            List<AgentSpec> out = new ArrayList<>();
            ListNode list = top.list("agents");
            if (list == null) {
                return out;
            }
            Map<String, ConfigNode> ids = new LinkedHashMap<>();
            for (ConfigNode item : list.items()) {
                agent(item, ids, out);
            }
            return out;
        }

        private void agent(ConfigNode item, Map<String, ConfigNode> seenIds, List<AgentSpec> out) {
            ConfigFields f = ConfigFields.of(item, item.path(), problems);
            List<String> ids = new ArrayList<>();
            ConfigNode idNode = null;
            String what = f.what();
            if (f.has("idRange") && !f.has("id")) {
                idNode = f.value("idRange");
                String range = idRange(f, idNode, ids);
                if (range != null) {
                    what = "agents " + range;
                }
            } else if (f.has("id")) {
                idNode = f.value("id");
                String id = f.name("id");
                if (id != null) {
                    ids.add(id);
                    what = "agent '" + id + "'";
                }
                if (f.has("idRange")) {
                    f.describedAs(what).report(f.keyNode("idRange"), "give either id or idRange, not both");
                }
            } else if (f.isMap()) {
                f.report(item, "missing id (or idRange for a run of seats)");
            }
            f = f.describedAs(what);
            f.allowOnly(AGENT_KEYS);
            String nameTemplate = f.text("name", ID_PLACEHOLDER);
            String endpointTemplate = f.text("endpoint", DEFAULT_ENDPOINT);
            Map<String, Integer> agentSkills = agentSkills(f);
            List<String> groups = nameRefs(f, "groups", "seat group", seatGroups);
            int wrapUpSeconds = f.integer("wrapUpSeconds", DEFAULT_WRAP_UP_SECONDS, 0, Integer.MAX_VALUE);

            List<String> repeated = new ArrayList<>();
            for (String id : ids) {
                if (seenIds.putIfAbsent(id, idNode) != null) {
                    repeated.add(id);
                    continue;
                }
                out.add(new AgentSpec(id, nameTemplate.replace(ID_PLACEHOLDER, id),
                        endpointTemplate.replace(ID_PLACEHOLDER, id), agentSkills, groups, wrapUpSeconds));
            }
            if (!repeated.isEmpty()) {
                String id = repeated.get(0);
                String first = lineOf(seenIds.get(id), idNode);
                if (ids.size() == 1) {
                    problems.add(idNode, "duplicate agent '" + id + "' (first at " + first + ")");
                } else {
                    problems.add(idNode, what + " repeat agent '" + id + "' (first at " + first + ")"
                            + (repeated.size() > 1 ? " and " + (repeated.size() - 1) + " more already defined" : ""));
                }
            }
        }

        /** Expands {@code 2001-2040} into {@code ids}; returns the range as written, or null when invalid. */
        private String idRange(ConfigFields f, ConfigNode node, List<String> ids) {
            Matcher m = node instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING
                    ? ID_RANGE.matcher(s.text()) : null;
            if (m == null || !m.matches()) {
                f.report(node, "idRange must be first-last, e.g. 2001-2040, found " + node.describe());
                return null;
            }
            String firstText = m.group(1);
            long first = Long.parseLong(firstText);
            long last = Long.parseLong(m.group(2));
            if (last < first) {
                f.report(node, "idRange must count upwards, found " + firstText + "-" + m.group(2));
                return null;
            }
            if (last - first + 1 > MAX_ID_RANGE) {
                f.report(node, "idRange " + firstText + "-" + m.group(2) + " makes " + (last - first + 1)
                        + " agents; at most " + MAX_ID_RANGE + " in one range");
                return null;
            }
            // 0001-0040 keeps its width: seat numbers are names, and the phone system dials them as written
            int width = firstText.startsWith("0") ? firstText.length() : 0;
            for (long id = first; id <= last; id++) {
                String digits = Long.toString(id);
                ids.add(digits.length() < width ? "0".repeat(width - digits.length()) + digits : digits);
            }
            return firstText + "-" + m.group(2);
        }

        private Map<String, Integer> agentSkills(ConfigFields f) {
            Map<String, Integer> out = new LinkedHashMap<>();
            if (!f.has("skills")) {
                f.reportMissing("skills");
                return out;
            }
            MapNode map = f.map("skills");
            if (map == null) {
                return out;
            }
            if (map.isEmpty()) {
                f.report(map, "skills must give at least one skill with its proficiency (1 best .. 10)");
            }
            for (String skill : map.keys()) {
                ConfigNode key = map.keyNode(skill);
                skills.check(skill, key, f.what() + " has unknown skill '" + skill + "'");
                Integer proficiency = f.integerOf(map.get(skill), "proficiency of " + skill,
                        AgentSpec.BEST_PROFICIENCY, AgentSpec.WORST_PROFICIENCY);
                if (proficiency != null) {
                    out.put(skill, proficiency);
                }
            }
            return out;
        }
    }
}
