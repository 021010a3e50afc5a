package acd.core.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a queue's people answer: open periods per weekday, public holidays closed all day, and
 * make-up working days (调休) on a weekend that open with {@link #MAKE_UP_DAY_HOURS}'s hours.
 * Times are the hotline's local time; a period ends at its {@code toMinute} exclusive, 1440
 * being midnight at the day's end.
 *
 * @param id       the calendar's name
 * @param week     open periods per weekday; a day not in the map is closed
 * @param holidays dates closed all day, whatever their weekday
 * @param workdays weekend dates worked as a weekday
 */
public record OpeningCalendar(String id, Map<DayOfWeek, List<OpenPeriod>> week, Set<LocalDate> holidays,
                              Set<LocalDate> workdays) {
    /** A make-up working day keeps the hours of a normal weekday: Monday's. */
    public static final DayOfWeek MAKE_UP_DAY_HOURS = DayOfWeek.MONDAY;

    /** A period of one day, in minutes after midnight: {@code fromMinute} included, {@code toMinute} not. */
    public record OpenPeriod(int fromMinute, int toMinute) {
        public OpenPeriod {
            if (fromMinute < 0 || toMinute > 1440 || fromMinute >= toMinute) {
                throw new IllegalArgumentException("open period " + fromMinute + ".." + toMinute + " minutes");
            }
        }
    }

    public OpeningCalendar {
        Map<DayOfWeek, List<OpenPeriod>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, periods) -> copy.put(day, List.copyOf(periods)));
        week = copy;
        holidays = Set.copyOf(holidays);
        workdays = Set.copyOf(workdays);
    }

    /** Open every minute of every day, holidays included. */
    public static OpeningCalendar always(String id) {
        Map<DayOfWeek, List<OpenPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new OpenPeriod(0, 1440)));
        }
        return new OpeningCalendar(id, week, Set.of(), Set.of());
    }

    /** The open periods of a date: none on a holiday, a weekday's on a make-up working day. */
    public List<OpenPeriod> periodsOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        DayOfWeek day = workdays.contains(date) ? MAKE_UP_DAY_HOURS : date.getDayOfWeek();
        return week.getOrDefault(day, List.of());
    }
}
