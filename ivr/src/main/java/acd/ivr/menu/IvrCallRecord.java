package acd.ivr.menu;

import java.util.List;

/**
 * How one call's time in the menu went, for the figures.
 *
 * @param tier         the caller's tier, or null for the default tier
 * @param path         node ids in the order visited
 * @param lastNode     where the call was when it ended (for a caller who hung up: where they dropped off)
 * @param queue        the queue a person was asked from, or for a survey the queue it is about; else null
 * @param surveyRating for a survey 1..5, or 0 for no response; -1 for a call
 */
public record IvrCallRecord(String callId, Kind kind, String tier, String language, long startedMs, long endedMs,
                            List<String> path, End end, String lastNode, String queue, int surveyRating) {

    public IvrCallRecord {
        path = List.copyOf(path);
    }

    /** Which entry the call came in by. */
    public enum Kind { CALL, SURVEY }

    /** How the call left the menu. */
    public enum End {
        /** Handed to a queue for a person. */
        HANDED_OVER,
        /** The menu hung up: served by self-service, or sent off after too many bad entries. */
        FINISHED,
        /** The caller hung up. */
        CALLER_HUNG_UP
    }

    public long msInIvr() {
        return endedMs - startedMs;
    }

    /** Self-service containment: a call that ended without a person. */
    public boolean contained() {
        return kind == Kind.CALL && end != End.HANDED_OVER;
    }
}
