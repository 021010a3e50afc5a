package acd.core.model;

import java.util.List;

/**
 * One step of a tier rule: from {@code afterSeconds} of wait on, the call may also go to these
 * seat groups (steps are cumulative), or to any agent with the skills when {@code anyGroup}.
 */
public record WideningStep(int afterSeconds, List<String> seatGroups, boolean anyGroup) {
    public WideningStep {
        seatGroups = List.copyOf(seatGroups);
    }

    public static WideningStep groups(int afterSeconds, String... groups) {
        return new WideningStep(afterSeconds, List.of(groups), false);
    }

    public static WideningStep anyGroup(int afterSeconds) {
        return new WideningStep(afterSeconds, List.of(), true);
    }
}
