package acd.core.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class CallLineTest {
    private static final Comparator<Call> LINE_ORDER =
            Comparator.comparingLong((Call c) -> c.placeMs).thenComparingLong(c -> c.sequence);

    private long sequence;

    private Call call(long placeMs) {
        Call call = new Call();
        call.callId = ++sequence;
        call.sequence = sequence;
        call.placeMs = placeMs;
        return call;
    }

    /** A line the calls joined in the order given. */
    private static CallLine lineOf(Call... joining) {
        CallLine line = new CallLine(0, 0, null, 1, 0, Long.MAX_VALUE, false);
        for (Call call : joining) {
            line.add(call);
        }
        return line;
    }

    @Test
    void theOldestPlaceIsServedFirstWhateverOrderCallsJoinIn() {
        Call late = call(3_000);
        Call early = call(1_000);
        Call middle = call(2_000);
        CallLine line = lineOf(late, early, middle);
        assertSame(early, line.peek());
        assertEquals(1_000, line.headPlaceMs);
        line.remove(early);
        assertSame(middle, line.peek());
        line.remove(middle);
        assertSame(late, line.peek());
        line.remove(late);
        assertNull(line.peek());
        assertEquals(0, line.size());
    }

    @Test
    void callsWithTheSamePlaceKeepTheirOrderOfArrival() {
        Call first = call(5_000);
        Call second = call(5_000);
        CallLine line = lineOf(second, first);
        assertSame(first, line.peek());
        assertEquals(first.sequence, line.headSequence);
    }

    @Test
    void aCallThatLeavesFromTheMiddleIsSteppedOverWhenTheHeadGetsThere() {
        Call a = call(1);
        Call b = call(2);
        Call c = call(3);
        CallLine line = lineOf(a, b, c);
        line.remove(b);
        assertEquals(2, line.size());
        line.remove(a);
        assertSame(c, line.peek(), "the head skips the slot b left");
        assertEquals(1, line.span());
    }

    @Test
    void aCallBackFromAnUnansweredSeatTakesItsOldPlace() {
        CallLine line = new CallLine(0, 0, null, 1, 0, Long.MAX_VALUE, false);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Call call = call(i * 100L);
            calls.add(call);
            line.add(call);
        }
        Call offered = line.peek();
        line.remove(offered);
        Call gaveUp = calls.get(20);
        line.remove(gaveUp);
        line.add(offered);
        assertSame(offered, line.peek(), "back at the head");
        line.add(gaveUp);
        calls.sort(LINE_ORDER);
        assertArrayEquals(calls.toArray(), line.inOrder());
    }

    @Test
    void theLineAgreesWithASortedSetThroughRandomTraffic() {
        SplittableRandom random = new SplittableRandom(11);
        CallLine line = new CallLine(0, 0, null, 1, 0, Long.MAX_VALUE, false);
        TreeSet<Call> expected = new TreeSet<>(LINE_ORDER);
        List<Call> waiting = new ArrayList<>();
        List<Call> away = new ArrayList<>();
        long now = 0;
        for (int step = 0; step < 300_000; step++) {
            now += random.nextInt(3);
            int action = random.nextInt(100);
            if (action < 40 || waiting.isEmpty()) {
                Call call = call(now);
                line.add(call);
                expected.add(call);
                waiting.add(call);
            } else if (action < 70) {
                Call head = line.peek();
                assertSame(expected.first(), head);
                line.remove(head);
                expected.remove(head);
                waiting.remove(head);
                if (random.nextInt(8) == 0) {
                    away.add(head);
                }
            } else if (action < 90) {
                Call leaving = waiting.remove(random.nextInt(waiting.size()));
                line.remove(leaving);
                expected.remove(leaving);
            } else if (!away.isEmpty()) {
                // Back from a seat that did not answer, at the original place.
                Call back = away.remove(away.size() - 1);
                line.add(back);
                expected.add(back);
                waiting.add(back);
            }
            // Drain now and then so the line empties, and let it grow long at other times.
            if (step % 50_000 == 49_999) {
                while (line.size() > 0) {
                    Call head = line.peek();
                    line.remove(head);
                    expected.remove(head);
                    waiting.remove(head);
                }
            }
            assertEquals(expected.size(), line.size());
            if (!expected.isEmpty()) {
                assertEquals(expected.first().placeMs, line.headPlaceMs);
                assertEquals(expected.first().sequence, line.headSequence);
            }
            if (step % 997 == 0) {
                assertArrayEquals(expected.toArray(), line.inOrder());
            }
        }
        assertArrayEquals(expected.toArray(), line.inOrder());
    }
}
