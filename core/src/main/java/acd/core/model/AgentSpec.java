package acd.core.model;

import java.util.List;
import java.util.Map;

/**
 * A seat's agent.
 *
 * @param id            agent id (e.g. the seat number {@code 1001})
 * @param name          the person's name, for wallboards
 * @param endpoint      where Asterisk reaches the seat phone (e.g. {@code PJSIP/1001})
 * @param skills        skill name to proficiency, 1 (best) to 10
 * @param seatGroups    seat groups the agent sits in (e.g. {@code vip}, {@code gotone})
 * @param wrapUpSeconds after-call work time before the agent is offered the next call
 */
public record AgentSpec(String id, String name, String endpoint, Map<String, Integer> skills,
                        List<String> seatGroups, int wrapUpSeconds) {
    public static final int BEST_PROFICIENCY = 1;
    public static final int WORST_PROFICIENCY = 10;

    public AgentSpec {
        skills = Map.copyOf(skills);
        seatGroups = List.copyOf(seatGroups);
    }
}
