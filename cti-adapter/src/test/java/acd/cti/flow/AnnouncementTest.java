package acd.cti.flow;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnnouncementTest {
    @Test
    void anEnglishCallerHearsTheirNumberInLineAndTheMinutesRoundedUp() {
        assertEquals("acd/en/queue/position&acd/en/digits/12&acd/en/queue/in-line&acd/en/queue/expected-wait"
                + "&acd/en/digits/5&acd/en/queue/minutes&acd/en/queue/thank-you-for-waiting",
                Announcement.sounds("en", null, 12, 4 * 60_000 + 1, false));
    }

    @Test
    void underAMinuteIsSaidAsSuch() {
        assertEquals("acd/zh/queue/position&acd/zh/digits/1&acd/zh/queue/in-line&acd/zh/queue/expected-wait"
                + "&acd/zh/queue/less-than-a-minute&acd/zh/queue/thank-you-for-waiting",
                Announcement.sounds("zh", null, 1, 20_000, false));
    }

    @Test
    void withoutAnExpectedWaitOnlyThePlaceIsSaidAndACallerWithNoLanguageHearsMandarin() {
        assertEquals("acd/zh/queue/position&acd/zh/digits/2&acd/zh/queue/in-line&acd/zh/queue/thank-you-for-waiting",
                Announcement.sounds(null, null, 2, -1, false));
    }
}
