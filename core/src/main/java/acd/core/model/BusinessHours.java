package acd.core.model;

import java.time.ZoneId;
import java.util.Map;

/**
 * The hotline's opening hours: its time zone, the calendars, and which calendar each queue keeps
 * and what becomes of a call when it is closed. A queue not named keeps no calendar: open always.
 * The engine asks it through its own per-day cache of each calendar's periods.
 *
 * @param zone      the hotline's time zone
 * @param calendars calendars by name
 * @param queues    each queue's hours by queue id
 */
public record BusinessHours(ZoneId zone, Map<String, OpeningCalendar> calendars, Map<String, QueueHours> queues) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** No calendar anywhere: every queue open always. */
    public static final BusinessHours ALWAYS_OPEN = new BusinessHours(DEFAULT_ZONE, Map.of(), Map.of());

    /**
     * @param calendar      the calendar's name
     * @param whenClosed    what becomes of a call when the calendar is closed
     * @param overflowQueue the queue {@link ClosedAction#OVERFLOW} sends calls to, else null
     */
    public record QueueHours(String calendar, ClosedAction whenClosed, String overflowQueue) {
    }

    public BusinessHours {
        calendars = Map.copyOf(calendars);
        queues = Map.copyOf(queues);
    }

    /** The queue's calendar, or null when it keeps none (open always). */
    public OpeningCalendar calendarOf(String queueId) {
        QueueHours hours = queues.get(queueId);
        return hours == null ? null : calendars.get(hours.calendar());
    }
}
