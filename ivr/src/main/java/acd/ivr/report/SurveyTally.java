package acd.ivr.report;

/**
 * Survey answers of one 15-minute interval, queue, tier, brand and agent (the rated call's; empty
 * when not known).
 *
 * @param offered   callers who heard the survey
 * @param answered  of them, those who gave a rating (1..5)
 * @param satisfied of them, those who gave 4 or 5
 * @param ratingSum their ratings added up, for the average
 */
public record SurveyTally(long startMs, String queue, String tier, String brand, String agent, long offered,
                          long answered, long satisfied, long ratingSum) {
}
