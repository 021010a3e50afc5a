package acd.ivr.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** How a report groups its days: by day, by week (Monday to Sunday) or by calendar month. */
public enum ReportPeriod {
    DAY, WEEK, MONTH;

    /** The first day of the period {@code day} is in. */
    public LocalDate startOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the next period. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /**
     * The period named {@code day}, {@code week} or {@code month}.
     *
     * @throws IllegalArgumentException naming the periods there are
     */
    public static ReportPeriod of(String name) {
        for (ReportPeriod p : values()) {
            if (p.name().toLowerCase(Locale.ROOT).equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no report period '" + name + "'; day, week or month");
    }
}
