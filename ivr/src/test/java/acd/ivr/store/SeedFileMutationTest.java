package acd.ivr.store;

import acd.core.config.ConfigError;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed files damaged at random (a fixed seed, so a failure repeats): reading one either gives
 * rows or one {@link ConfigError} whose problems point at lines of that text; it never fails any
 * other way.
 */
class SeedFileMutationTest {
    private static final String DAMAGE = ",\"\n\r# -.+x0123456789\u0000\u00e9\u4e2d";
    private static final int ROUNDS = 3_000;

    @Test
    void aDamagedCustomersFileParsesOrNamesItsBadLines() {
        String good = StoreFixture.resource("store-customers.csv");
        damaged(good, 1L, text -> {
            try {
                CustomerFile.parse("customers.csv", text, StoreFixture.IDS);
            } catch (ConfigError e) {
                assertLinesWithin(e, text);
            }
        });
    }

    @Test
    void aDamagedCardsFileParsesOrNamesItsBadLines() {
        String good = StoreFixture.resource("store-recharge-cards.csv");
        damaged(good, 2L, text -> {
            try {
                RechargeCardFile.parse("recharge-cards.csv", text);
            } catch (ConfigError e) {
                assertLinesWithin(e, text);
            }
        });
    }

    private static void damaged(String good, long seed, Consumer<String> read) {
        Random random = new Random(seed);
        for (int round = 0; round < ROUNDS; round++) {
            StringBuilder text = new StringBuilder(good);
            int edits = 1 + random.nextInt(4);
            for (int i = 0; i < edits; i++) {
                int at = random.nextInt(text.length() + 1);
                char c = DAMAGE.charAt(random.nextInt(DAMAGE.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> {
                        if (at < text.length()) {
                            text.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < text.length()) {
                            text.setCharAt(at, c);
                        }
                    }
                }
            }
            String damagedText = text.toString();
            try {
                read.accept(damagedText);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("round " + round + " failed on:\n" + damagedText, e);
            }
        }
    }

    private static void assertLinesWithin(ConfigError e, String text) {
        // a quote opened on the last line may leave the reader one line past the end
        int lines = text.split("\r\n|\r|\n", -1).length + 1;
        for (ConfigError.Problem p : e.problems()) {
            assertTrue(p.line() >= 1 && p.line() <= lines && p.column() >= 1, p.toString());
        }
    }
}
