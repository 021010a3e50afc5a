package acd.ivr.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.core.config.ConfigError;
import acd.ivr.ConfigErrorPositions;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * Whatever text recharge-cards.csv holds, it loads into cards the store accepts (16-digit numbers
 * once each, a PIN or a well-formed PIN hash, a value above 0.00), or the start stops with a
 * {@link ConfigError} naming the file, line, column and reason of every bad row; never another
 * exception, never a hang. Runs its stored inputs as a normal test; set
 * {@code JAZZER_FUZZ=1} to search for new ones.
 */
class RechargeCardFileFuzzTest {
    private static final String SOURCE = "config/recharge-cards.csv";

    // a hang is a finding: bounds every stored input, and every fuzzed one (docs/design.md, Fuzzing)
    @Timeout(10)
    @FuzzTest(maxDuration = "30s")
    void anyCardsFileLoadsOrNamesFileLineAndReason(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        List<SeedCard> cards;
        try {
            cards = RechargeCardFile.parse(SOURCE, text);
        } catch (ConfigError e) {
            ConfigErrorPositions.assertEveryProblemPointsIntoCsv(e, SOURCE, text);
            return;
        }
        Set<String> numbers = new HashSet<>();
        for (SeedCard card : cards) {
            assertTrue(RechargeCardFile.CARD_NUMBER.matcher(card.cardNumber()).matches(), "16 digits: " + card);
            assertTrue(numbers.add(card.cardNumber()), "a card once: " + card);
            assertTrue(card.valueFen() > 0, "a card is worth something: " + card);
            assertTrue(card.line() >= 1 && card.line() <= ConfigErrorPositions.lines(text, false), "the row's line is in the file: " + card);
        }
    }
}
