package acd.ivr.speech;

import java.util.List;
import java.util.Set;

/**
 * How one language says a value: the sounds to play, in order, named as Asterisk knows them
 * ({@code acd/zh/digits/2}, {@code acd/en/money/yuan}, ...). The sounds are the project's own
 * recordings, so a number reads the same on every PBX whatever sound packs it has, and in
 * Mandarin the way a Mandarin speaker says it (Asterisk's own reads 112 as 一百十二).
 *
 * <p>A value a language cannot say (negative, above {@link #MAX_NUMBER}, fen outside 0..99, not
 * digits, no such month) is refused with {@link IllegalArgumentException}: the balance prompt
 * already says whether an amount is owed, so a minus word would only ever misread bad data.
 */
public interface Speech {

    /** The largest number read: 999,999,999,999, just under a trillion (一万亿). */
    long MAX_NUMBER = 999_999_999_999L;

    /** A whole number 0..{@link #MAX_NUMBER}. */
    List<String> number(long number);

    /** A digit string read one digit at a time, as a card or work-order number is. */
    List<String> digits(String digits);

    /** An amount of money: {@code yuan} 0..{@link #MAX_NUMBER} and {@code fen} 0..99. */
    List<String> money(long yuan, int fen);

    /** A month of a year, as a bill names it: {@code year} 1..9999, {@code month} 1..12. */
    List<String> month(int year, int month);

    /** Every sound this language's answers can name: each needs a recording. */
    Set<String> sounds();

    /**
     * The speech for a menu language: Mandarin for {@code zh}; every other language gets
     * English, the hotline's second language, rather than silence.
     */
    static Speech forLanguage(String language) {
        return MandarinSpeech.LANGUAGE.equals(language) ? MandarinSpeech.INSTANCE : EnglishSpeech.INSTANCE;
    }
}
