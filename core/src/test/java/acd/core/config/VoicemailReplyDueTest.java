package acd.core.config;

import acd.core.model.BusinessHours;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a voicemail message is due: the reply-by time of the next working day, by the queue's calendar. */
class VoicemailReplyDueTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The English line keeps office hours (weekdays; 2026-10-01..07 National Day, 2026-10-10 worked). */
    private static final String HOURS = """
            timeZone: Asia/Shanghai
            voicemailReplyBy: "08:00"
            calendars:
              office:
                monday-friday: 08:30-17:30
                holidays: [2026-10-01, 2026-10-02, 2026-10-05, 2026-10-06, 2026-10-07]
                workdays: [2026-10-10]
            queues:
              english: {calendar: office, whenClosed: voicemail}
            """;

    private static BusinessHours hours(String yaml) throws Exception {
        return BusinessHoursLoader.parse(new ConfigSource("config/hours.yaml", yaml),
                BusinessHoursLoaderTest.shippedRouting());
    }

    private static long at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant().toEpochMilli();
    }

    @Test
    void aMessageLeftInTheEveningIsDueAtEightTheNextWorkingMorning() throws Exception {
        BusinessHours h = hours(HOURS);
        assertEquals(at("2026-09-30T08:00"), h.replyDueMs("english", at("2026-09-29T21:15")), "Tuesday night");
        assertEquals(at("2026-09-29T08:00"), h.replyDueMs("english", at("2026-09-29T02:40")),
                "left overnight: due that morning");
        assertEquals(at("2026-09-28T08:00"), h.replyDueMs("english", at("2026-09-25T19:00")),
                "Friday evening: Monday morning");
    }

    @Test
    void holidaysAreSkippedAndAMakeUpWorkingDayCounts() throws Exception {
        BusinessHours h = hours(HOURS);
        assertEquals(at("2026-10-08T08:00"), h.replyDueMs("english", at("2026-09-30T18:00")),
                "the eve of National Day: the morning after the holiday");
        assertEquals(at("2026-10-10T08:00"), h.replyDueMs("english", at("2026-10-09T20:00")),
                "Saturday the 10th is worked (调休)");
    }

    @Test
    void aQueueWithoutACalendarWorksEveryDay() throws Exception {
        BusinessHours h = hours(HOURS);
        assertEquals(at("2026-09-27T08:00"), h.replyDueMs("general", at("2026-09-26T23:59")), "Saturday into Sunday");
        assertEquals(at("2026-09-26T08:00"), h.replyDueMs("general", at("2026-09-26T07:59")));
    }

    @Test
    void theReplyByTimeComesFromTheFileAndAWrongOneIsNamed() throws Exception {
        BusinessHours nine = hours(HOURS.replace("\"08:00\"", "\"09:30\""));
        assertEquals(at("2026-09-30T09:30"), nine.replyDueMs("english", at("2026-09-29T21:15")));
        assertEquals(BusinessHours.DEFAULT_REPLY_BY_MINUTE, hours("queues: {}\n").replyByMinute());

        ConfigError e = assertThrows(ConfigError.class, () -> hours(HOURS.replace("\"08:00\"", "\"25:00\"")));
        assertTrue(e.getMessage().contains("config/hours.yaml:2:19: voicemailReplyBy '25:00' is not a time of day"),
                e.getMessage());
    }
}
