package acd.ivr.report;

import acd.core.metrics.TrafficFigures;

import java.time.LocalDate;

/**
 * One row of a report: one period, for the whole hotline or one queue, brand or tier.
 *
 * @param from            the period's first day within the report's range
 * @param to              its last day within the range
 * @param scope           {@code all}, {@code queue}, {@code brand}, {@code tier} or {@code agent}
 * @param id              the queue's, brand's, tier's or agent's id; empty for {@code all}
 * @param thresholdSeconds the queue's service-level threshold; null for other scopes
 * @param targetPercent   the queue's service-level target; null for other scopes
 * @param traffic         the calls' figures; null on an agent's row (the board counts calls by
 *                        queue, tier and brand)
 * @param surveys         survey ratings given (1..5)
 * @param satisfied       of them, 4 or 5
 * @param ratingSum       the ratings added up
 * @param complaints      complaints opened about the period's calls of this scope
 */
public record ReportRow(LocalDate from, LocalDate to, String scope, String id, String label,
                        Integer thresholdSeconds, Integer targetPercent, TrafficFigures traffic,
                        long surveys, long satisfied, long ratingSum, long complaints) {

    /** Share of ratings that were 4 or 5, 0..100; null with no ratings. */
    public Double satisfiedPercent() {
        return surveys == 0 ? null : satisfied * 100.0 / surveys;
    }

    /** The average rating, 1..5; null with no ratings. */
    public Double averageRating() {
        return surveys == 0 ? null : (double) ratingSum / surveys;
    }

    /** Complaints per 10,000 calls offered; null with no calls. */
    public Double complaintsPer10k() {
        return traffic == null || traffic.offered() == 0 ? null : complaints * 10_000.0 / traffic.offered();
    }
}
