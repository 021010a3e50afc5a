package acd.core.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The board's counts of today: the calls queued since midnight in the hotline's time zone. The
 * day turns at that midnight, so the counts start again there, as every wallboard in the trade
 * does; a call counts in the day it was queued in.
 */
public final class TodaysTraffic implements ReportedTraffic {
    private final ServiceLevelBoard board;
    private final Supplier<ZoneId> zone;
    private final LongSupplier nowMs;

    /**
     * @param zone  the hotline's time zone (it may be changed while running)
     * @param nowMs what time it is, which decides the day: the engine's time as of its last tick
     */
    public TodaysTraffic(ServiceLevelBoard board, Supplier<ZoneId> zone, LongSupplier nowMs) {
        this.board = board;
        this.zone = zone;
        this.nowMs = nowMs;
    }

    /** The day of {@code timeMs} in the hotline's time zone, and where it starts and ends. */
    public Day dayOf(long timeMs) {
        ZoneId hotline = zone.get();
        LocalDate date = Instant.ofEpochMilli(timeMs).atZone(hotline).toLocalDate();
        return new Day(date, date.atStartOfDay(hotline).toInstant().toEpochMilli(),
                date.plusDays(1).atStartOfDay(hotline).toInstant().toEpochMilli());
    }

    /** One day of the hotline: {@code [startMs, endMs)}, 23 to 25 hours where clocks change. */
    public record Day(LocalDate date, long startMs, long endMs) {
        public boolean holds(long timeMs) {
            return timeMs >= startMs && timeMs < endMs;
        }
    }

    public Day today() {
        return dayOf(nowMs.getAsLong());
    }

    @Override
    public String day() {
        return today().date().toString();
    }

    @Override
    public Long dayStartMs() {
        return today().startMs();
    }

    @Override
    public TrafficTable counts() {
        return counts(today());
    }

    /** The board's counts of the calls queued on {@code day}. */
    public TrafficTable counts(Day day) {
        return board.between(day.startMs(), day.endMs());
    }

    @Override
    public List<IntervalFigures> intervals(int queue) {
        return intervalsOf(queue, today(), Map.of());
    }

    /**
     * A queue's intervals of one day that saw calls, the board's with {@code more} added (counts
     * by interval start), oldest first.
     */
    public List<IntervalFigures> intervalsOf(int queue, Day day, Map<Long, long[]> more) {
        Map<Long, long[]> byStart = new TreeMap<>();
        board.forEachInterval(queue, day.startMs(), day.endMs(), (startMs, q, tier, brand, counts) ->
                TrafficField.merge(byStart.computeIfAbsent(startMs, s -> new long[TrafficField.count()]), counts));
        more.forEach((startMs, counts) -> {
            if (day.holds(startMs)) {
                TrafficField.merge(byStart.computeIfAbsent(startMs, s -> new long[TrafficField.count()]), counts);
            }
        });
        List<IntervalFigures> out = new ArrayList<>();
        byStart.forEach((startMs, counts) -> {
            if (counts[TrafficField.OFFERED.ordinal()] > 0) {
                out.add(new IntervalFigures(startMs, TrafficFigures.of(counts)));
            }
        });
        return out;
    }
}
