package acd.ivr.store;

import acd.ivr.selfservice.RechargeOutcome;
import acd.ivr.selfservice.RechargeOutcome.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@EnumSource(DatabaseKind.class)
class RechargeTest extends StoreFixture {
    static final String CALLER = "13600000031";      // 58.30 yuan
    static final String OTHER_CALLER = "15800000041"; // 18.00 yuan
    static final String CARD_30 = "1000000000000001";
    static final String CARD_50 = "1000000000000002";

    RechargeTest(DatabaseKind kind) {
        super(kind);
    }

    @Test
    void aGoodCardCreditsItsValueAndTheBalanceShowsIt() {
        RechargeOutcome outcome = selfService().recharge(CALLER, CARD_30, "111111", "ivr", T0);

        assertEquals(new RechargeOutcome(Status.CREDITED, 3000, 8830, 3, 0), outcome);
        assertEquals(8830, selfService().account(CALLER).orElseThrow().balanceFen());
    }

    @Test
    void aCardWorksOnce() {
        selfService().recharge(CALLER, CARD_30, "111111", "ivr", T0);

        RechargeOutcome again = selfService().recharge(OTHER_CALLER, CARD_30, "111111", "ivr", T0 + MINUTE_MS);

        assertEquals(Status.CARD_USED, again.status());
        assertEquals(0, again.creditedFen());
        assertEquals(1800, selfService().account(OTHER_CALLER).orElseThrow().balanceFen());
        assertEquals(8830, selfService().account(CALLER).orElseThrow().balanceFen());
    }

    @Test
    void anUnknownCardCreditsNothingAndDoesNotCountAsAWrongPin() {
        RechargeOutcome outcome = selfService().recharge(CALLER, "9999999999999999", "111111", "ivr", T0);

        assertEquals(new RechargeOutcome(Status.UNKNOWN_CARD, 0, 5830, 3, 0), outcome);
    }

    @Test
    void aNumberWithoutAnAccountCannotRecharge() {
        RechargeOutcome outcome = selfService().recharge("13000000000", CARD_30, "111111", "ivr", T0);

        assertEquals(Status.UNKNOWN_NUMBER, outcome.status());
        // the card is still good for someone with an account
        assertEquals(Status.CREDITED, selfService().recharge(CALLER, CARD_30, "111111", "ivr", T0).status());
    }

    @Test
    void aWrongPinCreditsNothingAndSaysHowManyTriesAreLeft() {
        RechargeOutcome first = selfService().recharge(CALLER, CARD_30, "000000", "ivr", T0);
        RechargeOutcome second = selfService().recharge(CALLER, CARD_30, "000001", "ivr", T0 + 1);

        assertEquals(new RechargeOutcome(Status.WRONG_PIN, 0, 5830, 2, 0), first);
        assertEquals(new RechargeOutcome(Status.WRONG_PIN, 0, 5830, 1, 0), second);
        assertEquals(Status.CREDITED, selfService().recharge(CALLER, CARD_30, "111111", "ivr", T0 + 2).status());
    }

    @Test
    void threeWrongPinsLockTheCallerOutOfRechargeForThirtyMinutes() {
        selfService().recharge(CALLER, CARD_30, "000000", "ivr", T0);
        selfService().recharge(CALLER, CARD_50, "000000", "ivr", T0 + MINUTE_MS);
        RechargeOutcome third = selfService().recharge(CALLER, CARD_30, "000000", "ivr", T0 + 2 * MINUTE_MS);
        long lockedUntil = T0 + 2 * MINUTE_MS + 30 * MINUTE_MS;

        assertEquals(new RechargeOutcome(Status.WRONG_PIN, 0, 5830, 0, lockedUntil), third);
        // even the right PIN is refused while locked out, and the card stays unused
        RechargeOutcome locked = selfService().recharge(CALLER, CARD_30, "111111", "ivr", lockedUntil - 1);
        assertEquals(new RechargeOutcome(Status.LOCKED_OUT, 0, 5830, 0, lockedUntil), locked);
        assertEquals(5830, selfService().account(CALLER).orElseThrow().balanceFen());
        // the lock-out is the caller's, not the card's
        assertEquals(Status.CREDITED, selfService().recharge(OTHER_CALLER, CARD_30, "111111", "ivr", T0 + 3 * MINUTE_MS).status());
    }

    @Test
    void theLockOutEndsOnTimeAndTheCallerStartsAgainWithThreeTries() {
        for (int i = 0; i < 3; i++) {
            selfService().recharge(CALLER, CARD_30, "000000", "ivr", T0);
        }
        long lockedUntil = T0 + 30 * MINUTE_MS;

        RechargeOutcome wrongAfter = selfService().recharge(CALLER, CARD_30, "000000", "ivr", lockedUntil);
        assertEquals(new RechargeOutcome(Status.WRONG_PIN, 0, 5830, 2, 0), wrongAfter);
        RechargeOutcome right = selfService().recharge(CALLER, CARD_30, "111111", "ivr", lockedUntil + 1);
        assertEquals(new RechargeOutcome(Status.CREDITED, 3000, 8830, 3, 0), right);
    }

    @Test
    void aSuccessfulRechargeForgivesEarlierWrongPins() {
        selfService().recharge(CALLER, CARD_30, "000000", "ivr", T0);
        selfService().recharge(CALLER, CARD_30, "000000", "ivr", T0 + 1);
        selfService().recharge(CALLER, CARD_30, "111111", "ivr", T0 + 2);

        RechargeOutcome wrong = selfService().recharge(CALLER, CARD_50, "000000", "ivr", T0 + 3);

        assertEquals(2, wrong.pinAttemptsLeft());
        assertEquals(0, wrong.lockedUntilMs());
    }

    @Test
    void aUsedCardWithTheWrongPinCountsAsAWrongPin() {
        selfService().recharge(OTHER_CALLER, CARD_30, "111111", "ivr", T0);

        RechargeOutcome outcome = selfService().recharge(CALLER, CARD_30, "000000", "ivr", T0 + 1);

        // nobody learns that a card was used without knowing its PIN
        assertEquals(Status.WRONG_PIN, outcome.status());
    }

    @Test
    void pinsAreKeptOnlyAsSaltedHashes() throws Exception {
        List<String> stored = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pin_hash FROM recharge_card ORDER BY card_number")) {
            while (r.next()) {
                stored.add(r.getString(1));
            }
        }
        assertEquals(3, stored.size());
        for (String hash : stored) {
            assertTrue(hash.startsWith("pbkdf2-sha256$"), hash);
            assertFalse(hash.contains("111111") || hash.contains("222222") || hash.contains("333333"), hash);
        }
        assertTrue(PinHash.matches(stored.get(0), "111111"));
    }

    @Test
    void cardsAddedLaterWorkAndAPreHashedPinIsTakenAsIs() {
        String hashed = PinHash.hash("424242", PinHash.MIN_ITERATIONS);
        int added = store.addCards(cards(card("2000000000000001", "777777", 2000),
                card("2000000000000002", hashed, 1000), card(CARD_30, "999999", 99_900)));

        assertEquals(2, added, "a card already known is left alone");
        assertEquals(Status.CREDITED, selfService().recharge(CALLER, "2000000000000001", "777777", "ivr", T0).status());
        assertEquals(Status.CREDITED, selfService().recharge(CALLER, "2000000000000002", "424242", "ivr", T0).status());
        RechargeOutcome original = selfService().recharge(CALLER, CARD_30, "111111", "ivr", T0);
        assertEquals(3000, original.creditedFen());
        assertEquals(5830 + 2000 + 1000 + 3000, original.balanceFen());
    }

    @Test
    void aCardTheStoreCouldNeverAcceptIsRefusedBeforeItIsAdded() {
        assertThrows(IllegalArgumentException.class, () -> card("123", "111111", 100));
        assertThrows(IllegalArgumentException.class, () -> card("2000000000000009", "12", 100));
        assertThrows(IllegalArgumentException.class, () -> card("2000000000000009", "111111", 0));
        assertThrows(IllegalArgumentException.class, () -> card("2000000000000009", "pbkdf2-sha256$1$x$y", 100));
    }

    @Test
    void twoRechargesOfOneCardAtOnceCreditExactlyOnce() throws Exception {
        // many rounds, each a fresh card raced by two callers released together
        int rounds = 10;
        List<SeedCard> raced = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            raced.add(card(String.format("30000000000000%02d", i), "123456", 1000));
        }
        store.addCards(raced);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int credits = 0;
            for (SeedCard card : raced) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<RechargeOutcome>> both = new ArrayList<>();
                for (String caller : List.of(CALLER, OTHER_CALLER)) {
                    Callable<RechargeOutcome> attempt = () -> {
                        start.await();
                        return selfService().recharge(caller, card.cardNumber(), "123456", "ivr", T0);
                    };
                    both.add(pool.submit(attempt));
                }
                start.countDown();
                int creditedThisRound = 0;
                for (Future<RechargeOutcome> f : both) {
                    RechargeOutcome o = f.get(30, TimeUnit.SECONDS);
                    if (o.status() == Status.CREDITED) {
                        creditedThisRound++;
                    } else {
                        assertEquals(Status.CARD_USED, o.status());
                    }
                }
                assertEquals(1, creditedThisRound, "card " + card.cardNumber());
                credits += creditedThisRound;
            }
            long total = selfService().account(CALLER).orElseThrow().balanceFen()
                    + selfService().account(OTHER_CALLER).orElseThrow().balanceFen();
            assertEquals(5830 + 1800 + credits * 1000L, total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneCallerRechargingTwoCardsAtOnceGetsBoth() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<RechargeOutcome> a = pool.submit(() -> {
                start.await();
                return selfService().recharge(CALLER, CARD_30, "111111", "ivr", T0);
            });
            Future<RechargeOutcome> b = pool.submit(() -> {
                start.await();
                return selfService().recharge(CALLER, CARD_50, "222222", "ivr", T0);
            });
            start.countDown();
            assertEquals(Status.CREDITED, a.get(30, TimeUnit.SECONDS).status());
            assertEquals(Status.CREDITED, b.get(30, TimeUnit.SECONDS).status());
            assertEquals(5830 + 3000 + 5000, selfService().account(CALLER).orElseThrow().balanceFen());
        } finally {
            pool.shutdownNow();
        }
    }
}
