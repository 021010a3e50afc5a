package acd.ivr.store;

import acd.ivr.customer.CustomerProfile;
import acd.ivr.selfservice.FaultKind;
import acd.ivr.selfservice.RechargeOutcome.Status;
import acd.ivr.selfservice.SelfServiceUnavailableException;
import acd.ivr.selfservice.SurveyResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A database that cannot be reached: every request says so, and nothing is half-written. */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class UnavailableTest extends StoreFixture {
    static final String CALLER = "13600000031";
    static final String CARD = "1000000000000001";

    UnavailableTest(DatabaseKind kind) {
        super(kind);
    }

    @Test
    void everyRequestFailsWithTheReasonWhenConnectionsAreRefused() {
        FaultyDatabase db = new FaultyDatabase(store.dataSource());
        db.refuseConnections();
        JdbcSelfService selfService = new JdbcSelfService(db.transactions(), settings());
        JdbcWorkOrders orders = new JdbcWorkOrders(db::transactions, acd.ivr.order.OrderDeadlines.STANDARD,
                settings());
        JdbcSurveyStore surveys = new JdbcSurveyStore(db.transactions(), settings(), orders);
        StoredCustomerDirectory customers = new StoredCustomerDirectory(db.transactions());

        Map<String, Executable> requests = new LinkedHashMap<>();
        requests.put("balance of", () -> selfService.account(CALLER));
        requests.put("latest bill of", () -> selfService.latestBill(CALLER));
        requests.put("recharge for", () -> selfService.recharge(CALLER, CARD, "111111", "ivr", T0));
        requests.put("fault report for", () -> selfService.reportFault(CALLER, FaultKind.NORMAL, "ivr", T0));
        requests.put("services of", () -> selfService.services(CALLER));
        requests.put("subscribe", () -> selfService.changeService(CALLER, "ringback", true, "ivr", T0));
        requests.put("work order", () -> selfService.workOrder("10000001"));
        requests.put("service changes of", () -> selfService.serviceChanges(CALLER));
        requests.put("survey answer for call", () -> surveys.record(new SurveyResponse("c-1", CALLER, "billing", "silver", 1, T0)));
        requests.put("follow-up list", surveys::followUps);
        requests.put("follow-up of call", () -> surveys.followedUp("c-1", T0));
        requests.put("profile of", () -> customers.profile(CALLER));
        requests.put("opening a question", () -> orders.open(new acd.ivr.order.NewOrder(acd.ivr.order.OrderKind.QUESTION,
                null, CALLER, acd.ivr.order.OrderSource.NONE, "why?", "1001", 0), T0));
        requests.put("open work orders", orders::open);
        requests.put("dispatching work order", () -> orders.dispatch(10000001, "billing-team", "lead1", T0));
        for (Map.Entry<String, Executable> r : requests.entrySet()) {
            SelfServiceUnavailableException e = assertThrows(SelfServiceUnavailableException.class, r.getValue(), r.getKey());
            assertTrue(e.getMessage().contains(r.getKey()) && e.getMessage().contains("Connection refused"),
                    e.getMessage());
        }
    }

    @Test
    void theDirectoryGivesTheDefaultTierWhileTheDatabaseIsDown() {
        FaultyDatabase db = new FaultyDatabase(store.dataSource());
        StoredCustomerDirectory customers = new StoredCustomerDirectory(db.transactions());
        assertEquals("supreme", customers.find("13900000001").tier());

        db.refuseConnections();

        assertEquals(CustomerProfile.UNKNOWN, customers.find("13900000001"));
    }

    @Test
    void aRechargeCutOffBeforeItCommitsLeavesBalanceAndCardAsTheyWere() {
        FaultyDatabase db = new FaultyDatabase(store.dataSource());
        db.failStatementContaining("INSERT INTO recharge ");
        JdbcSelfService faulty = new JdbcSelfService(db.transactions(), settings());

        assertThrows(SelfServiceUnavailableException.class,
                () -> faulty.recharge(CALLER, CARD, "111111", "ivr", T0));

        assertEquals(5830, selfService().account(CALLER).orElseThrow().balanceFen());
        assertEquals(Status.CREDITED, selfService().recharge(CALLER, CARD, "111111", "ivr", T0 + 1).status(),
                "the card was not used by the failed attempt");
    }

    @Test
    void aWrongPinCutOffBeforeItCommitsDoesNotCount() {
        FaultyDatabase db = new FaultyDatabase(store.dataSource());
        db.failStatementContaining("recharge_lockout (");
        JdbcSelfService faulty = new JdbcSelfService(db.transactions(), settings());

        assertThrows(SelfServiceUnavailableException.class, () -> faulty.recharge(CALLER, CARD, "000000", "ivr", T0));

        assertEquals(2, selfService().recharge(CALLER, CARD, "000000", "ivr", T0 + 1).pinAttemptsLeft());
    }

    @Test
    void aSubscriptionCutOffBeforeItIsRecordedIsNotMade() {
        FaultyDatabase db = new FaultyDatabase(store.dataSource());
        db.failStatementContaining("INSERT INTO subscription_change");
        JdbcSelfService faulty = new JdbcSelfService(db.transactions(), settings());

        assertThrows(SelfServiceUnavailableException.class,
                () -> faulty.changeService(CALLER, "ringback", true, "ivr", T0));

        assertTrue(selfService().services(CALLER).stream().noneMatch(o -> o.subscribed()));
        assertEquals(List.of(), store.selfService().serviceChanges(CALLER));
    }

    @Test
    void aClosedStoreIsUnavailable() {
        store.close();

        SelfServiceUnavailableException e = assertThrows(SelfServiceUnavailableException.class,
                () -> selfService().account(CALLER));
        assertTrue(e.getMessage().contains("balance of " + CALLER), e.getMessage());
        assertEquals(CustomerProfile.UNKNOWN, store.customers().find("13900000001"));
    }
}
