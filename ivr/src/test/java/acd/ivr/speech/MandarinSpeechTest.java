package acd.ivr.speech;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mandarin as a hotline operator reads it; each sound is shown as the character it says. */
class MandarinSpeechTest {
    private static final Speech ZH = Speech.forLanguage("zh");
    private static final Map<String, String> SAYS = Map.ofEntries(
            Map.entry("acd/zh/digits/0", "零"), Map.entry("acd/zh/digits/1", "一"), Map.entry("acd/zh/digits/2", "二"),
            Map.entry("acd/zh/digits/3", "三"), Map.entry("acd/zh/digits/4", "四"), Map.entry("acd/zh/digits/5", "五"),
            Map.entry("acd/zh/digits/6", "六"), Map.entry("acd/zh/digits/7", "七"), Map.entry("acd/zh/digits/8", "八"),
            Map.entry("acd/zh/digits/9", "九"), Map.entry("acd/zh/digits/liang", "两"), Map.entry("acd/zh/digits/yao", "幺"),
            Map.entry("acd/zh/digits/shi", "十"), Map.entry("acd/zh/digits/bai", "百"), Map.entry("acd/zh/digits/qian", "千"),
            Map.entry("acd/zh/digits/wan", "万"), Map.entry("acd/zh/digits/yi", "亿"), Map.entry("acd/zh/money/yuan", "元"),
            Map.entry("acd/zh/money/jiao", "角"), Map.entry("acd/zh/money/fen", "分"), Map.entry("acd/zh/money/zheng", "整"),
            Map.entry("acd/zh/date/nian", "年"), Map.entry("acd/zh/date/yue", "月"));

    private static String heard(List<String> sounds) {
        StringBuilder s = new StringBuilder();
        for (String sound : sounds) {
            String ch = SAYS.get(sound);
            if (ch == null) {
                throw new AssertionError("a sound the test does not know: " + sound);
            }
            s.append(ch);
        }
        return s.toString();
    }

    private static String number(long n) {
        return heard(ZH.number(n));
    }

    private static String money(long yuan, int fen) {
        return heard(ZH.money(yuan, fen));
    }

    @Test
    void aTenThatOpensTheNumberIsABareShiAndAnywhereElseYiShi() {
        assertEquals("十", number(10));
        assertEquals("十二", number(12));
        assertEquals("一百一十二", number(112));
        assertEquals("一千零一十", number(1010));
        assertEquals("十万", number(100_000));
        assertEquals("十一万", number(110_000));
        assertEquals("一百一十万", number(1_100_000));
        assertEquals("十亿", number(1_000_000_000));
        assertEquals("一亿零一十万", number(100_100_000));
    }

    @Test
    void oneLingStandsForARunOfZerosAndZerosAtTheEndAreNotSaid() {
        assertEquals("零", number(0));
        assertEquals("一千零五", number(1005));
        assertEquals("一千零一", number(1001));
        assertEquals("一万零五十", number(10_050));
        assertEquals("一千万零一", number(10_000_001));
        assertEquals("一亿零五千", number(100_005_000));
        assertEquals("一亿", number(100_000_000));
        assertEquals("一万两千", number(12_000));
        assertEquals("三千零四十万零六百", number(30_400_600));
    }

    @Test
    void twoIsLiangWhenItCountsHundredsThousandsOrALoneWanAndErElsewhere() {
        assertEquals("二", number(2));
        assertEquals("二十", number(20));
        assertEquals("十二", number(12));
        assertEquals("二十二", number(22));
        assertEquals("两百", number(200));
        assertEquals("一千两百", number(1200));
        assertEquals("两千", number(2000));
        assertEquals("两千两百二十二", number(2222));
        assertEquals("两万", number(20_000));
        assertEquals("二十二万", number(220_000));
        assertEquals("两亿", number(200_000_000));
        assertEquals("一千零二", number(1002));
    }

    @Test
    void numbersUpToJustUnderATrillionAreReadAndOthersRefused() {
        assertEquals("九千九百九十九亿九千九百九十九万九千九百九十九", number(Speech.MAX_NUMBER));
        assertEquals("一千亿", number(100_000_000_000L));
        assertThrows(IllegalArgumentException.class, () -> ZH.number(Speech.MAX_NUMBER + 1));
        assertThrows(IllegalArgumentException.class, () -> ZH.number(-1));
    }

    @Test
    void digitStringsAreReadOneByOneWithYaoForOne() {
        assertEquals("幺零零八六", heard(ZH.digits("10086")));
        assertEquals("二零二六幺零零幺零零四二", heard(ZH.digits("202610010042")));
        assertThrows(IllegalArgumentException.class, () -> ZH.digits(""));
        assertThrows(IllegalArgumentException.class, () -> ZH.digits("12*4"));
    }

    @Test
    void moneyIsReadInYuanJiaoAndFen() {
        assertEquals("十二元三角四分", money(12, 34));
        assertEquals("十二元零四分", money(12, 4));
        assertEquals("十二元三角", money(12, 30));
        assertEquals("十二元整", money(12, 0));
        assertEquals("五分", money(0, 5));
        assertEquals("五角", money(0, 50));
        assertEquals("零元", money(0, 0));
        assertEquals("一千两百八十八元五角", money(1288, 50));
        assertEquals("一百零二元三角", money(102, 30));
    }

    @Test
    void twoOfAMoneyUnitIsLiang() {
        assertEquals("两元两角两分", money(2, 22));
        assertEquals("两元整", money(2, 0));
        assertEquals("二十二元零两分", money(22, 2));
    }

    @Test
    void moneyOutsideYuanAndFenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ZH.money(1, 100));
        assertThrows(IllegalArgumentException.class, () -> ZH.money(1, -1));
        assertThrows(IllegalArgumentException.class, () -> ZH.money(-1, 0));
    }

    @Test
    void aMonthIsTheYearDigitByDigitThenTheMonth() {
        assertEquals("二零二六年十一月", heard(ZH.month(2026, 11)));
        assertEquals("二零一一年二月", heard(ZH.month(2011, 2)));
        assertEquals("二零零零年十月", heard(ZH.month(2000, 10)));
        assertEquals("二零二七年一月", heard(ZH.month(2027, 1)));
        assertThrows(IllegalArgumentException.class, () -> ZH.month(2026, 13));
        assertThrows(IllegalArgumentException.class, () -> ZH.month(2026, 0));
    }

    @Test
    void everySoundItSaysIsOneItLists() {
        Set<String> listed = ZH.sounds();
        assertEquals(SAYS.keySet(), listed);
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long n = i < 10_000 ? i : (long) (random.nextDouble() * Speech.MAX_NUMBER);
            assertTrue(listed.containsAll(ZH.number(n)), () -> "number " + n);
            assertTrue(listed.containsAll(ZH.money(n, (int) (n % 100))), () -> "money " + n);
        }
        assertTrue(listed.containsAll(ZH.digits("0123456789")));
        assertTrue(listed.containsAll(ZH.month(2026, 12)));
    }
}
