package acd.pbxsim.world;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallerArrivalsTest {

    private static List<String> draw(CallerArrivals t) {
        CallerArrivals.Arrivals a = t.arrivals();
        List<String> out = new ArrayList<>();
        while (a.hasNext()) {
            long gap = a.nextGapMs();
            CallerScript c = a.nextCaller();
            out.add(gap + ":" + c.number() + ":" + c.patienceMs() + ":" + c.talkTimeMs());
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameCallers() {
        CallerArrivals t = CallerArrivals.poisson(12, 50, 42);
        assertEquals(draw(t), draw(t));
        assertNotEquals(draw(t), draw(CallerArrivals.poisson(12, 50, 43)));
    }

    @Test
    void gapsAverageTheArrivalRate() {
        CallerArrivals.Arrivals a = CallerArrivals.poisson(60, 20_000, 1).arrivals();
        long total = 0;
        int n = 0;
        while (a.hasNext()) {
            total += a.nextGapMs();
            a.nextCaller();
            n++;
        }
        double meanGap = (double) total / n;
        assertTrue(Math.abs(meanGap - 1000) < 30, "mean gap " + meanGap);
    }

    @Test
    void callersGetDistinctNumbersAndTheScriptedKeys() {
        CallerArrivals.Arrivals a = CallerArrivals.poisson(6, 3, 1).pressing(List.of("1", "")).arrivals();
        CallerScript first = a.nextCaller();
        CallerScript second = a.nextCaller();
        assertNotEquals(first.number(), second.number());
        assertEquals(List.of("1", ""), first.keypresses());
    }

    @Test
    void aShareOfCallersTakeACallbackWhenOfferedTheOthersDeclineAndNoneSpendsAnAnswerOnIt() {
        CallerArrivals.Arrivals a = CallerArrivals.poisson(60, 2_000, 5).pressing(List.of("0", "4"))
                .takingCallbacks(0.5).arrivals();
        int taking = 0;
        while (a.hasNext()) {
            CallerScript c = a.nextCaller();
            assertTrue(List.of("1", "").contains(c.callbackAnswer()), c.callbackAnswer());
            assertEquals(List.of("0", "4"), c.keypresses(), "the survey's rating stays theirs");
            taking += c.callbackAnswer().equals("1") ? 1 : 0;
        }
        assertTrue(Math.abs(taking - 1_000) < 100, taking + " of 2,000 take it");
        assertEquals(null, CallerArrivals.poisson(60, 1, 5).arrivals().nextCaller().callbackAnswer(),
                "without a share, the offer is answered from the list as any prompt");
    }

    @Test
    void aShareOfCallersCallFromTheSubscribersNumbers() {
        CallerArrivals.Arrivals a = CallerArrivals.poisson(60, 3_000, 3)
                .callingFrom(List.of("13800000001", "13800000002"), 1.0 / 3).arrivals();
        int known = 0;
        while (a.hasNext()) {
            a.nextGapMs();
            String number = a.nextCaller().number();
            if (number.startsWith("1380000000")) {
                known++;
            }
        }
        assertTrue(Math.abs(known - 1_000) < 80, known + " of 3000 called from a subscriber's number");
    }

    @Test
    void aWaveBringsMoreCallersInItsRiseThanInItsFall() {
        // 60 a minute swinging ±50% over 20 minutes: each first half brings some 791 callers, each
        // second half some 409 (600 ± 60 × 0.5 × 20 / π); over ten waves, 7,910 and 4,090.
        CallerArrivals traffic = CallerArrivals.poisson(60, 1_000_000, 5).inWaves(20 * 60_000, 0.5);
        CallerArrivals.Arrivals a = traffic.arrivals();
        long at = 0;
        int rising = 0;
        int falling = 0;
        while (true) {
            at += a.nextGapMs();
            a.nextCaller();
            if (at >= 10 * 20 * 60_000) {
                break;
            }
            if (at % (20 * 60_000) < 10 * 60_000) {
                rising++;
            } else {
                falling++;
            }
        }
        assertTrue(Math.abs(rising - 7_910) < 300, "rising halves: " + rising);
        assertTrue(Math.abs(falling - 4_090) < 300, "falling halves: " + falling);
        assertEquals(90, traffic.callsPerMinuteAt(5 * 60_000), 1e-9);
    }
}
