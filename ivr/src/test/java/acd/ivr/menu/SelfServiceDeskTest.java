package acd.ivr.menu;

import acd.ivr.selfservice.Account;
import acd.ivr.selfservice.Bill;
import acd.ivr.selfservice.FaultKind;
import acd.ivr.selfservice.PinCheck;
import acd.ivr.selfservice.RechargeOutcome;
import acd.ivr.selfservice.SelfService;
import acd.ivr.selfservice.SelfServiceUnavailableException;
import acd.ivr.selfservice.ServiceChangeOutcome;
import acd.ivr.selfservice.ServiceOffer;
import acd.ivr.selfservice.SurveyResponse;
import acd.ivr.selfservice.SurveyStore;
import acd.ivr.selfservice.WorkOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Actions against a fake self-service store: outcome keys and variables the menu reads back. */
class SelfServiceDeskTest {
    private static final String NUMBER = "13800000001";
    private static final long NOW = 1_800_000_000_000L;

    /** One account, one bill, two services; every call recorded; down on request. */
    private static final class FakeSelfService implements SelfService {
        long balanceFen = 5_230;
        boolean down;
        RechargeOutcome nextRecharge = new RechargeOutcome(RechargeOutcome.Status.CREDITED, 5_000, 10_230, 3, 0);
        PinCheck nextPinCheck = new PinCheck(PinCheck.Status.VERIFIED, 3, 0);
        final List<String> calls = new ArrayList<>();

        private void check() {
            if (down) {
                throw new SelfServiceUnavailableException("database down", null);
            }
        }

        @Override
        public Optional<Account> account(String number) {
            check();
            calls.add("account " + number);
            return NUMBER.equals(number) ? Optional.of(new Account(number, balanceFen)) : Optional.empty();
        }

        @Override
        public Optional<Bill> latestBill(String number) {
            check();
            return NUMBER.equals(number) ? Optional.of(new Bill(number, 202610, 8_805)) : Optional.empty();
        }

        @Override
        public RechargeOutcome recharge(String number, String cardNumber, String pin, String channel, long nowMs) {
            check();
            calls.add("recharge " + number + " " + cardNumber + " " + pin + " " + channel + " " + nowMs);
            return nextRecharge;
        }

        @Override
        public PinCheck checkServicePin(String number, String pin, long nowMs) {
            check();
            calls.add("pin " + number + " " + pin);
            return nextPinCheck;
        }

        @Override
        public WorkOrder reportFault(String number, FaultKind kind, String channel, long nowMs) {
            check();
            calls.add("fault " + kind);
            long due = kind == FaultKind.COMPLEX ? 48 : 24;
            return new WorkOrder("202610010042", number, kind, channel, nowMs, nowMs + due * 3_600_000 - 1);
        }

        @Override
        public List<ServiceOffer> services(String number) {
            check();
            return List.of(new ServiceOffer("ringback", "acd/svc/ringback", 500, false),
                    new ServiceOffer("news", "acd/svc/news", 300, true));
        }

        @Override
        public ServiceChangeOutcome changeService(String number, String serviceCode, boolean subscribe, String channel,
                                                  long nowMs) {
            check();
            calls.add((subscribe ? "subscribe " : "unsubscribe ") + serviceCode);
            return subscribe ? ServiceChangeOutcome.ALREADY_SUBSCRIBED : ServiceChangeOutcome.UNSUBSCRIBED;
        }
    }

    private static final class FakeSurveys implements SurveyStore {
        final List<SurveyResponse> stored = new ArrayList<>();

        @Override
        public void record(SurveyResponse response) {
            stored.add(response);
        }

        @Override
        public List<SurveyResponse> followUps() {
            return List.of();
        }
    }

    private final FakeSelfService store = new FakeSelfService();
    private final FakeSurveys surveys = new FakeSurveys();
    private final SelfServiceDesk desk = new SelfServiceDesk(store, surveys, "ivr", () -> NOW);

    private static Step.Action action(ActionKind kind, String... arguments) {
        Map<String, String> args = new java.util.HashMap<>(Map.of("number", NUMBER, "callId", "c1"));
        for (int i = 0; i < arguments.length; i += 2) {
            args.put(arguments[i], arguments[i + 1]);
        }
        return new Step.Action(kind, args);
    }

    @Test
    void theBalanceComesBackInYuanAndFen() {
        Reply.Outcome o = desk.perform(action(ActionKind.BALANCE));
        assertEquals("ok", o.key());
        assertEquals(Map.of("balanceYuan", "52", "balanceFen", "30"), o.values());
        assertEquals(NOW, o.nowMs());
    }

    @Test
    void aNegativeBalanceIsOwingWithTheAmountOwed() {
        store.balanceFen = -1_205;
        Reply.Outcome o = desk.perform(action(ActionKind.BALANCE));
        assertEquals("owing", o.key());
        assertEquals(Map.of("balanceYuan", "12", "balanceFen", "5"), o.values());
    }

    @Test
    void aNumberWithNoAccountIsUnknown() {
        assertEquals("unknown-number", desk.perform(new Step.Action(ActionKind.BALANCE, Map.of("number", "1"))).key());
    }

    @Test
    void theLatestBillComesWithItsMonth() {
        Reply.Outcome o = desk.perform(action(ActionKind.BILL));
        assertEquals(Map.of("billYuan", "88", "billFen", "5", "billYear", "2026", "billMonth", "10"), o.values());
    }

    @Test
    void aRechargeIsMadeWithPinHashChannelAndTime() {
        Reply.Outcome o = desk.perform(action(ActionKind.RECHARGE, "card", "1234567890123456", "pin", "654321"));
        assertEquals("credited", o.key());
        assertEquals(Map.of("creditedYuan", "50", "creditedFen", "0", "balanceYuan", "102", "balanceFen", "30"), o.values());
        assertEquals(List.of("recharge " + NUMBER + " 1234567890123456 654321 ivr " + NOW), store.calls);
    }

    @Test
    void rechargeStatusesBecomeOutcomeKeys() {
        store.nextRecharge = new RechargeOutcome(RechargeOutcome.Status.WRONG_PIN, 0, 5_230, 2, 0);
        Reply.Outcome wrong = desk.perform(action(ActionKind.RECHARGE, "card", "1", "pin", "2"));
        assertEquals("wrong-pin", wrong.key());
        assertEquals("2", wrong.values().get("attemptsLeft"));

        store.nextRecharge = new RechargeOutcome(RechargeOutcome.Status.LOCKED_OUT, 0, 5_230, 0, NOW + 29 * 60_000 + 1);
        Reply.Outcome locked = desk.perform(action(ActionKind.RECHARGE, "card", "1", "pin", "2"));
        assertEquals("locked-out", locked.key());
        assertEquals("30", locked.values().get("lockedMinutes"));

        store.nextRecharge = new RechargeOutcome(RechargeOutcome.Status.CARD_USED, 0, 5_230, 3, 0);
        assertEquals("card-used", desk.perform(action(ActionKind.RECHARGE, "card", "1", "pin", "2")).key());
        store.nextRecharge = new RechargeOutcome(RechargeOutcome.Status.UNKNOWN_CARD, 0, 5_230, 3, 0);
        assertEquals("unknown-card", desk.perform(action(ActionKind.RECHARGE, "card", "1", "pin", "2")).key());
    }

    @Test
    void theAccountsOwnPhoneIsIdentifiedWithoutAPinUnlessEveryCallerIsAsked() {
        Reply.Outcome own = desk.perform(action(ActionKind.IDENTIFY, "askPin", "other-numbers"));
        assertEquals("ok", own.key());
        assertEquals(Map.of("account", NUMBER), own.values());
        assertEquals("pin-needed", desk.perform(action(ActionKind.IDENTIFY, "askPin", "always")).key());
        assertTrue(store.calls.stream().noneMatch(c -> c.startsWith("pin ")), "no PIN checked: " + store.calls);
    }

    @Test
    void aPhoneWithoutAnAccountIsAskedForOneAndAnotherAccountForItsPin() {
        Map<String, String> landline = new java.util.HashMap<>(Map.of("number", "01065529988", "callId", "c1",
                "askPin", "other-numbers"));
        assertEquals("account-needed", desk.perform(new Step.Action(ActionKind.IDENTIFY, landline)).key());
        landline.put("account", "13999999999");
        assertEquals("unknown-number", desk.perform(new Step.Action(ActionKind.IDENTIFY, landline)).key());
        landline.put("account", NUMBER);
        assertEquals("pin-needed", desk.perform(new Step.Action(ActionKind.IDENTIFY, landline)).key());
        landline.put("servicePin", "135790");
        Reply.Outcome ok = desk.perform(new Step.Action(ActionKind.IDENTIFY, landline));
        assertEquals("ok", ok.key());
        assertEquals(Map.of("account", NUMBER), ok.values());
        assertTrue(store.calls.contains("pin " + NUMBER + " 135790"), "checked against the typed account: " + store.calls);
    }

    @Test
    void pinCheckStatusesBecomeOutcomeKeys() {
        Step.Action withPin = action(ActionKind.IDENTIFY, "askPin", "always", "servicePin", "111111");
        store.nextPinCheck = new PinCheck(PinCheck.Status.WRONG_PIN, 2, 0);
        Reply.Outcome wrong = desk.perform(withPin);
        assertEquals("wrong-pin", wrong.key());
        assertEquals(Map.of("attemptsLeft", "2"), wrong.values(), "no account proven");

        store.nextPinCheck = new PinCheck(PinCheck.Status.WRONG_PIN, 0, NOW + 30 * 60_000);
        Reply.Outcome locking = desk.perform(withPin);
        assertEquals("locked-out", locking.key(), "the last attempt locks at once");
        assertEquals(Map.of("lockedMinutes", "30", "attemptsLeft", "0"), locking.values());

        store.nextPinCheck = new PinCheck(PinCheck.Status.LOCKED_OUT, 0, NOW + 29 * 60_000 + 1);
        Reply.Outcome locked = desk.perform(withPin);
        assertEquals("locked-out", locked.key());
        assertEquals(Map.of("lockedMinutes", "30"), locked.values());

        store.nextPinCheck = new PinCheck(PinCheck.Status.NO_PIN, 0, 0);
        assertEquals("no-pin", desk.perform(withPin).key());
        store.nextPinCheck = new PinCheck(PinCheck.Status.UNKNOWN_NUMBER, 0, 0);
        assertEquals("unknown-number", desk.perform(withPin).key());
    }

    @Test
    void aFaultReportReadsBackTheOrderNumberAndTheDueTimeInWholeHours() {
        Reply.Outcome o = desk.perform(action(ActionKind.FAULT_REPORT, "faultKind", "complex"));
        assertEquals(Map.of("orderNumber", "202610010042", "dueHours", "48"), o.values());
        assertEquals(List.of("fault COMPLEX"), store.calls);
    }

    @Test
    void theServicesBecomeANumberedList() {
        Reply.Outcome o = desk.perform(action(ActionKind.SERVICES));
        assertEquals("ok", o.key());
        assertEquals("2", o.values().get("service.count"));
        assertEquals("news", o.values().get("service.2.code"));
        assertEquals("acd/svc/ringback", o.values().get("service.1.prompt"));
        assertEquals("true", o.values().get("service.2.subscribed"));
    }

    @Test
    void aServiceChangeAnswersWithWhatItDid() {
        assertEquals("unsubscribed",
                desk.perform(action(ActionKind.CHANGE_SERVICE, "service", "news", "change", "unsubscribe")).key());
        assertEquals("already-subscribed",
                desk.perform(action(ActionKind.CHANGE_SERVICE, "service", "news", "change", "subscribe")).key());
    }

    @Test
    void aSurveyAnswerIsStoredWithCallQueueAndTierAndNoResponseAsZero() {
        desk.perform(action(ActionKind.SURVEY, "rating", "2", "queue", "billing", "tier", "gold"));
        desk.perform(action(ActionKind.SURVEY, "rating", "0", "queue", "", "tier", ""));
        assertEquals(new SurveyResponse("c1", NUMBER, "billing", "gold", 2, NOW), surveys.stored.get(0));
        assertEquals(new SurveyResponse("c1", NUMBER, null, null, 0, NOW), surveys.stored.get(1));
    }

    @Test
    void aStoreThatIsDownIsTheUnavailableOutcomeAndChangesNothing() {
        store.down = true;
        for (ActionKind kind : List.of(ActionKind.BALANCE, ActionKind.BILL, ActionKind.SERVICES)) {
            assertEquals(ActionKind.UNAVAILABLE, desk.perform(action(kind)).key());
        }
        Reply.Outcome o = desk.perform(action(ActionKind.RECHARGE, "card", "1", "pin", "2"));
        assertEquals(ActionKind.UNAVAILABLE, o.key());
        assertTrue(o.values().isEmpty());
        assertTrue(store.calls.isEmpty());
    }

    @Test
    void everyOutcomeTheDeskGivesIsOneTheActionDeclares() {
        assertTrue(ActionKind.RECHARGE.outcomes().containsAll(List.of("credited", "wrong-pin", "locked-out",
                "card-used", "unknown-card", "unknown-number", "unavailable")));
        for (ServiceChangeOutcome o : ServiceChangeOutcome.values()) {
            String key = o.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            assertTrue(ActionKind.CHANGE_SERVICE.outcomes().contains(key), key);
        }
        for (RechargeOutcome.Status s : RechargeOutcome.Status.values()) {
            String key = s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            assertTrue(ActionKind.RECHARGE.outcomes().contains(key), key);
        }
    }
}
