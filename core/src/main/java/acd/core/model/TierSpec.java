package acd.core.model;

/**
 * A customer value class. Waiting calls are ordered by weighted wait:
 * {@code wait × weight + offsetSeconds}; the list order of tiers is their rank for queues
 * that use strict priority (first = highest).
 *
 * @param id            the id used in config, events and reports (e.g. {@code diamond})
 * @param label         the name shown to people (e.g. {@code 钻石})
 * @param weight        how fast this tier's wait counts, relative to others (&gt; 0)
 * @param offsetSeconds a head start added to the weighted wait (&gt;= 0)
 */
public record TierSpec(String id, String label, double weight, double offsetSeconds) {
}
