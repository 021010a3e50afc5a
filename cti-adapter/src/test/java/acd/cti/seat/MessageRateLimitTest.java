package acd.cti.seat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageRateLimitTest {
    private static final long MS = 1_000_000;

    @Test
    void aBurstUpToTheLimitPassesThenOneWarningThenTheCut() {
        MessageRateLimit limit = new MessageRateLimit(20, 0);
        for (int i = 0; i < 20; i++) {
            assertEquals(MessageRateLimit.Verdict.PASS, limit.admit(0), "message " + i);
        }
        assertEquals(MessageRateLimit.Verdict.FIRST_DROP, limit.admit(0));
        for (int i = 0; i < 18; i++) {
            assertEquals(MessageRateLimit.Verdict.DROP, limit.admit(0));
        }
        assertEquals(MessageRateLimit.Verdict.FLOOD, limit.admit(0));
    }

    @Test
    void aDesktopWithinTheRatePassesForever() {
        MessageRateLimit limit = new MessageRateLimit(20, 0);
        for (long t = 0; t < 60_000; t += 50) {
            assertEquals(MessageRateLimit.Verdict.PASS, limit.admit(t * MS));
        }
    }

    @Test
    void aDesktopThatCalmsDownIsForgiven() {
        MessageRateLimit limit = new MessageRateLimit(20, 0);
        for (int i = 0; i < 30; i++) {
            limit.admit(0);
        }
        assertEquals(MessageRateLimit.Verdict.PASS, limit.admit(1_000 * MS));
        for (int i = 0; i < 19; i++) {
            limit.admit(1_000 * MS);
        }
        assertEquals(MessageRateLimit.Verdict.FIRST_DROP, limit.admit(1_000 * MS), "warned afresh, not cut");
    }

    @Test
    void aDesktopSteadilyOverTheRateIsCutInTheEnd() {
        MessageRateLimit limit = new MessageRateLimit(20, 0);
        MessageRateLimit.Verdict last = MessageRateLimit.Verdict.PASS;
        long t = 0;
        while (last != MessageRateLimit.Verdict.FLOOD && t < 60_000) {
            last = limit.admit(t * MS);
            t += 25;
        }
        assertEquals(MessageRateLimit.Verdict.FLOOD, last);
    }
}
