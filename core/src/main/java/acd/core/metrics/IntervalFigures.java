package acd.core.metrics;

/** Figures for one 15-minute interval; {@code startMs} is in event time. */
public record IntervalFigures(long startMs, TrafficFigures figures) {
}
