package acd.ivr.speech;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Mandarin, read the way a hotline operator reads it.
 *
 * <ul>
 * <li>Numbers by 万 and 亿: 112 一百一十二, 1005 一千零五, 10050 一万零五十, 100000 十万,
 *     100005000 一亿零五千. One 零 stands for a run of zeros inside the number; zeros at the end
 *     are not said. A ten that opens the number is a bare 十 (10 十, 12 十二, 100000 十万);
 *     anywhere else it is 一十 (112 一百一十二, 1010 一千零一十).</li>
 * <li>两 where a 2 counts hundreds or thousands (200 两百, 1200 一千两百, 2000 两千) and for a
 *     lone 2 before 万 or 亿 (20000 两万, 200000000 两亿); 二 everywhere else (2 二, 20 二十,
 *     12 十二, 220000 二十二万).</li>
 * <li>Money in 元, 角 and 分: 12.34 十二元三角四分, 12.04 十二元零四分, 12.30 十二元三角,
 *     12.00 十二元整, 0.05 五分, 0 零元. Two of a unit is 两 (两元, 两角, 两分), as before any
 *     measure word.</li>
 * <li>Digit strings one digit at a time with 1 as 幺 (yāo), as telephone operators read card and
 *     order numbers, so that 一 (yī) is not heard as 七 (qī) on a poor line.</li>
 * <li>A month: the year digit by digit (1 as 一 here, 0 as 零), then the month: 2026-11
 *     二零二六年十一月.</li>
 * </ul>
 *
 * Sounds: {@code acd/zh/digits/0} .. {@code 9} (零 .. 九), {@code liang} 两, {@code yao} 幺,
 * {@code shi} 十, {@code bai} 百, {@code qian} 千, {@code wan} 万, {@code yi} 亿;
 * {@code acd/zh/money/yuan}, {@code jiao}, {@code fen}, {@code zheng} (整);
 * {@code acd/zh/date/nian} 年, {@code yue} 月.
 */
public final class MandarinSpeech implements Speech {

    static final String LANGUAGE = "zh";
    static final MandarinSpeech INSTANCE = new MandarinSpeech();

    private static final String DIGITS = "acd/zh/digits/";
    private static final String LIANG = DIGITS + "liang";
    private static final String YAO = DIGITS + "yao";
    private static final String SHI = DIGITS + "shi";
    private static final String BAI = DIGITS + "bai";
    private static final String QIAN = DIGITS + "qian";
    private static final String WAN = DIGITS + "wan";
    private static final String YI = DIGITS + "yi";
    private static final String YUAN = "acd/zh/money/yuan";
    private static final String JIAO = "acd/zh/money/jiao";
    private static final String FEN = "acd/zh/money/fen";
    private static final String ZHENG = "acd/zh/money/zheng";
    private static final String NIAN = "acd/zh/date/nian";
    private static final String YUE = "acd/zh/date/yue";

    /** The units inside a group of four digits, thousands first; the ones have none. */
    private static final String[] PLACE = {QIAN, BAI, SHI, null};

    private MandarinSpeech() {
    }

    @Override
    public List<String> number(long number) {
        Sayable.number(number);
        List<String> out = new ArrayList<>();
        if (number == 0) {
            out.add(digit(0));
            return out;
        }
        int[] groups = {(int) (number / 1_0000_0000L), (int) (number / 1_0000 % 1_0000), (int) (number % 1_0000)};
        String[] groupUnit = {YI, WAN, null};
        boolean said = false;
        boolean zero = false;
        for (int g = 0; g < groups.length; g++) {
            int value = groups[g];
            if (value == 0) {
                zero = said;
                continue;
            }
            // a group under a thousand after a higher one has a gap: 10050 一万零五十
            group(value, groupUnit[g], said, zero || (said && value < 1000), out);
            said = true;
            zero = false;
        }
        return out;
    }

    /**
     * One group of four digits and its unit.
     *
     * @param said whether a higher group was said (then a leading ten is 一十, not 十)
     * @param zero whether a 零 is owed before the first digit said
     */
    private static void group(int value, String unit, boolean said, boolean zero, List<String> out) {
        int[] d = {value / 1000, value / 100 % 10, value / 10 % 10, value % 10};
        boolean started = false;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == 0) {
                zero |= started;
                continue;
            }
            if (zero) {
                out.add(digit(0));
                zero = false;
            }
            boolean openingTen = PLACE[i] == SHI && d[i] == 1 && !said && !started;
            if (!openingTen) {
                boolean counts = PLACE[i] == BAI || PLACE[i] == QIAN || (value == 2 && unit != null);
                out.add(d[i] == 2 && counts ? LIANG : digit(d[i]));
            }
            if (PLACE[i] != null) {
                out.add(PLACE[i]);
            }
            started = true;
        }
        if (unit != null) {
            out.add(unit);
        }
    }

    @Override
    public List<String> digits(String digits) {
        Sayable.digits(digits);
        List<String> out = new ArrayList<>(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            out.add(d == 1 ? YAO : digit(d));
        }
        return out;
    }

    @Override
    public List<String> money(long yuan, int fen) {
        Sayable.number(yuan);
        Sayable.fen(fen);
        List<String> out = new ArrayList<>();
        if (yuan == 0 && fen == 0) {
            return List.of(digit(0), YUAN);
        }
        if (yuan > 0) {
            out.addAll(count(yuan));
            out.add(YUAN);
            if (fen == 0) {
                out.add(ZHENG);
            }
        }
        int jiao = fen / 10;
        int rest = fen % 10;
        if (jiao > 0) {
            out.addAll(count(jiao));
            out.add(JIAO);
        } else if (yuan > 0 && rest > 0) {
            out.add(digit(0));
        }
        if (rest > 0) {
            out.addAll(count(rest));
            out.add(FEN);
        }
        return out;
    }

    /** A number before a measure word: two of it is 两. */
    private List<String> count(long n) {
        return n == 2 ? List.of(LIANG) : number(n);
    }

    @Override
    public List<String> month(int year, int month) {
        Sayable.month(year, month);
        List<String> out = new ArrayList<>();
        String y = Integer.toString(year);
        for (int i = 0; i < y.length(); i++) {
            out.add(digit(y.charAt(i) - '0'));
        }
        out.add(NIAN);
        out.addAll(number(month));
        out.add(YUE);
        return out;
    }

    @Override
    public Set<String> sounds() {
        Set<String> all = new LinkedHashSet<>();
        for (int d = 0; d <= 9; d++) {
            all.add(digit(d));
        }
        all.addAll(List.of(LIANG, YAO, SHI, BAI, QIAN, WAN, YI, YUAN, JIAO, FEN, ZHENG, NIAN, YUE));
        return all;
    }

    private static String digit(int d) {
        return DIGITS + d;
    }
}
