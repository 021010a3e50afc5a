package acd.core.metrics;

/**
 * Service-level figures for one queue (and tier, brand or interval). Times in milliseconds.
 *
 * @param offered             calls that entered the queue
 * @param answered            calls a person answered
 * @param answeredWithin      answered within the queue's threshold
 * @param abandoned           callers who hung up while waiting or ringing (short ones included)
 * @param shortAbandoned      abandons shorter than the short-abandon threshold
 * @param overflowed          calls moved to another queue
 * @param timedOut            calls released by the max-wait rule (voicemail or disconnect)
 * @param refused             calls released because no agent was logged in
 * @param serviceLevel        answeredWithin / (offered − shortAbandoned), 0..1; NaN with no calls
 * @param answerRate          answered / offered, 0..1; NaN with no calls
 * @param averageSpeedOfAnswerMs mean wait of answered calls
 * @param averageHandleMs     mean talk plus wrap-up time of handled calls
 * @param handled             calls whose talk and wrap-up are over
 * @param longestWaitMs       the longest wait of any answered or abandoned call
 * @param closed              calls that came when the queue was closed: not offered, so outside
 *                            the service level, which counts opening hours only
 * @param callbacksOffered    waiting callers the announcements offered a callback
 * @param callbacksRequested  callers who took it and hung up, keeping their place
 * @param callbacksReached    callbacks the customer answered (then counted answered, their wait
 *                            from the original join to the answer)
 * @param callbacksNotReached callbacks given up unanswered (they became tasks; unanswered calls
 *                            in the service level)
 * @param answeredWithin10s   answered within 10 seconds, whatever the queue's threshold
 * @param answerRate10s       answeredWithin10s / offered, 0..1: the standards' 10-second answer
 *                            rate, judged per brand and per tier; NaN with no calls
 */
public record TrafficFigures(long offered, long answered, long answeredWithin, long abandoned, long shortAbandoned,
                             long overflowed, long timedOut, long refused, double serviceLevel, double answerRate,
                             double averageSpeedOfAnswerMs, double averageHandleMs, long handled,
                             long longestWaitMs, long closed, long callbacksOffered, long callbacksRequested,
                             long callbacksReached, long callbacksNotReached, long answeredWithin10s,
                             double answerRate10s) {

    /** The figures of counts indexed by {@link TrafficField}. */
    public static TrafficFigures of(long[] c) {
        long offered = c[TrafficCounters.OFFERED];
        long answered = c[TrafficCounters.ANSWERED];
        long within = c[TrafficCounters.ANSWERED_WITHIN];
        long shortAbandoned = c[TrafficCounters.SHORT_ABANDONED];
        long handled = c[TrafficCounters.HANDLED];
        long base = offered - shortAbandoned;
        return new TrafficFigures(offered, answered, within, c[TrafficCounters.ABANDONED], shortAbandoned,
                c[TrafficCounters.OVERFLOWED], c[TrafficCounters.TIMED_OUT], c[TrafficCounters.REFUSED],
                base > 0 ? (double) within / base : Double.NaN,
                offered > 0 ? (double) answered / offered : Double.NaN,
                answered > 0 ? (double) c[TrafficCounters.ANSWER_WAIT_SUM_MS] / answered : Double.NaN,
                handled > 0 ? (double) c[TrafficCounters.HANDLE_SUM_MS] / handled : Double.NaN,
                handled, c[TrafficCounters.LONGEST_WAIT_MS], c[TrafficCounters.CLOSED],
                c[TrafficCounters.CALLBACKS_OFFERED], c[TrafficCounters.CALLBACKS_REQUESTED],
                c[TrafficCounters.CALLBACKS_REACHED], c[TrafficCounters.CALLBACKS_NOT_REACHED],
                c[TrafficCounters.ANSWERED_WITHIN_10S],
                offered > 0 ? (double) c[TrafficCounters.ANSWERED_WITHIN_10S] / offered : Double.NaN);
    }
}
