package acd.bench.sim;

/**
 * One line of a simulation's service-level report: a queue over all tiers ({@code tier} is
 * {@link #ALL_TIERS}) or one tier of it. Counts leave out warm-up calls.
 *
 * @param queue              queue id
 * @param tier               tier id, or {@link #ALL_TIERS}
 * @param thresholdSeconds   the queue's service-level threshold
 * @param offered            calls that entered the queue (an overflowed call counts in each queue it entered)
 * @param answered           calls a person answered
 * @param answeredWithin     answered within the threshold
 * @param abandoned          callers who hung up waiting or ringing
 * @param shortAbandoned     of those, the ones who hung up before the short-abandon threshold
 * @param overflowed         calls moved on to another queue
 * @param timedOut           calls released by the queue's max wait (voicemail or disconnect)
 * @param refused            calls turned away because nobody who could take them was logged in
 * @param serviceLevel       answeredWithin / (offered - shortAbandoned), 0..1; NaN with no calls
 * @param answerRate         answered / offered, 0..1; NaN with no calls
 * @param asaSeconds         average speed of answer
 * @param waitedShare        share of answered calls that were not put through to a seat at once (Erlang C's P(wait))
 * @param p50WaitSeconds     median wait of answered calls
 * @param p90WaitSeconds     90th percentile wait of answered calls
 * @param p99WaitSeconds     99th percentile wait of answered calls
 * @param longestWaitSeconds the longest wait of an answered or abandoned call
 */
public record ServiceLevelRow(String queue, String tier, int thresholdSeconds, long offered, long answered,
                              long answeredWithin, long abandoned, long shortAbandoned, long overflowed,
                              long timedOut, long refused, double serviceLevel, double answerRate, double asaSeconds,
                              double waitedShare, double p50WaitSeconds, double p90WaitSeconds,
                              double p99WaitSeconds, double longestWaitSeconds) {
    public static final String ALL_TIERS = "all";

    public boolean isQueueTotal() {
        return ALL_TIERS.equals(tier);
    }
}
