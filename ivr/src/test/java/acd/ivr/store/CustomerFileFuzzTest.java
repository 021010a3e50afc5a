package acd.ivr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.core.config.ConfigError;
import acd.ivr.ConfigErrorPositions;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * Whatever text customers.csv holds, it loads into subscribers the store can take (a phone number
 * once each, tiers, brands and account managers the routing defines), or the start stops with a
 * {@link ConfigError} naming the file, line, column and reason of every bad row; never another
 * exception, never a hang. Runs its stored inputs as a normal test; set {@code JAZZER_FUZZ=1} to
 * search for new ones.
 */
class CustomerFileFuzzTest {
    private static final String SOURCE = "config/customers.csv";
    /** The shipped routing's tiers and brands and a few of its agents. */
    private static final RoutingIds IDS = new RoutingIds(
            new LinkedHashSet<>(List.of("supreme", "diamond", "gold", "silver", "standard")),
            new LinkedHashSet<>(List.of("gotone", "mzone", "easyown")),
            new LinkedHashSet<>(List.of("1001", "1002", "1003", "1004", "1201", "2001")));

    // a hang is a finding: bounds every stored input, and every fuzzed one (docs/design.md, Fuzzing)
    @Timeout(10)
    @FuzzTest(maxDuration = "30s")
    void anyCustomersFileLoadsOrNamesFileLineAndReason(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        List<SeedCustomer> customers;
        try {
            customers = CustomerFile.parse(SOURCE, text, IDS);
        } catch (ConfigError e) {
            ConfigErrorPositions.assertEveryProblemPointsIntoCsv(e, SOURCE, text);
            return;
        }
        Set<String> numbers = new HashSet<>();
        for (SeedCustomer c : customers) {
            assertTrue(CustomerFile.NUMBER.matcher(c.number()).matches(), "a phone number: " + c);
            assertTrue(numbers.add(c.number()), "a number once: " + c);
            assertNotNull(c.profile());
            assertTrue(c.profile().tier() == null || IDS.tiers().contains(c.profile().tier()), "a known tier: " + c);
            assertTrue(c.profile().brand() == null || IDS.brands().contains(c.profile().brand()), "a known brand: " + c);
            assertTrue(c.profile().accountManager() == null || IDS.agents().contains(c.profile().accountManager()),
                    "a known account manager: " + c);
            if (c.latestBill() != null) {
                assertEquals(c.number(), c.latestBill().number(), "the bill is the subscriber's: " + c);
                assertTrue(c.latestBill().amountFen() >= 0, "a bill is not negative: " + c);
            }
            assertTrue(c.line() >= 1 && c.line() <= ConfigErrorPositions.lines(text, false), "the row's line is in the file: " + c);
        }
    }
}
