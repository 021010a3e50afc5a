package acd.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change to an agent's routing profile made while the centre runs (a supervisor moving a
 * seat to another team, say). A part left null stays as it is.
 *
 * @param skills     the agent's new skills, name to proficiency 1 (best) .. 10, or null
 * @param seatGroups the agent's new seat groups, or null
 */
public record AgentChange(Map<String, Integer> skills, List<String> seatGroups) {
    public AgentChange {
        // In the order given, not Map.copyOf's, whose order changes from one JVM to the next:
        // a change is an engine input, and the engine and its recordings must not depend on that.
        if (skills != null) {
            Map<String, Integer> ordered = new LinkedHashMap<>();
            skills.forEach((skill, level) -> ordered.put(Objects.requireNonNull(skill, "skill"),
                    Objects.requireNonNull(level, "level of " + skill)));
            skills = Collections.unmodifiableMap(ordered);
        }
        seatGroups = seatGroups == null ? null : List.copyOf(seatGroups);
    }

    public static AgentChange skills(Map<String, Integer> skills) {
        return new AgentChange(skills, null);
    }

    public static AgentChange seatGroups(List<String> seatGroups) {
        return new AgentChange(null, seatGroups);
    }
}
