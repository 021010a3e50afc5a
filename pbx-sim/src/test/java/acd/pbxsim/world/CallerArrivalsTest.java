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
}
