package acd.cti.flow;

import acd.ivr.speech.Speech;

import java.util.ArrayList;
import java.util.List;

/**
 * What a waiting caller hears of their place in line, in their language: "you are number 3 in
 * line; your expected wait is about 4 minutes", as the project's own sounds, ready for one
 * {@code Playback} ({@code &} between the sounds). Without an expected wait (no call handled yet
 * in the queue) only the place is said, then a thank-you.
 */
final class Announcement {
    private Announcement() {
    }

    /** @param callbackOffered the caller is offered a callback on key 1, before the thank-you */
    static String sounds(String language, String leadSound, int position, long expectedWaitMs,
                         boolean callbackOffered) {
        String lang = language == null || language.isBlank() ? AsteriskCallFlow.DEFAULT_LANGUAGE : language;
        Speech speech = Speech.forLanguage(lang);
        String dir = "acd/" + (lang.equals("zh") ? "zh" : "en") + "/queue/";
        List<String> sounds = new ArrayList<>();
        if (leadSound != null) {
            sounds.add(dir + leadSound);
        }
        sounds.add(dir + "position");
        sounds.addAll(speech.number(Math.max(1, position)));
        sounds.add(dir + "in-line");
        if (expectedWaitMs >= 0) {
            sounds.add(dir + "expected-wait");
            if (expectedWaitMs < 60_000) {
                sounds.add(dir + "less-than-a-minute");
            } else {
                sounds.addAll(speech.number((expectedWaitMs + 59_999) / 60_000));
                sounds.add(dir + "minutes");
            }
        }
        if (callbackOffered) {
            sounds.add(dir + "callback-offer");
        }
        sounds.add(dir + "thank-you-for-waiting");
        return String.join("&", sounds);
    }
}
