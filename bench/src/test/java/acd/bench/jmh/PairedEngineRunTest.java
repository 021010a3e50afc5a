package acd.bench.jmh;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedEngineRunTest {

    @Test
    void bothEnginesGetASliceInEveryMeasuredRound() {
        PairedEngineRun.Rates rates = PairedEngineRun.run(120, 400, 1, 3, 5_000_000);
        assertEquals(3, rates.engine().length);
        for (int round = 0; round < 3; round++) {
            assertTrue(rates.engine()[round] > 0, "engine slice " + round);
            assertTrue(rates.baseline()[round] > 0, "baseline slice " + round);
            assertEquals(rates.engine()[round] / rates.baseline()[round], rates.ratios()[round], 1e-9);
        }
    }

    @Test
    void quantilesAreTakenByNearestRank() {
        double[] values = {5, 1, 4, 2, 3};
        assertEquals(1, PairedEngineRun.quantile(values, 0));
        assertEquals(3, PairedEngineRun.quantile(values, 0.5));
        assertEquals(5, PairedEngineRun.quantile(values, 1));
        assertEquals(2, PairedEngineRun.quantile(values, 0.25));
    }
}
