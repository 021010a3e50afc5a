package acd.bench.jmh;

import acd.core.model.AgentSpec;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hotline floor both routing engines are measured on: 20 skills, 20 queues (queue {@code q}
 * needs skill {@code q}), five customer tiers with weights, and {@code agents} seats with 2 to 4
 * skills each. An agent's skills cluster around a primary one (billing agents also know the
 * next few products), so a call that needs its queue's skill plus the neighbouring one still
 * finds plenty of seats, as language or product pairs do on a real floor.
 *
 * <p>The settings that make the real engine do work the baseline does not model are switched
 * off (position announcements, max wait, tier rules); everything else is the queue default.
 */
public final class RoutingWorkload {
    public static final int SKILLS = 20;
    public static final int QUEUES = SKILLS;
    /** 2025-01-06 08:00 UTC: the floor opens. */
    public static final long OPENING_MS = 1_736_150_400_000L;
    /** After-call work the engine would allow; the traffic always finishes it well before. */
    public static final int WRAP_UP_BACKSTOP_SECONDS = 60;

    static final String[] SKILL_NAMES = {
            "general", "billing", "broadband", "iptv", "roaming", "international", "prepaid", "postpaid",
            "porting", "devices", "data-plans", "family-plans", "enterprise", "complaints", "fraud",
            "loss-theft", "activation", "cancellation", "english", "cantonese"};

    /** Tiers as the production routing file has them, highest first. */
    static final List<TierSpec> TIERS = List.of(
            new TierSpec("supreme", "至尊", 8, 30),
            new TierSpec("diamond", "钻石", 5, 20),
            new TierSpec("gold", "金", 3, 10),
            new TierSpec("silver", "银", 2, 0),
            new TierSpec("standard", "普通", 1, 0));
    /** Share of callers per tier, in thousandths, same order as {@link #TIERS}. */
    static final int[] TIER_MIX_PER_MILLE = {20, 50, 130, 300, 500};

    private RoutingWorkload() {
    }

    /** The floor with {@code agents} seats; the same seed gives the same floor. */
    public static RoutingConfig config(int agents, long seed) {
        if (agents < 1) {
            throw new IllegalArgumentException("agents must be at least 1, got " + agents);
        }
        List<String> skills = List.of(SKILL_NAMES);
        List<QueueSpec> queues = new ArrayList<>(QUEUES);
        for (int q = 0; q < QUEUES; q++) {
            queues.add(QueueSpec.of(SKILL_NAMES[q], List.of(SKILL_NAMES[q])).withAnnounceEverySeconds(0));
        }
        SplitMix random = new SplitMix(seed);
        List<AgentSpec> seats = new ArrayList<>(agents);
        for (int a = 0; a < agents; a++) {
            int primary = random.nextInt(SKILLS);
            int count = 2 + random.nextInt(3);
            Map<String, Integer> proficiency = new LinkedHashMap<>();
            proficiency.put(SKILL_NAMES[primary], 1 + random.nextInt(3));
            while (proficiency.size() < count) {
                int neighbour = (primary + 1 + random.nextInt(4)) % SKILLS;
                proficiency.putIfAbsent(SKILL_NAMES[neighbour], 1 + random.nextInt(10));
            }
            String id = Integer.toString(10_000 + a);
            seats.add(new AgentSpec(id, "agent " + id, "PJSIP/" + id, proficiency, List.of(),
                    WRAP_UP_BACKSTOP_SECONDS));
        }
        return new RoutingConfig(skills, List.of(), TIERS, "standard", List.of(), List.of("break", "lunch"),
                RoutingConfig.DEFAULT_NO_ANSWER_LIMIT, queues, List.of(), seats);
    }

    /** The skill bit mask of each agent, by agent index, as the engine indexes skills. */
    static long[] agentSkillMasks(RoutingConfig config) {
        long[] masks = new long[config.agents().size()];
        for (int a = 0; a < masks.length; a++) {
            for (String skill : config.agents().get(a).skills().keySet()) {
                masks[a] |= 1L << config.skills().indexOf(skill);
            }
        }
        return masks;
    }

    /** A small seeded generator (SplitMix64): deterministic, allocation-free, good enough for traffic. */
    static final class SplitMix {
        private long state;

        SplitMix(long seed) {
            this.state = seed;
        }

        long nextLong() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** Uniform in {@code [0, bound)}. */
        int nextInt(int bound) {
            return (int) (((nextLong() >>> 33) * bound) >>> 31);
        }

        /** Uniform in {@code [0, 1)}. */
        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }
    }
}
