package acd.ivr.store;

import acd.ivr.selfservice.FaultKind;
import acd.ivr.selfservice.RechargeOutcome;
import acd.ivr.selfservice.RechargeOutcome.Status;
import acd.ivr.selfservice.ServiceOffer;
import acd.ivr.selfservice.SurveyResponse;
import acd.ivr.selfservice.WorkOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a caller did is still there after the server restarts (and seeds again). */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class RestartTest extends StoreFixture {
    static final String CALLER = "13600000031";

    RestartTest(DatabaseKind kind) {
        super(kind);
    }

    @Test
    void aRechargeARestartAndTheBalanceIsStillRight() {
        selfService().recharge(CALLER, "1000000000000003", "333333", "ivr", T0);

        restart();

        assertEquals(5830 + 10_000, selfService().account(CALLER).orElseThrow().balanceFen());
        assertEquals(Status.CARD_USED,
                selfService().recharge("15800000041", "1000000000000003", "333333", "ivr", T0 + 1).status());
    }

    @Test
    void aWorkOrderSurvivesARestartAndNumbersGoOnFromWhereTheyWere() {
        WorkOrder before = selfService().reportFault(CALLER, FaultKind.COMPLEX, "ivr", T0);

        restart();

        assertEquals(Optional.of(before), store.selfService().workOrder(before.orderNumber()));
        WorkOrder after = selfService().reportFault(CALLER, FaultKind.NORMAL, "ivr", T0 + 1);
        assertTrue(Long.parseLong(after.orderNumber()) > Long.parseLong(before.orderNumber()),
                before.orderNumber() + " then " + after.orderNumber());
    }

    @Test
    void aLockOutOutlastsARestart() {
        for (int i = 0; i < 3; i++) {
            selfService().recharge(CALLER, "1000000000000001", "000000", "ivr", T0);
        }

        restart();

        RechargeOutcome outcome = selfService().recharge(CALLER, "1000000000000001", "111111", "ivr", T0 + MINUTE_MS);
        assertEquals(Status.LOCKED_OUT, outcome.status());
    }

    @Test
    void subscriptionsAndTheFollowUpListSurviveARestart() {
        selfService().changeService(CALLER, "voicemail", true, "ivr", T0);
        SurveyResponse unhappy = new SurveyResponse("c-1", CALLER, "billing", "silver", 1, T0);
        store.surveys().record(unhappy);

        restart();

        assertEquals(List.of("voicemail"), selfService().services(CALLER).stream()
                .filter(ServiceOffer::subscribed).map(ServiceOffer::code).toList());
        assertEquals(List.of(unhappy), store.surveys().followUps());
    }
}
