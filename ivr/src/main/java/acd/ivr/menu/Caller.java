package acd.ivr.menu;

import acd.ivr.customer.CustomerProfile;

import java.util.Objects;

/**
 * Who is calling, as the menu starts.
 *
 * @param callId  the call's id, carried into records and the survey
 * @param number  the caller's number; self-service acts on its account
 * @param profile what the customer directory knows (tier, brand, account manager, language)
 */
public record Caller(String callId, String number, CustomerProfile profile) {
    public Caller {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(number, "number");
        profile = profile == null ? CustomerProfile.UNKNOWN : profile;
    }
}
