package acd.ivr.menu;

import java.util.Objects;

/**
 * A caller offered the post-call survey, with what the answer is filed under.
 *
 * @param queue    the queue the call was answered from (null when unknown)
 * @param tier     the caller's tier (null for the default tier)
 * @param language the language the call was in (null for the menu's first)
 */
public record SurveyCaller(String callId, String number, String queue, String tier, String language) {
    public SurveyCaller {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(number, "number");
    }
}
