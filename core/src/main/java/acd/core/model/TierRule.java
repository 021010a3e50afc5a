package acd.core.model;

import java.util.List;

/**
 * Where a tier's or brand's calls may go, and when that widens: the first step's seat groups
 * from the start, each later step's groups added after its wait (as FreeSWITCH mod_callcenter's
 * tier levels or TaskRouter's workflow targets with timeouts). The first rule that matches a
 * call applies; a call that matches none may go to any agent with the skills.
 *
 * @param name   a name for logs and errors
 * @param tier   the tier this rule is for, or null for any tier
 * @param brand  the brand this rule is for, or null for any brand
 * @param queues the queues it applies to; empty for all
 * @param steps  at least one; the first at 0 seconds, later ones strictly later
 */
public record TierRule(String name, String tier, String brand, List<String> queues, List<WideningStep> steps) {
    public TierRule {
        queues = List.copyOf(queues);
        steps = List.copyOf(steps);
    }
}
