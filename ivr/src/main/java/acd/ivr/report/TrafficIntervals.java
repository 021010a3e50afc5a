package acd.ivr.report;

import java.util.Collection;
import java.util.List;

/**
 * Where the 15-minute intervals are kept, and the survey answers and complaints the reports set
 * beside them. Ranges are {@code [fromMs, toMs)} in epoch milliseconds, by interval start.
 */
public interface TrafficIntervals {

    List<StoredInterval> intervals(long fromMs, long toMs);

    /** Writes each interval whole, replacing what was stored for its start, queue, tier and brand. */
    void save(Collection<StoredInterval> intervals);

    List<SurveyTally> surveys(long fromMs, long toMs);

    List<ComplaintTally> complaints(long fromMs, long toMs);
}
