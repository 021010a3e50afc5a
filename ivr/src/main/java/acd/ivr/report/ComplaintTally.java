package acd.ivr.report;

/** Complaints opened in one 15-minute interval about one queue, tier and brand (any may be empty). */
public record ComplaintTally(long startMs, String queue, String tier, String brand, long complaints) {
}
