package acd.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * The hotline's opening hours: its time zone, the calendars, and which calendar each queue keeps
 * and what becomes of a call when it is closed. A queue not named keeps no calendar: open always.
 * The engine asks it through its own per-day cache of each calendar's periods.
 *
 * @param zone          the hotline's time zone
 * @param replyByMinute the time of day (minutes from midnight) by which a voicemail message is
 *                      answered on the next working day
 * @param calendars     calendars by name
 * @param queues        each queue's hours by queue id
 */
public record BusinessHours(ZoneId zone, int replyByMinute, Map<String, OpeningCalendar> calendars,
                            Map<String, QueueHours> queues) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** 08:00, the standards' deadline for answering the night's messages. */
    public static final int DEFAULT_REPLY_BY_MINUTE = 8 * 60;
    /** No calendar anywhere: every queue open always. */
    public static final BusinessHours ALWAYS_OPEN = new BusinessHours(DEFAULT_ZONE, DEFAULT_REPLY_BY_MINUTE,
            Map.of(), Map.of());
    /** How far ahead a working day is looked for: a calendar closed for good gives up after a year. */
    private static final int MAX_DAYS_AHEAD = 366;
    private static final long MINUTE_MS = 60_000;

    /**
     * @param calendar      the calendar's name
     * @param whenClosed    what becomes of a call when the calendar is closed
     * @param overflowQueue the queue {@link ClosedAction#OVERFLOW} sends calls to, else null
     */
    public record QueueHours(String calendar, ClosedAction whenClosed, String overflowQueue) {
    }

    public BusinessHours {
        if (replyByMinute < 0 || replyByMinute >= 24 * 60) {
            throw new IllegalArgumentException("replyByMinute must be 0..1439, got " + replyByMinute);
        }
        calendars = Map.copyOf(calendars);
        queues = Map.copyOf(queues);
    }

    /**
     * When a voicemail message left for {@code queueId} at {@code leftAtMs} must be answered: the
     * first reply-by time after it on a working day of the queue's calendar (a day it opens at
     * all; a queue without one works every day). A message left overnight is due that morning;
     * one left after the reply-by time, the next working morning; one left before a holiday, the
     * morning the queue opens again. A calendar that never opens within a year gives the
     * message a day.
     */
    public long replyDueMs(String queueId, long leftAtMs) {
        OpeningCalendar calendar = calendarOf(queueId);
        LocalDate day = Instant.ofEpochMilli(leftAtMs).atZone(zone).toLocalDate();
        for (int i = 0; i <= MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
            long dueMs = day.atStartOfDay(zone).toInstant().toEpochMilli() + replyByMinute * MINUTE_MS;
            if (dueMs > leftAtMs && (calendar == null || !calendar.periodsOn(day).isEmpty())) {
                return dueMs;
            }
        }
        return leftAtMs + 24 * 60 * MINUTE_MS;
    }

    /** The queue's calendar, or null when it keeps none (open always). */
    public OpeningCalendar calendarOf(String queueId) {
        QueueHours hours = queues.get(queueId);
        return hours == null ? null : calendars.get(hours.calendar());
    }
}
