package acd.ivr.speech;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** English as the hotline reads it; each sound is shown as the last part of its name. */
class EnglishSpeechTest {
    private static final Speech EN = Speech.forLanguage("en");

    private static String heard(List<String> sounds) {
        StringBuilder s = new StringBuilder();
        for (String sound : sounds) {
            assertTrue(sound.startsWith("acd/en/"), sound);
            s.append(s.length() == 0 ? "" : " ").append(sound.substring(sound.lastIndexOf('/') + 1));
        }
        return s.toString();
    }

    private static String number(long n) {
        return heard(EN.number(n));
    }

    @Test
    void numbersAreReadByThousandsWithoutAnd() {
        assertEquals("0", number(0));
        assertEquals("13", number(13));
        assertEquals("20 1", number(21));
        assertEquals("40", number(40));
        assertEquals("1 hundred", number(100));
        assertEquals("1 hundred 12", number(112));
        assertEquals("1 thousand 5", number(1005));
        assertEquals("2 thousand 20 6", number(2026));
        assertEquals("1 million", number(1_000_000));
        assertEquals("1 billion 1", number(1_000_000_001));
        assertEquals("3 hundred 4 thousand 5 hundred 60", number(304_560));
    }

    @Test
    void numbersUpToJustUnderATrillionAreReadAndOthersRefused() {
        assertEquals("9 hundred 90 9 billion 9 hundred 90 9 million 9 hundred 90 9 thousand 9 hundred 90 9",
                number(Speech.MAX_NUMBER));
        assertThrows(IllegalArgumentException.class, () -> EN.number(Speech.MAX_NUMBER + 1));
        assertThrows(IllegalArgumentException.class, () -> EN.number(-5));
    }

    @Test
    void digitStringsAreReadOneByOneWithZeroForZero() {
        assertEquals("1 0 0 8 6", heard(EN.digits("10086")));
        assertThrows(IllegalArgumentException.class, () -> EN.digits("1-2"));
    }

    @Test
    void moneyIsReadInYuanAndFen() {
        assertEquals("12 yuan and 30 4 fen", heard(EN.money(12, 34)));
        assertEquals("12 yuan", heard(EN.money(12, 0)));
        assertEquals("5 fen", heard(EN.money(0, 5)));
        assertEquals("0 yuan", heard(EN.money(0, 0)));
        assertEquals("1 yuan and 1 fen", heard(EN.money(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> EN.money(12, 100));
    }

    @Test
    void aMonthIsItsNameThenTheYearAsANumber() {
        assertEquals("month-11 2 thousand 20 6", heard(EN.month(2026, 11)));
        assertEquals("month-1 1 thousand 9 hundred 90 9", heard(EN.month(1999, 1)));
        assertThrows(IllegalArgumentException.class, () -> EN.month(0, 5));
    }

    @Test
    void everySoundItSaysIsOneItLists() {
        Set<String> listed = EN.sounds();
        assertEquals(28 + 4 + 3 + 12, listed.size(), "0-19, the tens, four scale words, three money words, twelve months");
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            long n = i < 10_000 ? i : (long) (random.nextDouble() * Speech.MAX_NUMBER);
            assertTrue(listed.containsAll(EN.number(n)), () -> "number " + n);
            assertTrue(listed.containsAll(EN.money(n, (int) (n % 100))), () -> "money " + n);
        }
        assertTrue(listed.containsAll(EN.digits("0123456789")));
        for (int m = 1; m <= 12; m++) {
            assertTrue(listed.containsAll(EN.month(2026, m)));
        }
    }

    @Test
    void aLanguageWithoutASpeechOfItsOwnIsReadInEnglish() {
        assertSame(EN, Speech.forLanguage("fr"));
        assertSame(EN, Speech.forLanguage(null));
        assertTrue(Speech.forLanguage("zh") instanceof MandarinSpeech);
    }
}
