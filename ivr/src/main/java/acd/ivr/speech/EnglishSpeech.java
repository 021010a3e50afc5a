package acd.ivr.speech;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * English, as an American-trained operator reads it; also the speech of every menu language
 * that has none of its own.
 *
 * <ul>
 * <li>Numbers by thousands, without "and": 112 one hundred twelve, 1005 one thousand five,
 *     21 twenty-one (the sounds "20" then "1"), 2026 two thousand twenty-six.</li>
 * <li>Digit strings one digit at a time, 0 as "zero".</li>
 * <li>Money in yuan and fen (jiao are not used in English): 12.34 twelve yuan and thirty-four
 *     fen, 12.00 twelve yuan, 0.05 five fen, 0 zero yuan. Both words are the same in the plural.</li>
 * <li>A month by name, then the year as a number: November two thousand twenty-six.</li>
 * </ul>
 *
 * Sounds: {@code acd/en/digits/0} .. {@code 19}, {@code 20}, {@code 30} .. {@code 90},
 * {@code hundred}, {@code thousand}, {@code million}, {@code billion};
 * {@code acd/en/money/yuan}, {@code fen}, {@code and}; {@code acd/en/date/month-1} .. {@code month-12}.
 */
public final class EnglishSpeech implements Speech {

    static final EnglishSpeech INSTANCE = new EnglishSpeech();

    private static final String DIGITS = "acd/en/digits/";
    private static final String HUNDRED = DIGITS + "hundred";
    private static final String YUAN = "acd/en/money/yuan";
    private static final String FEN = "acd/en/money/fen";
    private static final String AND = "acd/en/money/and";
    private static final String MONTH = "acd/en/date/month-";
    /** Billions, millions, thousands: each group of three digits above the ones, highest first. */
    private static final long[] SCALE = {1_000_000_000L, 1_000_000L, 1_000L};
    private static final String[] SCALE_WORD = {DIGITS + "billion", DIGITS + "million", DIGITS + "thousand"};

    private EnglishSpeech() {
    }

    @Override
    public List<String> number(long number) {
        Sayable.number(number);
        List<String> out = new ArrayList<>();
        if (number == 0) {
            out.add(DIGITS + 0);
            return out;
        }
        long rest = number;
        for (int i = 0; i < SCALE.length; i++) {
            int group = (int) (rest / SCALE[i]);
            if (group > 0) {
                underThousand(group, out);
                out.add(SCALE_WORD[i]);
            }
            rest %= SCALE[i];
        }
        if (rest > 0) {
            underThousand((int) rest, out);
        }
        return out;
    }

    private static void underThousand(int n, List<String> out) {
        if (n >= 100) {
            out.add(DIGITS + n / 100);
            out.add(HUNDRED);
        }
        int tens = n % 100;
        if (tens == 0) {
            return;
        }
        if (tens < 20) {
            out.add(DIGITS + tens);
            return;
        }
        out.add(DIGITS + tens / 10 * 10);
        if (tens % 10 > 0) {
            out.add(DIGITS + tens % 10);
        }
    }

    @Override
    public List<String> digits(String digits) {
        Sayable.digits(digits);
        List<String> out = new ArrayList<>(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            out.add(DIGITS + digits.charAt(i));
        }
        return out;
    }

    @Override
    public List<String> money(long yuan, int fen) {
        Sayable.number(yuan);
        Sayable.fen(fen);
        List<String> out = new ArrayList<>();
        if (yuan > 0 || fen == 0) {
            out.addAll(number(yuan));
            out.add(YUAN);
        }
        if (fen > 0) {
            if (yuan > 0) {
                out.add(AND);
            }
            out.addAll(number(fen));
            out.add(FEN);
        }
        return out;
    }

    @Override
    public List<String> month(int year, int month) {
        Sayable.month(year, month);
        List<String> out = new ArrayList<>();
        out.add(MONTH + month);
        out.addAll(number(year));
        return out;
    }

    @Override
    public Set<String> sounds() {
        Set<String> all = new LinkedHashSet<>();
        for (int n = 0; n < 20; n++) {
            all.add(DIGITS + n);
        }
        for (int n = 20; n < 100; n += 10) {
            all.add(DIGITS + n);
        }
        all.add(HUNDRED);
        all.addAll(List.of(SCALE_WORD));
        all.addAll(List.of(YUAN, FEN, AND));
        for (int m = 1; m <= 12; m++) {
            all.add(MONTH + m);
        }
        return all;
    }
}
