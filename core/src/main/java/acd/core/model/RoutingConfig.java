package acd.core.model;

import java.util.List;

/**
 * Everything the engine routes by. Names refer to each other; the YAML loader checks them with
 * file and line, and the engine checks them again when it compiles a configuration built in code.
 *
 * @param skills           skill names (at most 64)
 * @param seatGroups       seat group names (at most 64)
 * @param tiers            customer tiers, highest rank first
 * @param defaultTier      the tier of callers the directory does not know
 * @param brands           brands
 * @param notReadyReasons  reason names an agent may give for not ready; the engine adds its own
 * @param noAnswerLimit    consecutive ring-no-answers after which an agent is set not ready
 * @param queues           queues
 * @param tierRules        tier and brand rules, first match wins
 * @param agents           agents
 */
public record RoutingConfig(List<String> skills, List<String> seatGroups, List<TierSpec> tiers, String defaultTier,
                            List<BrandSpec> brands, List<String> notReadyReasons, int noAnswerLimit,
                            List<QueueSpec> queues, List<TierRule> tierRules, List<AgentSpec> agents) {

    public static final int MAX_SKILLS = 64;
    public static final int MAX_SEAT_GROUPS = 64;
    public static final int DEFAULT_NO_ANSWER_LIMIT = 2;

    public RoutingConfig {
        skills = List.copyOf(skills);
        seatGroups = List.copyOf(seatGroups);
        tiers = List.copyOf(tiers);
        brands = List.copyOf(brands);
        notReadyReasons = List.copyOf(notReadyReasons);
        queues = List.copyOf(queues);
        tierRules = List.copyOf(tierRules);
        agents = List.copyOf(agents);
    }

    public RoutingConfig withQueues(List<QueueSpec> newQueues) {
        return new RoutingConfig(skills, seatGroups, tiers, defaultTier, brands, notReadyReasons, noAnswerLimit,
                newQueues, tierRules, agents);
    }

    public RoutingConfig withAgents(List<AgentSpec> newAgents) {
        return new RoutingConfig(skills, seatGroups, tiers, defaultTier, brands, notReadyReasons, noAnswerLimit,
                queues, tierRules, newAgents);
    }

    public RoutingConfig withTierRules(List<TierRule> newRules) {
        return new RoutingConfig(skills, seatGroups, tiers, defaultTier, brands, notReadyReasons, noAnswerLimit,
                queues, newRules, agents);
    }

    public int tierIndex(String id) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public int brandIndex(String id) {
        for (int i = 0; i < brands.size(); i++) {
            if (brands.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public int queueIndex(String id) {
        for (int i = 0; i < queues.size(); i++) {
            if (queues.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public int agentIndex(String id) {
        for (int i = 0; i < agents.size(); i++) {
            if (agents.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
