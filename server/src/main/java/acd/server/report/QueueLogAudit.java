package acd.server.report;

import acd.core.metrics.TrafficField;
import acd.ivr.report.StoredInterval;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sets the counts recomputed from the queue_log beside the stored ones, day by day and queue by
 * queue, and says where they differ. Counts must be equal; the average speed of answer may differ
 * by less than a second, as the queue_log keeps whole seconds.
 */
public final class QueueLogAudit {
    /** The counts the queue_log tells; the others (handle times, closed hours) it does not. */
    public static final List<TrafficField> COMPARED = List.of(TrafficField.OFFERED, TrafficField.ANSWERED,
            TrafficField.ANSWERED_WITHIN, TrafficField.ANSWERED_WITHIN_10S, TrafficField.ABANDONED,
            TrafficField.SHORT_ABANDONED, TrafficField.OVERFLOWED, TrafficField.TIMED_OUT, TrafficField.REFUSED,
            TrafficField.CALLBACKS_REQUESTED);

    private QueueLogAudit() {
    }

    /** One day of one queue both ways; {@code differences} is empty when they agree. */
    public record Line(QueueLogFigures.Key key, long[] fromLog, long[] fromStore, List<String> differences) {
        public boolean agrees() {
            return differences.isEmpty();
        }
    }

    /** The stored intervals added up by day (in {@code zone}) and queue. */
    public static Map<QueueLogFigures.Key, long[]> byDayAndQueue(List<StoredInterval> intervals, ZoneId zone) {
        Map<QueueLogFigures.Key, long[]> out = new TreeMap<>();
        for (StoredInterval interval : intervals) {
            QueueLogFigures.Key key = new QueueLogFigures.Key(
                    Instant.ofEpochMilli(interval.startMs()).atZone(zone).toLocalDate(), interval.queue());
            TrafficField.merge(out.computeIfAbsent(key, k -> new long[TrafficField.count()]), interval.counts());
        }
        return out;
    }

    public static List<Line> compare(Map<QueueLogFigures.Key, long[]> fromLog,
                                     Map<QueueLogFigures.Key, long[]> fromStore) {
        TreeSet<QueueLogFigures.Key> keys = new TreeSet<>(fromLog.keySet());
        keys.addAll(fromStore.keySet());
        List<Line> lines = new ArrayList<>();
        for (QueueLogFigures.Key key : keys) {
            long[] log = fromLog.getOrDefault(key, new long[TrafficField.count()]);
            long[] stored = fromStore.getOrDefault(key, new long[TrafficField.count()]);
            List<String> differences = new ArrayList<>();
            for (TrafficField field : COMPARED) {
                if (log[field.ordinal()] != stored[field.ordinal()]) {
                    differences.add(field.column() + ": queue_log " + log[field.ordinal()] + ", store "
                            + stored[field.ordinal()]);
                }
            }
            double asaLog = averageSeconds(log);
            double asaStore = averageSeconds(stored);
            if (Double.isFinite(asaLog) && Double.isFinite(asaStore) && Math.abs(asaLog - asaStore) >= 1.0) {
                differences.add(String.format(java.util.Locale.ROOT, "asa: queue_log %.2f s, store %.2f s", asaLog,
                        asaStore));
            }
            lines.add(new Line(key, log, stored, differences));
        }
        return lines;
    }

    /** The average speed of answer in seconds, NaN with no answered calls. */
    public static double averageSeconds(long[] counts) {
        long answered = counts[TrafficField.ANSWERED.ordinal()];
        return answered == 0 ? Double.NaN : counts[TrafficField.ANSWER_WAIT_SUM_MS.ordinal()] / 1000.0 / answered;
    }
}
