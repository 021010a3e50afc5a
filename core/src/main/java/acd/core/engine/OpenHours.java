package acd.core.engine;

import acd.core.model.OpeningCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A queue's calendar as the engine asks it, on every arrival: whether it is open at an event's
 * time. The open periods of the current local day are kept as epoch milliseconds, so the
 * question is a comparison or two; they are worked out again (with java.time, allocating) only
 * when an event falls on another day. Daylight-saving days come out right, as each period's ends
 * are converted on their own date.
 */
final class OpenHours {
    private final OpeningCalendar calendar;
    private final ZoneId zone;
    private long dayStartMs = Long.MAX_VALUE;
    private long dayEndMs = Long.MIN_VALUE;
    private long[] fromMs = new long[4];
    private long[] toMs = new long[4];
    private int periods;

    OpenHours(OpeningCalendar calendar, ZoneId zone) {
        this.calendar = calendar;
        this.zone = zone;
    }

    boolean isOpen(long nowMs) {
        if (nowMs < dayStartMs || nowMs >= dayEndMs) {
            load(nowMs);
        }
        for (int i = 0; i < periods; i++) {
            if (nowMs >= fromMs[i] && nowMs < toMs[i]) {
                return true;
            }
        }
        return false;
    }

    private void load(long nowMs) {
        LocalDate date = LocalDateTime.ofInstant(Instant.ofEpochMilli(nowMs), zone).toLocalDate();
        dayStartMs = date.atStartOfDay(zone).toInstant().toEpochMilli();
        dayEndMs = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        List<OpeningCalendar.OpenPeriod> open = calendar.periodsOn(date);
        if (open.size() > fromMs.length) {
            fromMs = new long[open.size()];
            toMs = new long[open.size()];
        }
        periods = open.size();
        for (int i = 0; i < periods; i++) {
            fromMs[i] = epochMs(date, open.get(i).fromMinute());
            toMs[i] = epochMs(date, open.get(i).toMinute());
        }
    }

    private long epochMs(LocalDate date, int minute) {
        if (minute >= 1440) {
            return dayEndMs;
        }
        return date.atTime(minute / 60, minute % 60).atZone(zone).toInstant().toEpochMilli();
    }
}
