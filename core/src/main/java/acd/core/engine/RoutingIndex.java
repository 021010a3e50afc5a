package acd.core.engine;

import acd.core.model.AgentSpec;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierRule;
import acd.core.model.TierSpec;
import acd.core.model.WideningStep;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The routing configuration compiled once to the indexed form routing works on: skills and seat
 * groups as bit positions, tiers and brands as dense indexes, each agent's skills and groups as
 * masks with a proficiency row, each queue's required skills as a mask and its overflow target
 * as an index, and, for every queue, tier and brand, the widening plan of the first tier rule
 * that matches. Checked while it is built: a name that is not configured, a duplicate, a weight
 * or proficiency out of range stops it with the place named. Immutable; the engine keeps what
 * changes while it runs (an agent's skills, the pools) apart from it.
 */
public final class RoutingIndex {
    private final RoutingConfig config;
    private final Map<String, Integer> skillIndex = new HashMap<>();
    private final Map<String, Integer> groupIndex = new HashMap<>();
    private final int tiers;
    private final int brandSlots;
    private final double[] tierWeight;
    private final long[] tierOffsetMs;
    private final int defaultTier;
    private final int noAnswerLimit;
    private final String[] agentIds;
    private final long[] agentSkills;
    private final long[] agentGroups;
    private final byte[][] agentProficiency;
    private final long[] queueSkills;
    private final int[] overflowTarget;
    private final int[] peakOverflowTarget;
    private final WideningPlan[] plans;

    /**
     * Which agents a call may reach as it waits: from {@code afterMs[i]} on, agents of
     * {@code groupsMask[i]} ({@link Eligibility#ANY_GROUP} for any group). The first step starts
     * at once; without a matching tier rule the plan is one step, any group.
     */
    record WideningPlan(String rule, long[] afterMs, long[] groupsMask) {
        int steps() {
            return afterMs.length;
        }
    }

    public RoutingIndex(RoutingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        index(config.skills(), skillIndex, "skill", RoutingConfig.MAX_SKILLS);
        index(config.seatGroups(), groupIndex, "seat group", RoutingConfig.MAX_SEAT_GROUPS);
        if (config.tiers().isEmpty()) {
            throw new IllegalArgumentException("at least one tier is required");
        }
        this.tiers = config.tiers().size();
        this.brandSlots = config.brands().size() + 1;
        this.tierWeight = new double[tiers];
        this.tierOffsetMs = new long[tiers];
        for (int t = 0; t < tiers; t++) {
            TierSpec tier = config.tiers().get(t);
            if (!(tier.weight() > 0)) {
                throw new IllegalArgumentException("tier '" + tier.id() + "' needs a weight above 0");
            }
            tierWeight[t] = tier.weight();
            tierOffsetMs[t] = Math.round(tier.offsetSeconds() * 1000);
        }
        int dt = config.defaultTier() == null ? tiers - 1 : config.tierIndex(config.defaultTier());
        if (dt < 0) {
            throw new IllegalArgumentException("default tier '" + config.defaultTier() + "' is not a tier");
        }
        this.defaultTier = dt;
        this.noAnswerLimit = Math.max(1, config.noAnswerLimit());

        int agents = config.agents().size();
        this.agentIds = new String[agents];
        this.agentSkills = new long[agents];
        this.agentGroups = new long[agents];
        this.agentProficiency = new byte[agents][];
        Map<String, Integer> agentsById = new HashMap<>();
        for (int a = 0; a < agents; a++) {
            AgentSpec spec = config.agents().get(a);
            if (agentsById.put(spec.id(), a) != null) {
                throw new IllegalArgumentException("duplicate agent id '" + spec.id() + "'");
            }
            byte[] proficiency = new byte[64];
            long skills = 0;
            for (Map.Entry<String, Integer> e : spec.skills().entrySet()) {
                int s = lookup(skillIndex, e.getKey(), "skill", "agent " + spec.id());
                int level = e.getValue();
                if (level < AgentSpec.BEST_PROFICIENCY || level > AgentSpec.WORST_PROFICIENCY) {
                    throw new IllegalArgumentException("agent " + spec.id() + ": proficiency " + level
                            + " for '" + e.getKey() + "' is outside 1..10");
                }
                proficiency[s] = (byte) level;
                skills |= 1L << s;
            }
            long groups = 0;
            for (String g : spec.seatGroups()) {
                groups |= 1L << lookup(groupIndex, g, "seat group", "agent " + spec.id());
            }
            agentIds[a] = spec.id();
            agentSkills[a] = skills;
            agentGroups[a] = groups;
            agentProficiency[a] = proficiency;
        }

        int queues = config.queues().size();
        this.queueSkills = new long[queues];
        this.overflowTarget = new int[queues];
        this.peakOverflowTarget = new int[queues];
        for (int q = 0; q < queues; q++) {
            QueueSpec spec = config.queues().get(q);
            queueSkills[q] = skillMask(spec.requiredSkills(), "queue " + spec.id());
            overflowTarget[q] = target(config, q, spec.overflowQueue());
            peakOverflowTarget[q] = target(config, q, spec.peak().overflowQueue());
        }

        this.plans = new WideningPlan[queues * tiers * brandSlots];
        for (int q = 0; q < queues; q++) {
            for (int t = 0; t < tiers; t++) {
                for (int b = 0; b < brandSlots; b++) {
                    int brand = b == brandSlots - 1 ? -1 : b;
                    plans[routeIndex(q, t, brand)] = plan(q, t, brand);
                }
            }
        }
    }

    public RoutingConfig config() {
        return config;
    }

    int tiers() {
        return tiers;
    }

    /** Brands plus one slot for calls of no brand. */
    int brandSlots() {
        return brandSlots;
    }

    double tierWeight(int tier) {
        return tierWeight[tier];
    }

    long tierOffsetMs(int tier) {
        return tierOffsetMs[tier];
    }

    /** The tier of a call that names none (or one out of range). */
    int defaultTier() {
        return defaultTier;
    }

    /** Offers an agent may miss in a row before being set not ready. */
    int noAnswerLimit() {
        return noAnswerLimit;
    }

    int agentCount() {
        return agentIds.length;
    }

    int queueCount() {
        return queueSkills.length;
    }

    String agentId(int agent) {
        return agentIds[agent];
    }

    long agentSkills(int agent) {
        return agentSkills[agent];
    }

    long agentGroups(int agent) {
        return agentGroups[agent];
    }

    /** The agent's configured proficiency per skill bit (0 for none); a copy. */
    byte[] agentProficiency(int agent) {
        return agentProficiency[agent].clone();
    }

    long queueSkills(int queue) {
        return queueSkills[queue];
    }

    /** The queue a call overflows to, or -1. */
    int overflowTarget(int queue) {
        return overflowTarget[queue];
    }

    /** Where the queue's peak mode overflows to, or -1. */
    int peakOverflowTarget(int queue) {
        return peakOverflowTarget[queue];
    }

    private static int target(RoutingConfig config, int q, String target) {
        if (target == null) {
            return -1;
        }
        int index = config.queueIndex(target);
        if (index < 0 || index == q) {
            throw new IllegalArgumentException("queue " + config.queues().get(q).id() + ": bad overflow target '"
                    + target + "'");
        }
        return index;
    }

    /** The skill's bit, or null when it is not configured. */
    Integer skillBit(String skill) {
        return skillIndex.get(skill);
    }

    /** The seat group's bit, or null when it is not configured. */
    Integer groupBit(String group) {
        return groupIndex.get(group);
    }

    /** Every configured skill's bit set. */
    long allSkillsMask() {
        int n = skillIndex.size();
        return n >= 64 ? -1L : (1L << n) - 1;
    }

    /** The skills' bits; throws naming {@code where} for a skill that is not configured. */
    public long skillMask(List<String> skills, String where) {
        long mask = 0;
        for (String s : skills) {
            mask |= 1L << lookup(skillIndex, s, "skill", where);
        }
        return mask;
    }

    /** The slot of a queue, tier and brand (-1 for none) in per-route tables. */
    int routeIndex(int queue, int tier, int brand) {
        return (queue * tiers + tier) * brandSlots + (brand < 0 ? brandSlots - 1 : brand);
    }

    int routeCount() {
        return plans.length;
    }

    WideningPlan plan(int routeIndex) {
        return plans[routeIndex];
    }

    private WideningPlan plan(int queue, int tier, int brand) {
        TierRule rule = matchingRule(queue, tier, brand);
        if (rule == null) {
            return new WideningPlan(null, new long[]{0}, new long[]{Eligibility.ANY_GROUP});
        }
        int n = rule.steps().size();
        long[] after = new long[n];
        long[] groupsMask = new long[n];
        long groups = 0;
        boolean any = false;
        for (int i = 0; i < n; i++) {
            WideningStep step = rule.steps().get(i);
            after[i] = step.afterSeconds() * 1000L;
            if (i > 0 && after[i] <= after[i - 1]) {
                throw new IllegalArgumentException("tier rule " + rule.name() + ": steps must come in increasing wait");
            }
            any |= step.anyGroup();
            for (String g : step.seatGroups()) {
                groups |= 1L << lookup(groupIndex, g, "seat group", "tier rule " + rule.name());
            }
            groupsMask[i] = any ? Eligibility.ANY_GROUP : groups;
        }
        after[0] = 0;
        return new WideningPlan(rule.name(), after, groupsMask);
    }

    private TierRule matchingRule(int queue, int tier, int brand) {
        String tierId = config.tiers().get(tier).id();
        String brandId = brand < 0 ? null : config.brands().get(brand).id();
        String queueId = config.queues().get(queue).id();
        for (TierRule rule : config.tierRules()) {
            if (rule.tier() != null && !rule.tier().equals(tierId)) {
                continue;
            }
            if (rule.brand() != null && !rule.brand().equals(brandId)) {
                continue;
            }
            if (!rule.queues().isEmpty() && !rule.queues().contains(queueId)) {
                continue;
            }
            return rule;
        }
        return null;
    }

    private static void index(List<String> names, Map<String, Integer> into, String what, int max) {
        if (names.size() > max) {
            throw new IllegalArgumentException("at most " + max + " " + what + "s, found " + names.size());
        }
        for (int i = 0; i < names.size(); i++) {
            if (into.put(names.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate " + what + " '" + names.get(i) + "'");
            }
        }
    }

    private static int lookup(Map<String, Integer> index, String name, String what, String where) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException(where + ": unknown " + what + " '" + name + "'");
        }
        return i;
    }
}
