package acd.ivr.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Whole days of the hotline, {@code from} to {@code to} both included, in its time zone: what an
 * export or a report covers.
 */
public record DayRange(LocalDate from, LocalDate to, ZoneId zone) {
    /** The longest range: a year of days. */
    public static final int MAX_DAYS = 366;

    /**
     * The range asked for. Without {@code to}: to today; without {@code from}: from the first of
     * {@code to}'s month.
     *
     * @throws IllegalArgumentException saying why, for a range that ends before it starts, starts
     *                                  after today or is longer than {@link #MAX_DAYS}
     */
    public static DayRange of(LocalDate from, LocalDate to, LocalDate today, ZoneId zone) {
        LocalDate last = to != null ? to : today;
        LocalDate first = from != null ? from : last.withDayOfMonth(1);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("an impossible range: " + last + " is before " + first);
        }
        if (first.isAfter(today)) {
            throw new IllegalArgumentException("an impossible range: " + first + " is after today (" + today + ")");
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("a range of " + days + " days; at most " + MAX_DAYS);
        }
        return new DayRange(first, last, zone);
    }

    /** The first day's midnight, epoch milliseconds. */
    public long startMs() {
        return from.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** The midnight after the last day, epoch milliseconds. */
    public long endMs() {
        return to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
