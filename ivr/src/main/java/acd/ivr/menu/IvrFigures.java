package acd.ivr.menu;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the menus achieve, from the records of calls that left them: self-service containment,
 * where callers drop off, time in the menu, and the survey's response rate and average score,
 * overall, per queue and per tier. Fed from any thread as calls end; {@link #snapshot()} is a
 * consistent copy.
 */
public final class IvrFigures {

    /** How a tier, queue or all calls are keyed when the caller's tier is the default. */
    public static final String DEFAULT_TIER = "default";

    /**
     * Calls through the menu.
     *
     * @param calls        calls that left the menu
     * @param contained    of those, calls that ended without a person (self-service containment)
     * @param handedOver   calls handed to a queue
     * @param callerHungUp calls the caller hung up in the menu
     * @param totalMsInIvr time all of them spent in the menu
     */
    public record CallFigures(long calls, long contained, long handedOver, long callerHungUp, long totalMsInIvr) {
        static final CallFigures NONE = new CallFigures(0, 0, 0, 0, 0);

        /** Contained calls as a share of all, 0..100; 0 with no calls. */
        public double containmentPercent() {
            return calls == 0 ? 0 : 100.0 * contained / calls;
        }

        public long averageMsInIvr() {
            return calls == 0 ? 0 : totalMsInIvr / calls;
        }

        CallFigures plus(IvrCallRecord r) {
            return new CallFigures(calls + 1, contained + (r.contained() ? 1 : 0),
                    handedOver + (r.end() == IvrCallRecord.End.HANDED_OVER ? 1 : 0),
                    callerHungUp + (r.end() == IvrCallRecord.End.CALLER_HUNG_UP ? 1 : 0),
                    totalMsInIvr + Math.max(0, r.msInIvr()));
        }
    }

    /**
     * Post-call surveys.
     *
     * @param offered   surveys started
     * @param answered  of those, with a rating (hang-ups and timeouts are no response)
     * @param ratingSum the ratings added up
     * @param satisfied of the ratings, those of 4 or 5: satisfied, as the standards count it
     */
    public record SurveyFigures(long offered, long answered, long ratingSum, long satisfied) {
        public static final SurveyFigures NONE = new SurveyFigures(0, 0, 0, 0);
        /** The lowest rating that counts as satisfied. */
        public static final int SATISFIED_FROM = 4;

        /** Answered as a share of offered, 0..100. */
        public double responsePercent() {
            return offered == 0 ? 0 : 100.0 * answered / offered;
        }

        /** The average of the ratings given, 1..5; 0 with none. */
        public double averageScore() {
            return answered == 0 ? 0 : (double) ratingSum / answered;
        }

        /** Satisfied as a share of the ratings given, 0..100; 0 with none. */
        public double satisfiedPercent() {
            return answered == 0 ? 0 : 100.0 * satisfied / answered;
        }

        SurveyFigures plus(IvrCallRecord r) {
            boolean a = r.surveyRating() > 0;
            return new SurveyFigures(offered + 1, answered + (a ? 1 : 0), ratingSum + (a ? r.surveyRating() : 0),
                    satisfied + (r.surveyRating() >= SATISFIED_FROM ? 1 : 0));
        }
    }

    /**
     * A copy of the figures; maps are sorted by key.
     *
     * @param byQueue          calls by the queue they were handed to
     * @param dropOffsByNode   callers who hung up, by the node they were at
     * @param surveysByQueue   surveys by the queue the call was answered from
     */
    public record Snapshot(CallFigures calls, Map<String, CallFigures> byTier, Map<String, CallFigures> byQueue,
                           Map<String, Long> dropOffsByNode, SurveyFigures surveys,
                           Map<String, SurveyFigures> surveysByQueue, Map<String, SurveyFigures> surveysByTier) {
        public Snapshot {
            byTier = Collections.unmodifiableMap(new TreeMap<>(byTier));
            byQueue = Collections.unmodifiableMap(new TreeMap<>(byQueue));
            dropOffsByNode = Collections.unmodifiableMap(new TreeMap<>(dropOffsByNode));
            surveysByQueue = Collections.unmodifiableMap(new TreeMap<>(surveysByQueue));
            surveysByTier = Collections.unmodifiableMap(new TreeMap<>(surveysByTier));
        }
    }

    // a call ends once and the figures are read now and then: one lock costs nothing here
    private CallFigures calls = CallFigures.NONE;
    private final Map<String, CallFigures> byTier = new HashMap<>();
    private final Map<String, CallFigures> byQueue = new HashMap<>();
    private final Map<String, Long> dropOffs = new HashMap<>();
    private SurveyFigures surveys = SurveyFigures.NONE;
    private final Map<String, SurveyFigures> surveysByQueue = new HashMap<>();
    private final Map<String, SurveyFigures> surveysByTier = new HashMap<>();

    /** Counts one call that left the menu. */
    public synchronized void record(IvrCallRecord r) {
        String tier = r.tier() == null ? DEFAULT_TIER : r.tier();
        if (r.kind() == IvrCallRecord.Kind.SURVEY) {
            surveys = surveys.plus(r);
            surveysByTier.merge(tier, SurveyFigures.NONE.plus(r), (a, b) -> a.plus(r));
            if (r.queue() != null) {
                surveysByQueue.merge(r.queue(), SurveyFigures.NONE.plus(r), (a, b) -> a.plus(r));
            }
            return;
        }
        calls = calls.plus(r);
        byTier.merge(tier, CallFigures.NONE.plus(r), (a, b) -> a.plus(r));
        if (r.queue() != null) {
            byQueue.merge(r.queue(), CallFigures.NONE.plus(r), (a, b) -> a.plus(r));
        }
        if (r.end() == IvrCallRecord.End.CALLER_HUNG_UP) {
            dropOffs.merge(r.lastNode(), 1L, Long::sum);
        }
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(calls, byTier, byQueue, dropOffs, surveys, surveysByQueue, surveysByTier);
    }
}
