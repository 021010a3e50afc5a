package acd.core.metrics;

/** The wait-time distribution of answered calls, milliseconds. */
public record WaitPercentiles(long count, long p50Ms, long p90Ms, long p99Ms, long maxMs) {
}
