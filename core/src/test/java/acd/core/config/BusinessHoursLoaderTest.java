package acd.core.config;

import acd.core.model.BusinessHours;
import acd.core.model.ClosedAction;
import acd.core.model.OpeningCalendar;
import acd.core.model.RoutingConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusinessHoursLoaderTest {
    private static final Path CONFIG = Path.of("..", "config");

    static RoutingConfig shippedRouting() throws Exception {
        return RoutingConfigLoader.parse(List.of(
                new ConfigSource("config/routing.yaml", Files.readString(CONFIG.resolve("routing.yaml"))),
                new ConfigSource("config/agents.yaml", Files.readString(CONFIG.resolve("agents.yaml")))));
    }

    private static BusinessHours parse(String yaml) throws Exception {
        return BusinessHoursLoader.parse(new ConfigSource("config/hours.yaml", yaml), shippedRouting());
    }

    @Test
    void theShippedHoursLoadWithEveryQueueAnsweringAlways() throws Exception {
        BusinessHours hours = parse(Files.readString(CONFIG.resolve("hours.yaml")));
        assertEquals(ZoneId.of("Asia/Shanghai"), hours.zone());
        for (String queue : List.of("general", "billing", "broadband", "vip", "english")) {
            assertEquals("always", hours.queues().get(queue).calendar(), queue);
        }
        OpeningCalendar office = hours.calendars().get("office");
        assertTrue(office.periodsOn(LocalDate.parse("2026-10-01")).isEmpty(), "National Day is a holiday");
        assertEquals(List.of(new OpeningCalendar.OpenPeriod(480, 1200)), office.week().get(DayOfWeek.WEDNESDAY));
    }

    @Test
    void rangesSeveralPeriodsAndClosedDaysAreRead() throws Exception {
        BusinessHours hours = parse("""
                calendars:
                  shifts:
                    monday-wednesday: 08:00-12:00, 13:30-24:00
                    thursday: closed
                    friday: 24h
                queues:
                  vip: {calendar: shifts, whenClosed: {overflow: general}}
                  english: {calendar: shifts, whenClosed: hangup}
                """);
        OpeningCalendar shifts = hours.calendars().get("shifts");
        assertEquals(List.of(new OpeningCalendar.OpenPeriod(480, 720), new OpeningCalendar.OpenPeriod(810, 1440)),
                shifts.week().get(DayOfWeek.TUESDAY));
        assertEquals(List.of(), shifts.week().get(DayOfWeek.THURSDAY));
        assertEquals(List.of(new OpeningCalendar.OpenPeriod(0, 1440)), shifts.week().get(DayOfWeek.FRIDAY));
        assertEquals(new BusinessHours.QueueHours("shifts", ClosedAction.OVERFLOW, "general"), hours.queues().get("vip"));
        assertEquals(ClosedAction.HANGUP, hours.queues().get("english").whenClosed());
        assertEquals(null, hours.calendarOf("general"), "a queue not named answers always");
    }

    @Test
    void everyMistakeIsNamedWithItsLine() {
        ConfigError e = assertThrows(ConfigError.class, () -> parse("""
                timeZone: Mars/Olympus
                calendars:
                  office:
                    monday: 8-20
                    funday: 09:00-17:00
                    tuesday: 20:00-08:00
                    holidays: [2026-02-30]
                queues:
                  englsh: {calendar: office}
                  vip: {calendar: offce}
                  general: {calendar: office, whenClosed: {overflow: general}}
                """));
        String all = e.getMessage();
        for (String expected : List.of(
                "hours.yaml:1:", "timeZone 'Mars/Olympus' is not a time zone",
                "hours.yaml:4:", "'8-20' is not a period such as 08:00-20:00",
                "hours.yaml:5:", "'funday' is not a weekday",
                "hours.yaml:6:", "'20:00-08:00' must run forward within one day",
                "hours.yaml:7:", "holidays must be dates written 2026-10-01, found '2026-02-30'",
                "hours.yaml:9:", "queue 'englsh' is not in the routing files",
                "hours.yaml:10:", "no calendar 'offce'",
                "hours.yaml:11:", "cannot overflow to itself")) {
            assertTrue(all.contains(expected), "missing '" + expected + "' in\n" + all);
        }
    }
}
