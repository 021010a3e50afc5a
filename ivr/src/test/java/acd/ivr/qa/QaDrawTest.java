package acd.ivr.qa;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QaDrawTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final long T0 = 1_796_600_000_000L;

    static List<AnsweredCall> calls(String agent, int count, int firstId) {
        List<AnsweredCall> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "17966" + (firstId + i) + ".1";
            out.add(new AnsweredCall(id, agent, "general", null, null, "1390000" + (firstId + i),
                    T0 + (firstId + i) * 60_000L, 90_000, "acd/20261207/" + id));
        }
        return out;
    }

    @Test
    void eachAgentHasTheirShareDrawnRoundedUpSoEveryoneWhoAnsweredIsReviewed() {
        List<AnsweredCall> day = new ArrayList<>(calls("1001", 40, 0));
        day.addAll(calls("1002", 15, 100));
        day.addAll(calls("1003", 1, 200));
        Map<String, Long> drawn = QaDraw.draw(day, DAY, QaRules.DEFAULTS).stream()
                .collect(Collectors.groupingBy(AnsweredCall::agent, Collectors.counting()));
        assertEquals(Map.of("1001", 4L, "1002", 2L, "1003", 1L), drawn);
    }

    @Test
    void theSameSeedDayAndCallsDrawTheSameSampleWhateverTheOrder() {
        List<AnsweredCall> day = new ArrayList<>(calls("1001", 50, 0));
        day.addAll(calls("1002", 30, 100));
        List<AnsweredCall> first = QaDraw.draw(day, DAY, QaRules.DEFAULTS);
        List<AnsweredCall> shuffled = new ArrayList<>(day);
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(first, QaDraw.draw(shuffled, DAY, QaRules.DEFAULTS));
    }

    @Test
    void anotherDayOrSeedDrawsOtherCalls() {
        List<AnsweredCall> day = calls("1001", 100, 0);
        List<AnsweredCall> first = QaDraw.draw(day, DAY, QaRules.DEFAULTS);
        assertNotEquals(first, QaDraw.draw(day, DAY.plusDays(1), QaRules.DEFAULTS));
        assertNotEquals(first, QaDraw.draw(day, DAY, new QaRules(10, 99, 80)));
    }

    @Test
    void overManyDaysEveryCallIsAsLikelyToBeDrawnAsAnother() {
        // 200 calls a day, 10% drawn, over 400 days: each position is drawn about 40 times
        List<AnsweredCall> day = calls("1001", 200, 0);
        Map<String, Integer> times = new HashMap<>();
        for (int d = 0; d < 400; d++) {
            for (AnsweredCall call : QaDraw.draw(day, DAY.plusDays(d), QaRules.DEFAULTS)) {
                times.merge(call.callId(), 1, Integer::sum);
            }
        }
        int total = times.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(400 * 20, total);
        // a binomial(400, 0.1) lies within 40 ± 22 with odds far better than one in a million per call
        for (AnsweredCall call : day) {
            int n = times.getOrDefault(call.callId(), 0);
            assertTrue(n >= 18 && n <= 62, call.callId() + " drawn " + n + " times in 400 days");
        }
        // and the early calls of the day are not favoured over the late ones
        int firstHalf = day.subList(0, 100).stream().mapToInt(c -> times.getOrDefault(c.callId(), 0)).sum();
        assertTrue(Math.abs(firstHalf - total / 2) < total / 20, "first half drawn " + firstHalf + " of " + total);
    }

    @Test
    void aFullSampleTakesEveryCall() {
        List<AnsweredCall> day = calls("1001", 7, 0);
        assertEquals(day, QaDraw.draw(day, DAY, new QaRules(100, 1, 80)));
    }

    @Test
    void aScoreBelowTheMarkIsARedo() {
        assertTrue(QaRules.DEFAULTS.isRedo(79));
        assertTrue(!QaRules.DEFAULTS.isRedo(80));
    }
}
