package acd.bench.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventCalendarTest {

    @Test
    void eventsComeOutInTimeOrderAndInSchedulingOrderWithinAMillisecond() {
        EventCalendar calendar = new EventCalendar(4);
        calendar.schedule(50, 1, 501, 0, 0);
        calendar.schedule(10, 2, 101, 1, 7);
        calendar.schedule(50, 3, 502, 2, 0);
        calendar.schedule(10, 4, 102, 3, 0);
        calendar.schedule(0, 5, 1, 4, 0);
        List<Long> calls = new ArrayList<>();
        while (calendar.next()) {
            calls.add(calendar.callId);
            if (calendar.callId == 101) {
                assertEquals(10, calendar.time);
                assertEquals(2, calendar.kind);
                assertEquals(1, calendar.agent);
                assertEquals(7, calendar.token);
            }
        }
        assertEquals(List.of(1L, 101L, 102L, 501L, 502L), calls);
    }

    @Test
    void aLongRunOfMixedEventsStaysInOrderWhileTheCalendarGrows() {
        EventCalendar calendar = new EventCalendar(1);
        SplittableRandom random = new SplittableRandom(9);
        long now = 0;
        long popped = 0;
        for (int i = 0; i < 200_000; i++) {
            calendar.schedule(now + random.nextInt(5_000), 0, i, -1, 0);
            if (i % 3 == 2) {
                calendar.next();
                assertFalse(calendar.time < now, "time ran back");
                now = calendar.time;
                popped++;
            }
        }
        long last = now;
        while (calendar.next()) {
            assertFalse(calendar.time < last);
            last = calendar.time;
            popped++;
        }
        assertEquals(200_000, popped);
    }

    @Test
    void timesOutsideTheKeyAreRefused() {
        EventCalendar calendar = new EventCalendar(4);
        assertThrows(IllegalArgumentException.class, () -> calendar.schedule(-1, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> calendar.schedule(EventCalendar.MAX_TIME_MS + 1, 0, 0, 0, 0));
    }
}
