package acd.cti.flow;

import acd.core.model.OpeningCalendar;
import acd.core.model.OpeningCalendar.OpenPeriod;
import acd.ivr.speech.Speech;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpeningHoursSpeechTest {
    private static OpeningCalendar office() {
        Map<DayOfWeek, List<OpenPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new OpenPeriod(8 * 60, 12 * 60), new OpenPeriod(13 * 60 + 30, 24 * 60)));
        }
        week.put(DayOfWeek.SUNDAY, List.of(new OpenPeriod(0, 1440)));
        return new OpeningCalendar("office", week, Set.of(), Set.of());
    }

    private static String en(long n) {
        return String.join("&", Speech.forLanguage("en").number(n));
    }

    private static String zh(long n) {
        return String.join("&", Speech.forLanguage("zh").number(n));
    }

    @Test
    void weekdaysWithTheSameHoursAreSaidTogetherAndClosedDaysLeftOut() {
        String h = "acd/zh/hours/";
        assertEquals(String.join("&", h + "closed-now", h + "service-hours-are", h + "monday", h + "to", h + "friday",
                zh(8), h + "oclock", h + "to", zh(12), h + "oclock",
                zh(13), h + "oclock", zh(30), h + "minutes", h + "to", zh(24), h + "oclock",
                h + "sunday", h + "all-day"), OpeningHoursSpeech.sounds("zh", office()));
    }

    @Test
    void everySoundTheHoursAreSaidWithHasItsTextInThePrompts() throws Exception {
        for (String lang : List.of("zh", "en")) {
            String prompts = java.nio.file.Files.readString(java.nio.file.Path.of("..", "config", "prompts", lang + ".txt"));
            for (String word : List.of("closed-now", "service-hours-are", "monday", "tuesday", "wednesday", "thursday",
                    "friday", "saturday", "sunday", "to", "all-day", "holidays-excepted", "call-again")) {
                assertTrue(prompts.contains("\nacd/" + lang + "/hours/" + word + "|"), lang + " " + word);
            }
            for (String word : lang.equals("zh") ? List.of("oclock", "minutes") : List.of("am", "pm", "noon", "midnight")) {
                assertTrue(prompts.contains("\nacd/" + lang + "/hours/" + word + "|"), lang + " " + word);
            }
        }
    }

    @Test
    void englishReadsTheTwelveHourClockWithNoonAndMidnight() {
        String h = "acd/en/hours/";
        assertEquals(String.join("&", h + "closed-now", h + "service-hours-are", h + "monday", h + "to", h + "friday",
                en(8), h + "am", h + "to", h + "noon",
                en(1), en(30), h + "pm", h + "to", h + "midnight",
                h + "sunday", h + "all-day"), OpeningHoursSpeech.sounds("en", office()));
    }
}
