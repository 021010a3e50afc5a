package acd.core.metrics;

import java.util.List;

/** The counts a queue report shows: those since the start, or one day's. */
public interface ReportedTraffic {

    /** Counts per queue, tier and brand. */
    TrafficTable counts();

    /** The 15-minute intervals of a queue that saw calls, oldest first. */
    List<IntervalFigures> intervals(int queue);

    /** The day the counts are of ({@code 2026-12-07}), or null for since the start. */
    String day();

    /** Where that day starts, epoch milliseconds (midnight in the hotline's time zone); null for since the start. */
    Long dayStartMs();

    /** Everything the board has counted since the start. */
    static ReportedTraffic sinceStart(ServiceLevelBoard board) {
        return new ReportedTraffic() {
            @Override
            public TrafficTable counts() {
                return board.totals();
            }

            @Override
            public List<IntervalFigures> intervals(int queue) {
                return board.intervals(queue, -1);
            }

            @Override
            public String day() {
                return null;
            }

            @Override
            public Long dayStartMs() {
                return null;
            }
        };
    }
}
