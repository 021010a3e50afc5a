package acd.ivr.store;

import acd.core.config.ConfigError;
import acd.core.config.ConfigSource;
import acd.core.config.RoutingConfigLoader;
import acd.ivr.customer.CustomerProfile;
import acd.ivr.selfservice.Bill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The customers and recharge card files: what they accept, and every bad row named by line. */
class CustomerFileTest {
    static final String SOURCE = "config/customers.csv";
    static final String HEADER = "number,tier,brand,account_manager,language,balance,bill_period,bill_amount\n";

    @Test
    void aGoodFileGivesProfilesBalancesAndBills() {
        List<SeedCustomer> customers = CustomerFile.parse(SOURCE, HEADER
                + "13900000001,supreme,gotone,1001,zh,1288.50,202610,968.00\n"
                + "15800000043,standard,easyown,,en,-12.4,,\n"
                + "18800000053,,,,,15,,\n", StoreFixture.IDS);

        assertEquals(3, customers.size());
        SeedCustomer vip = customers.get(0);
        assertEquals(new CustomerProfile("supreme", "gotone", "1001", "zh"), vip.profile());
        assertEquals(128_850, vip.balanceFen());
        assertEquals(new Bill("13900000001", 202610, 96_800), vip.latestBill());
        assertEquals(2, vip.line());
        assertEquals(-1240, customers.get(1).balanceFen());
        assertNull(customers.get(1).latestBill());
        assertEquals(new CustomerProfile(null, null, null, null), customers.get(2).profile());
        assertEquals(1500, customers.get(2).balanceFen());
    }

    @Test
    void columnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() {
        List<SeedCustomer> customers = CustomerFile.parse(SOURCE, "balance,number,tier\n 8.00 , 13800000011 ,diamond\n",
                StoreFixture.IDS);

        assertEquals("13800000011", customers.get(0).number());
        assertEquals("diamond", customers.get(0).profile().tier());
        assertEquals(800, customers.get(0).balanceFen());
    }

    @Test
    void aServicePinIsSixDigitsOrAHashAndAReasonNeverQuotesIt() {
        String header = "number,balance,service_pin\n";
        List<SeedCustomer> good = CustomerFile.parse(SOURCE, header + "13900000001,1,246810\n13900000002,1,\n",
                StoreFixture.IDS);
        assertEquals("246810", good.get(0).servicePin());
        assertNull(good.get(1).servicePin(), "blank: none set");
        assertTrue(!good.get(0).toString().contains("246810"), good.get(0).toString());

        ConfigError e = assertThrows(ConfigError.class, () -> CustomerFile.parse(SOURCE,
                header + "13900000001,1,24681\n13900000002,1,pbkdf2-sha256$9$x$y\n", StoreFixture.IDS));
        String all = e.problems().stream().map(Object::toString).collect(Collectors.joining("\n"));
        assertTrue(all.contains("config/customers.csv:2:15: a service PIN is 6 digits"), all);
        assertTrue(all.contains("config/customers.csv:3:15: the PIN hash's iteration count"), all);
        assertTrue(!all.contains("24681"), "the PIN is not quoted");
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndReason() {
        String text = "# comment lines and blank lines still count\n"
                + HEADER
                + "\n"
                + "13900000001,supreme,gotone,1001,zh,1288.50,202610,968.00\n"   // 4: good
                + "1390000000x,supreme,gotone,,zh,1.00,,\n"                      // 5: bad number
                + "13900000001,gold,gotone,,zh,1.00,,\n"                         // 6: repeated number
                + "13900000007,platinum,gotone,,zh,1.00,,\n"                     // 7: unknown tier
                + "13900000008,gold,unicom,,zh,1.00,,\n"                         // 8: unknown brand
                + "13900000009,gold,gotone,9999,zh,1.00,,\n"                     // 9: unknown agent
                + "13900000010,gold,gotone,,zh,58.305,,\n"                       // 10: bad balance
                + "13900000011,gold,gotone,,zh,,,\n"                             // 11: no balance
                + "13900000012,gold,gotone,,zh,1.00,202613,5.00\n"               // 12: bad month
                + "13900000013,gold,gotone,,zh,1.00,202610,\n"                   // 13: bill without amount
                + "13900000014,gold,gotone,,zh,1.00,,5.00\n"                     // 14: amount without period
                + "13900000015,gold,gotone,,zh,1.00,202610,-5.00\n"              // 15: negative bill
                + "13900000016,gold,gotone,,zh,1.00\n"                           // 16: too few cells
                + "13900000017,gold,gotone,,Chinese,1.00,,\n";                   // 17: bad language

        ConfigError e = assertThrows(ConfigError.class, () -> CustomerFile.parse(SOURCE, text, StoreFixture.IDS));

        List<Integer> lines = e.problems().stream().map(ConfigError.Problem::line).collect(Collectors.toList());
        assertEquals(List.of(5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17), lines);
        assertTrue(e.getMessage().startsWith("config/customers.csv:5:1: '1390000000x' is not a phone number"),
                e.getMessage());
        assertReason(e, 6, "number 13900000001 is already on line 4");
        assertReason(e, 7, "unknown tier 'platinum'; known: supreme, diamond, gold, silver, standard");
        assertReason(e, 8, "unknown brand 'unicom'; known: gotone, mzone, easyown");
        assertReason(e, 9, "unknown account manager '9999'");
        assertReason(e, 10, "balance: '58.305' is not an amount in yuan");
        assertReason(e, 11, "balance is missing");
        assertReason(e, 12, "'202613' is not a billing month");
        assertReason(e, 13, "a bill period needs its bill_amount");
        assertReason(e, 14, "a bill amount needs its bill_period");
        assertReason(e, 15, "must not be negative");
        assertReason(e, 16, "the row has 6 cells, the header has 8");
        assertReason(e, 17, "'Chinese' is not a language code");
    }

    @Test
    void theColumnOfABadCellIsReported() {
        ConfigError e = assertThrows(ConfigError.class, () -> CustomerFile.parse(SOURCE,
                "number,tier,balance\n13900000001,platinum,1.00\n", StoreFixture.IDS));

        assertEquals("config/customers.csv:2:13: unknown tier 'platinum'; known: supreme, diamond, gold, silver, standard",
                e.problems().get(0).toString());
    }

    @Test
    void aBadCellAfterAQuotedCellOverTwoLinesIsReportedOnTheLineItIsOn() {
        ConfigError e = assertThrows(ConfigError.class, () -> CustomerFile.parse(SOURCE,
                "number,balance,tier\n\"139000\n00001\",12.00,gJJd\n", StoreFixture.IDS));

        assertEquals("config/customers.csv:2:1: '139000\n00001' is not a phone number (3 to 20 digits)",
                e.problems().get(0).toString());
        assertEquals("config/customers.csv:3:14: unknown tier 'gJJd'; known: supreme, diamond, gold, silver, standard",
                e.problems().get(1).toString());
    }

    @Test
    void anUnknownColumnAfterAQuotedHeaderOverTwoLinesIsReportedOnTheLineItIsOn() {
        ConfigError e = assertThrows(ConfigError.class, () -> RechargeCardFile.parse("config/recharge-cards.csv",
                "card_number,\"pin\n\",value,serial\n"));

        assertTrue(e.getMessage().startsWith("config/recharge-cards.csv:2:9: unknown column 'serial'"), e.getMessage());
    }

    @Test
    void aHeaderWithoutARequiredColumnOrWithAnUnknownOneIsRefused() {
        ConfigError missing = assertThrows(ConfigError.class, () -> CustomerFile.parse(SOURCE,
                "number,tier\n13900000001,gold\n", StoreFixture.IDS));
        assertEquals("config/customers.csv:1:1: the header has no column 'balance'", missing.getMessage());

        ConfigError unknown = assertThrows(ConfigError.class, () -> CustomerFile.parse(SOURCE,
                "number,balance,vip\n13900000001,1.00,yes\n", StoreFixture.IDS));
        assertTrue(unknown.getMessage().startsWith("config/customers.csv:1:16: unknown column 'vip'"), unknown.getMessage());
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheRowItStarts() {
        ConfigError e = assertThrows(ConfigError.class, () -> CustomerFile.parse(SOURCE,
                "number,balance\n13900000001,1.00\n13900000002,\"1.00\n", StoreFixture.IDS));

        assertEquals(3, e.line());
        assertTrue(e.reason().startsWith("cannot read CSV"), e.reason());
    }

    @Test
    void anEmptyFileIsRefused() {
        ConfigError e = assertThrows(ConfigError.class, () -> CustomerFile.parse(SOURCE, "# nothing\n", StoreFixture.IDS));

        assertTrue(e.getMessage().startsWith("config/customers.csv:1:1:"), e.getMessage());
    }

    @Test
    void theShippedCustomersMatchTheShippedRoutingConfig() throws IOException {
        Path config = Path.of("..", "config");
        var routing = RoutingConfigLoader.parse(List.of(
                new ConfigSource("config/routing.yaml", Files.readString(config.resolve("routing.yaml"))),
                new ConfigSource("config/agents.yaml", Files.readString(config.resolve("agents.yaml")))));
        RoutingIds ids = RoutingIds.of(routing);

        StoreSeed seed = StoreSeed.read(config, ids);

        assertTrue(seed.customers().size() >= 20, "customers: " + seed.customers().size());
        Set<String> tiers = seed.customers().stream().map(c -> c.profile().tier()).collect(Collectors.toSet());
        assertTrue(tiers.containsAll(ids.tiers()), "every tier has a customer: " + tiers);
        Set<String> brands = seed.customers().stream().map(c -> c.profile().brand()).collect(Collectors.toSet());
        assertTrue(brands.containsAll(ids.brands()), "every brand has a customer: " + brands);
        assertTrue(seed.customers().stream().anyMatch(c -> c.profile().accountManager() != null));
        Set<String> languages = seed.customers().stream().map(c -> c.profile().language()).collect(Collectors.toSet());
        assertTrue(languages.containsAll(Set.of("zh", "en")), "languages: " + languages);
        assertTrue(seed.cards().size() >= 4, "cards: " + seed.cards().size());
    }

    @Test
    void badRowsInBothSeedFilesAreReportedTogether(@TempDir Path config) throws IOException {
        Files.writeString(config.resolve("customers.csv"), "number,balance\n13x,1.00\n");
        Files.writeString(config.resolve("recharge-cards.csv"), "card_number,pin,value\n123,12,0\n");

        ConfigError e = assertThrows(ConfigError.class, () -> StoreSeed.read(config, StoreFixture.IDS));

        String customers = config.resolve("customers.csv").toString();
        String cards = config.resolve("recharge-cards.csv").toString();
        assertEquals(List.of(customers, cards, cards),
                e.problems().stream().map(ConfigError.Problem::source).collect(Collectors.toList()));
        assertTrue(e.getMessage().contains(cards + ":2:1: a card number is 16 digits"), e.getMessage());
        assertTrue(e.getMessage().contains(cards + ":2:5: a PIN is 4 to 20 digits"), e.getMessage());
    }

    @Test
    void missingSeedFilesSeedNothing(@TempDir Path config) {
        assertEquals(StoreSeed.NONE, StoreSeed.read(config, StoreFixture.IDS));
    }

    @Test
    void cardRowsAreCheckedAndPinsNeverQuotedInErrors() {
        String text = "card_number,pin,value\n"
                + "1000000000000001,531204768913,30.00\n"
                + "1000000000000001,531204768914,30.00\n"
                + "1000000000000003,12ab,30.00\n"
                + "1000000000000004,pbkdf2-sha256$10$xx$yy,30.00\n"
                + "1000000000000005,531204768913,0\n";

        ConfigError e = assertThrows(ConfigError.class, () -> RechargeCardFile.parse("config/recharge-cards.csv", text));

        assertEquals(List.of(3, 4, 5, 6), e.problems().stream().map(ConfigError.Problem::line).collect(Collectors.toList()));
        assertTrue(e.problems().get(0).reason().contains("already on line 2"));
        assertTrue(e.problems().get(3).reason().contains("worth more than 0.00"));
        assertTrue(!e.getMessage().contains("12ab") && !e.getMessage().contains("531204768914"), e.getMessage());
    }

    private static void assertReason(ConfigError e, int line, String reason) {
        ConfigError.Problem p = e.problems().stream().filter(x -> x.line() == line).findFirst().orElseThrow();
        assertTrue(p.reason().contains(reason), "line " + line + ": " + p.reason());
    }
}
