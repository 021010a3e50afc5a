package acd.ivr.store;

import acd.ivr.customer.CustomerProfile;
import acd.ivr.selfservice.Account;
import acd.ivr.selfservice.Bill;
import acd.ivr.selfservice.RechargeOutcome.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Balance, latest bill, caller classification, and seeding that never undoes a caller's money. */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class AccountTest extends StoreFixture {
    static final String HEADER = "number,tier,brand,account_manager,language,balance,bill_period,bill_amount\n";

    AccountTest(DatabaseKind kind) {
        super(kind);
    }

    @Test
    void aCallerHearsTheBalanceAndTheLatestBill() {
        assertEquals(Optional.of(new Account("13900000001", 128_850)), selfService().account("13900000001"));
        assertEquals(Optional.of(new Bill("13900000001", 202610, 96_800)), selfService().latestBill("13900000001"));
    }

    @Test
    void aNumberWithoutAnAccountHasNoBalanceAndNoBill() {
        assertEquals(Optional.empty(), selfService().account("13000000000"));
        assertEquals(Optional.empty(), selfService().latestBill("13000000000"));
        assertEquals(Optional.empty(), selfService().latestBill("15800000041"), "an account with no bill yet");
    }

    @Test
    void theDirectoryClassifiesKnownCallersAndGivesEveryoneElseTheDefaultTier() {
        assertEquals(new CustomerProfile("supreme", "gotone", "1001", "zh"), store.customers().find("13900000001"));
        assertEquals(new CustomerProfile("diamond", "gotone", null, "en"), store.customers().find("13800000011"));
        assertEquals(new CustomerProfile(null, null, null, null), store.customers().find("15800000042"));
        assertEquals(CustomerProfile.UNKNOWN, store.customers().find("13000000000"));
        assertEquals(CustomerProfile.UNKNOWN, store.customers().find(""));
        assertEquals(CustomerProfile.UNKNOWN, store.customers().find(null));
    }

    @Test
    void seedingAgainUpdatesProfilesButNeverARechargedBalance() {
        selfService().recharge("13600000031", "1000000000000001", "111111", "ivr", T0);
        StoreSeed edited = new StoreSeed(CustomerFile.parse("customers.csv", HEADER
                + "13600000031,gold,gotone,1002,en,999.99,202610,120.00\n", IDS), List.of());

        store.seed(edited);

        assertEquals(new CustomerProfile("gold", "gotone", "1002", "en"), store.customers().find("13600000031"));
        assertEquals(5830 + 3000, selfService().account("13600000031").orElseThrow().balanceFen(),
                "the file's balance opens an account; it never overwrites one");
        assertEquals(new Bill("13600000031", 202610, 12_000), selfService().latestBill("13600000031").orElseThrow());
    }

    @Test
    void seedingAgainKeepsABalanceEvenWhenNothingHappenedToIt() {
        store.seed(new StoreSeed(CustomerFile.parse("customers.csv", HEADER
                + "15800000041,standard,easyown,,zh,500.00,,\n", IDS), List.of()));

        assertEquals(1800, selfService().account("15800000041").orElseThrow().balanceFen());
    }

    @Test
    void aNewCustomerInTheFileOpensWithItsBalanceAndABillForAMonthAlreadyThereIsCorrected() {
        store.seed(new StoreSeed(CustomerFile.parse("customers.csv", HEADER
                + "18800000099,silver,mzone,,zh,66.60,202610,10.00\n"
                + "13900000001,supreme,gotone,1001,zh,1288.50,202610,900.00\n", IDS), List.of()));

        assertEquals(6660, selfService().account("18800000099").orElseThrow().balanceFen());
        assertEquals(new CustomerProfile("silver", "mzone", null, "zh"), store.customers().find("18800000099"));
        assertEquals(90_000, selfService().latestBill("13900000001").orElseThrow().amountFen());
    }

    @Test
    void theLatestBillIsTheNewestMonth() {
        store.seed(new StoreSeed(CustomerFile.parse("customers.csv", HEADER
                + "13600000031,silver,mzone,,zh,58.30,202611,77.70\n", IDS), List.of()));
        store.seed(new StoreSeed(CustomerFile.parse("customers.csv", HEADER
                + "13600000031,silver,mzone,,zh,58.30,202608,11.10\n", IDS), List.of()));

        assertEquals(new Bill("13600000031", 202611, 7770), selfService().latestBill("13600000031").orElseThrow());
    }

    @Test
    void loadingTheCardsAgainNeverRevivesAUsedCard() {
        selfService().recharge("13600000031", "1000000000000001", "111111", "ivr", T0);

        store.seed(testSeed());

        assertEquals(Status.CARD_USED,
                selfService().recharge("15800000041", "1000000000000001", "111111", "ivr", T0 + 1).status());
    }

    @Test
    void subscribersLeftOutOfTheFileKeepTheirAccount() {
        store.seed(new StoreSeed(CustomerFile.parse("customers.csv", HEADER
                + "13900000001,supreme,gotone,1001,zh,1288.50,,\n", IDS), List.of()));

        assertEquals(1800, selfService().account("15800000041").orElseThrow().balanceFen());
    }
}
