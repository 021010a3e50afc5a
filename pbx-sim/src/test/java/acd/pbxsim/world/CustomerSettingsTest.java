package acd.pbxsim.world;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerSettingsTest {

    private static int pickUps(CustomerSettings s, long seed, int calls) {
        Random random = new Random(seed);
        int n = 0;
        for (int i = 0; i < calls; i++) {
            if (s.picksUp("1380000" + i, random)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void everybodyPicksUpByDefault() {
        CustomerSettings s = CustomerSettings.defaults();
        assertEquals(1000, pickUps(s, 1, 1000));
        assertEquals(3000, s.ringMs());
        assertEquals(60_000, s.talkMs());
    }

    @Test
    void aShareOfCustomersPicksUpAndTheSameSeedPicksTheSameOnes() {
        CustomerSettings s = CustomerSettings.defaults().withAnswers(0.3);
        int picked = pickUps(s, 7, 2000);
        assertTrue(picked > 500 && picked < 700, "about 30% of 2000: " + picked);
        assertEquals(picked, pickUps(s, 7, 2000));
        assertEquals(0, pickUps(s.withAnswers(0), 7, 100));
    }

    @Test
    void numbersATestNamesBehaveAsItSays() {
        CustomerSettings s = CustomerSettings.defaults().withAnswers(0).withAlwaysAnswering("13800000001")
                .withNeverAnswering("13800000002").withBusy("13800000003");
        Random random = new Random(1);
        assertTrue(s.picksUp("13800000001", random));
        assertFalse(s.picksUp("13800000002", random));
        assertFalse(CustomerSettings.defaults().withNeverAnswering("13800000002").picksUp("13800000002", random));
        assertTrue(s.busy().contains("13800000003"));
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CustomerSettings.defaults().withAnswers(1.5));
        assertThrows(IllegalArgumentException.class, () -> CustomerSettings.defaults().withRingMs(-1));
    }
}
