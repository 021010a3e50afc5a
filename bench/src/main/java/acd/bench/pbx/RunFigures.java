package acd.bench.pbx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One run's figures from the neutral observer: service level (answered within the threshold
 * over callers who reached a wait), waits and dispatch gaps at the percentiles that matter.
 */
record RunFigures(int callers, int answered, int abandoned, double serviceLevel, long waitP50Ms, long waitP90Ms,
                  long waitP99Ms, int gaps, long gapP50Ms, long gapP99Ms, long gapMaxMs) {

    static RunFigures of(List<NeutralObserver.Caller> callers, List<Long> gaps, long thresholdMs) {
        List<Long> waits = new ArrayList<>();
        int answered = 0;
        int abandoned = 0;
        int withinThreshold = 0;
        int offered = 0;
        for (NeutralObserver.Caller c : callers) {
            if (c.answeredMs < 0) {
                continue;
            }
            offered++;
            if (c.bridgedMs >= 0) {
                long wait = c.bridgedMs - c.answeredMs;
                waits.add(wait);
                answered++;
                if (wait <= thresholdMs) {
                    withinThreshold++;
                }
            } else {
                abandoned++;
            }
        }
        Collections.sort(waits);
        List<Long> sortedGaps = new ArrayList<>(gaps);
        Collections.sort(sortedGaps);
        return new RunFigures(offered, answered, abandoned, offered == 0 ? 0 : (double) withinThreshold / offered,
                at(waits, 0.50), at(waits, 0.90), at(waits, 0.99), sortedGaps.size(), at(sortedGaps, 0.50),
                at(sortedGaps, 0.99), sortedGaps.isEmpty() ? -1 : sortedGaps.get(sortedGaps.size() - 1));
    }

    /** The value at quantile {@code q} of sorted values (nearest rank), or -1 when there are none. */
    static long at(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
