package acd.cti.flow;

import acd.core.model.OpeningCalendar;
import acd.ivr.speech.Speech;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/**
 * What a caller to a closed queue hears of its hours, in their language, as the project's own
 * sounds for one {@code Playback}: "our service hours are Monday to Friday, 8 o'clock to 20
 * o'clock; Saturday to Sunday, 9 o'clock to 18 o'clock; public holidays excepted". Weekdays with
 * the same hours are said together; closed days are left out. Mandarin reads the 24-hour clock
 * (八点至二十点) as service announcements do; English reads a.m. and p.m.
 */
final class OpeningHoursSpeech {
    private OpeningHoursSpeech() {
    }

    static String sounds(String language, OpeningCalendar calendar) {
        String lang = language == null || language.isBlank() ? AsteriskCallFlow.DEFAULT_LANGUAGE : language;
        boolean zh = lang.equals("zh");
        Speech speech = Speech.forLanguage(lang);
        String dir = "acd/" + (zh ? "zh" : "en") + "/hours/";
        List<String> sounds = new ArrayList<>();
        sounds.add(dir + "closed-now");
        sounds.add(dir + "service-hours-are");
        DayOfWeek[] days = DayOfWeek.values();
        for (int d = 0; d < days.length; ) {
            List<OpeningCalendar.OpenPeriod> periods = calendar.week().getOrDefault(days[d], List.of());
            int last = d;
            while (last + 1 < days.length && calendar.week().getOrDefault(days[last + 1], List.of()).equals(periods)) {
                last++;
            }
            if (!periods.isEmpty()) {
                sounds.add(dir + day(days[d]));
                if (last > d) {
                    sounds.add(dir + "to");
                    sounds.add(dir + day(days[last]));
                }
                for (OpeningCalendar.OpenPeriod period : periods) {
                    if (period.fromMinute() == 0 && period.toMinute() == 1440) {
                        sounds.add(dir + "all-day");
                        continue;
                    }
                    time(sounds, speech, dir, zh, period.fromMinute());
                    sounds.add(dir + "to");
                    time(sounds, speech, dir, zh, period.toMinute());
                }
            }
            d = last + 1;
        }
        if (!calendar.holidays().isEmpty()) {
            sounds.add(dir + "holidays-excepted");
        }
        return String.join("&", sounds);
    }

    private static String day(DayOfWeek day) {
        return day.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void time(List<String> sounds, Speech speech, String dir, boolean zh, int minuteOfDay) {
        int hour = minuteOfDay / 60;
        int minute = minuteOfDay % 60;
        if (zh) {
            sounds.addAll(speech.number(hour));
            sounds.add(dir + "oclock");
            if (minute > 0) {
                sounds.addAll(speech.number(minute));
                sounds.add(dir + "minutes");
            }
            return;
        }
        if (hour == 24 || hour == 0 && minute == 0) {
            sounds.add(dir + "midnight");
            return;
        }
        if (hour == 12 && minute == 0) {
            sounds.add(dir + "noon");
            return;
        }
        int twelve = hour % 12 == 0 ? 12 : hour % 12;
        sounds.addAll(speech.number(twelve));
        if (minute > 0) {
            if (minute < 10) {
                sounds.addAll(speech.number(0));
            }
            sounds.addAll(speech.number(minute));
        }
        sounds.add(dir + (hour < 12 ? "am" : "pm"));
    }
}
