package acd.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Not-ready reasons as small integers, so events stay primitive. The engine's own reasons come
 * first; the configured ones ({@code notReadyReasons}) follow from {@link #FIRST_CONFIGURED}.
 */
public final class ReasonCodes {
    public static final int UNSPECIFIED = 0;
    /** Set by the engine after too many consecutive ring-no-answers. */
    public static final int NO_ANSWER = 1;
    /** Set by the seat gateway when a desktop vanishes. */
    public static final int DESKTOP_LOST = 2;
    /** Where an agent stands right after logging in. */
    public static final int LOGGED_IN = 3;
    /**
     * On OFFER_NOT_ANSWERED: the offer never reached the seat (the PBX link was down, or its
     * outcome was lost), so it does not count as the agent's miss.
     */
    public static final int NOT_DELIVERED = 4;
    /**
     * On OFFER_NOT_ANSWERED: the seat's phone could not be reached at all (not registered, or
     * gone). The agent is set not ready at once with this reason: no call should wait a ring
     * timeout on a phone that cannot ring.
     */
    public static final int UNREACHABLE = 5;
    public static final int FIRST_CONFIGURED = 10;

    private final List<String> names;

    public ReasonCodes(List<String> configured) {
        List<String> all = new ArrayList<>();
        all.add("unspecified");
        all.add("no answer");
        all.add("desktop lost");
        all.add("logged in");
        all.add("not delivered");
        all.add("phone unreachable");
        while (all.size() < FIRST_CONFIGURED) {
            all.add("reserved-" + all.size());
        }
        all.addAll(configured);
        this.names = List.copyOf(all);
    }

    public String name(int code) {
        return code >= 0 && code < names.size() ? names.get(code) : "reason-" + code;
    }

    /** The code of a reason name, or -1. */
    public int code(String name) {
        return names.indexOf(name);
    }
}
