package acd.ivr.menu;

import acd.ivr.customer.CustomerProfile;
import acd.ivr.speech.Speech;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Callers through the shipped menu, keys scripted, no network. */
class IvrCallTest {
    private static final String CARD = "1234567890123456";

    private static ScriptedCaller caller(CustomerProfile profile) {
        IvrMenu menu = Menus.shipped();
        return new ScriptedCaller(menu.startCall(new Caller("c1", "13800000001", profile), 10_000), 10_000)
                .identifiedAs("13800000001");
    }

    private static ScriptedCaller caller() {
        return caller(CustomerProfile.UNKNOWN);
    }

    private static ScriptedCaller inChinese() {
        return caller().press("1");
    }

    private static Step.HandOver handOver(ScriptedCaller c) {
        return assertInstanceOf(Step.HandOver.class, c.untilEnd());
    }

    private static final Speech ZH = Speech.forLanguage("zh");

    /** The sounds in order: names, and lists of names (a value as Speech reads it). */
    private static List<String> sounds(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof List<?> list) {
                list.forEach(s -> out.add((String) s));
            } else {
                out.add((String) p);
            }
        }
        return out;
    }

    private static void assertHeard(ScriptedCaller c, List<String> expected) {
        assertTrue(Collections.indexOfSubList(c.sounds(), expected) >= 0,
                "expected " + expected + " among " + c.sounds());
    }

    // ---- language

    @Test
    void theCallStartsWithTheLanguageChoiceInBothLanguages() {
        Step.Collect first = caller().untilCollect();
        assertEquals(List.of("acd/zh/choose-language", "acd/en/choose-language"), first.prompts());
        assertEquals(1, first.maxDigits());
        assertEquals(5_000, first.timeoutMs());
    }

    @Test
    void choosingEnglishSetsTheChannelLanguageAndPlaysEnglishPrompts() {
        ScriptedCaller c = caller().press("2");
        assertEquals(new Step.SetVariable("CHANNEL(language)", "en"), c.step());
        assertEquals(List.of("acd/en/main-menu"), c.untilCollect().prompts());
        assertEquals("en", c.call.language());
    }

    @Test
    void aCallerWhoseLanguageIsKnownIsNotAskedForIt() {
        ScriptedCaller c = caller(new CustomerProfile("gold", null, null, "en"));
        assertEquals(new Step.SetVariable("CHANNEL(language)", "en"), c.step());
        assertEquals(List.of("acd/en/main-menu"), c.untilCollect().prompts());
        assertEquals("main", c.call.path());
    }

    @Test
    void aProfileLanguageTheMenuDoesNotSpeakStillAsks() {
        Step.Collect first = caller(new CustomerProfile(null, null, null, "ja")).untilCollect();
        assertEquals(2, first.prompts().size());
    }

    @Test
    void nineInTheMainMenuSwitchesLanguageEvenWhenTheProfileKnewIt() {
        ScriptedCaller c = caller(new CustomerProfile(null, null, null, "zh")).press("9");
        assertEquals(List.of("acd/zh/choose-language", "acd/en/choose-language"), c.untilCollect().prompts());
        c.press("2");
        assertEquals(List.of("acd/en/main-menu"), c.untilCollect().prompts());
        c.press("0");
        Step.HandOver h = handOver(c);
        assertEquals("english", h.queue());
        assertEquals("main>lang>main>agent", h.ivrPath());
    }

    // ---- bad input, timeouts, retries

    @Test
    void aKeyOutsideTheMenuPlaysTheInvalidPromptAndAsksAgain() {
        ScriptedCaller c = inChinese().press("7");
        assertEquals(List.of("acd/zh/invalid", "acd/zh/main-menu"), c.untilCollect().prompts());
        c.press("1");
        assertEquals(ActionKind.BALANCE, c.untilAction().kind());
    }

    @Test
    void aTwoHundredDigitEntryIsInvalidInputNotACrash() {
        ScriptedCaller c = inChinese().press("1".repeat(200));
        assertEquals("acd/zh/invalid", c.untilCollect().prompts().get(0));
        c.press("2").press("9".repeat(200));
        assertEquals(List.of("acd/zh/invalid", "acd/zh/enter-card"), c.untilCollect().prompts());
    }

    @Test
    void silenceUsesUpTheRetriesThenTheMainMenuOffersAPerson() {
        ScriptedCaller c = inChinese().silence().silence().silence();
        Step.HandOver h = handOver(c);
        assertEquals("general", h.queue());
        assertEquals("lang>main>agent", h.ivrPath());
        assertTrue(c.sounds().contains("acd/zh/transferring"));
    }

    @Test
    void aCardNumberOfTheWrongFormIsAskedAgainThenTheCallerHearsGoodbye() {
        ScriptedCaller c = inChinese().press("2");
        Step.Collect ask = c.untilCollect();
        assertEquals(16, ask.maxDigits());
        assertEquals(10_000, ask.timeoutMs());
        c.press("123456789012345");          // one short
        c.press("12345678901234*6");         // a star inside
        c.press("");                         // nothing
        Step end = c.untilEnd();
        assertInstanceOf(Step.HangUp.class, end);
        assertTrue(c.sounds().contains("acd/zh/goodbye"));
        assertEquals(List.of(), c.actions());
        assertEquals(IvrCallRecord.End.FINISHED, c.call.record().orElseThrow().end());
    }

    // ---- 0 for a person from anywhere

    @Test
    void zeroFromDeepInARechargeGoesToBillingWithThePathTaken() {
        ScriptedCaller c = inChinese().press("2").press(CARD).press("0");
        Step.HandOver h = handOver(c);
        assertEquals("billing", h.queue());
        assertEquals(List.of(), h.skills());
        assertEquals("lang>main>recharge-card>recharge-pin>agent-billing", h.ivrPath());
        assertEquals("zh", h.language());
        assertEquals(List.of(), c.actions());
    }

    @Test
    void anEnglishCallerAskingForBillingGoesToTheEnglishLineWithTheBillingSkill() {
        Step.HandOver h = handOver(caller().press("2").press("2").press("0"));
        assertEquals("english", h.queue());
        assertEquals(List.of("billing"), h.skills());
        assertEquals("en", h.language());
    }

    @Test
    void zeroInAFaultReportGoesToBroadband() {
        assertEquals("broadband", handOver(inChinese().press("3").press("1").press("0")).queue());
    }

    @Test
    void zeroAtTheLanguageChoiceGoesToThePersonOfTheMenu() {
        assertEquals("general", handOver(caller().press("0")).queue());
    }

    // ---- balance and bill

    @Test
    void balanceAndLatestBillAreReadBackAsMoneyWithTheMonth() {
        ScriptedCaller c = inChinese().press("1");
        Step.Action balance = c.untilAction();
        assertEquals("13800000001", balance.argument("number"));
        c.outcome("ok", Map.of("balanceYuan", "52", "balanceFen", "30"));
        // 您的话费余额为 五十二元三角
        assertEquals(new Step.Play(List.of("acd/zh/balance-is", "acd/zh/digits/5", "acd/zh/digits/shi",
                "acd/zh/digits/2", "acd/zh/money/yuan", "acd/zh/digits/3", "acd/zh/money/jiao")), c.step());
        c.outcome("ok", Map.of("billYuan", "88", "billFen", "5", "billYear", "2026", "billMonth", "10"));
        c.untilCollect();
        // 您最近一期账单为 二零二六年十月 账单，金额为 八十八元零五分
        assertHeard(c, List.of("acd/zh/bill-for", "acd/zh/digits/2", "acd/zh/digits/0", "acd/zh/digits/2",
                "acd/zh/digits/6", "acd/zh/date/nian", "acd/zh/digits/shi", "acd/zh/date/yue", "acd/zh/bill-is",
                "acd/zh/digits/8", "acd/zh/digits/shi", "acd/zh/digits/8", "acd/zh/money/yuan", "acd/zh/digits/0",
                "acd/zh/digits/5", "acd/zh/money/fen"));
        assertEquals(List.of("acd/zh/anything-else"), c.untilCollect().prompts());
    }

    @Test
    void anEnglishCallerHearsAmountsAndMonthsInEnglish() {
        ScriptedCaller c = caller().press("2").press("1");
        c.outcome("ok", Map.of("balanceYuan", "12", "balanceFen", "34"));
        assertEquals(new Step.Play(List.of("acd/en/balance-is", "acd/en/digits/12", "acd/en/money/yuan",
                "acd/en/money/and", "acd/en/digits/30", "acd/en/digits/4", "acd/en/money/fen")), c.step());
        c.outcome("ok", Map.of("billYuan", "0", "billFen", "5", "billYear", "2026", "billMonth", "11"));
        c.untilCollect();
        assertHeard(c, List.of("acd/en/bill-for", "acd/en/date/month-11", "acd/en/digits/2", "acd/en/digits/thousand",
                "acd/en/digits/20", "acd/en/digits/6", "acd/en/bill-is", "acd/en/digits/5", "acd/en/money/fen"));
    }

    @Test
    void anAmountThatIsNotMoneyIsLeftUnsaidRatherThanMisread() {
        ScriptedCaller c = inChinese().press("1");
        c.outcome("ok", Map.of("balanceYuan", "-3", "balanceFen", "30"));
        assertEquals(new Step.Play(List.of("acd/zh/balance-is")), c.step());
        c.outcome("ok", Map.of("billYuan", "88", "billFen", "105", "billYear", "2026", "billMonth", "13"));
        c.untilCollect();
        assertHeard(c, List.of("acd/zh/bill-for", "acd/zh/bill-is", "acd/zh/anything-else"));
    }

    @Test
    void anUnavailableStoreGetsTheSorryPromptAndZeroStillReachesAPerson() {
        ScriptedCaller c = inChinese().press("1").outcome(ActionKind.UNAVAILABLE);
        assertEquals(List.of("acd/zh/sorry"), c.untilCollect().prompts());
        Step.HandOver h = handOver(c.press("0"));
        assertEquals("billing", h.queue());
        assertEquals(1, c.actions().size());
    }

    // ---- identity before account business

    private static final String LANDLINE = "01065529988";
    private static final String ACCOUNT = "13700000021";

    /** A caller whose phone is not an account's, with nothing answered for them. */
    private static ScriptedCaller fromALandline() {
        IvrMenu menu = Menus.shipped();
        return new ScriptedCaller(menu.startCall(new Caller("c2", LANDLINE, CustomerProfile.UNKNOWN), 10_000), 10_000);
    }

    @Test
    void anotherPhonesAccountIsServedOnlyAfterItsNumberAndServicePin() {
        ScriptedCaller c = fromALandline().press("1").press("1");
        Step.Action first = c.untilAction();
        assertEquals(ActionKind.IDENTIFY, first.kind());
        assertEquals(LANDLINE, first.argument("number"));
        assertEquals("", first.argument("account"));
        assertEquals("other-numbers", first.argument("askPin"));
        c.outcome("account-needed");
        assertEquals(List.of("acd/zh/enter-account"), c.untilCollect().prompts());
        c.press(ACCOUNT).outcome("pin-needed");
        assertEquals(List.of("acd/zh/enter-service-pin"), c.untilCollect().prompts());
        c.press("111111");
        Step.Action check = c.untilAction();
        assertEquals(ACCOUNT, check.argument("account"));
        assertEquals("111111", check.argument("servicePin"));
        c.outcome("wrong-pin", Map.of("attemptsLeft", "2")).untilCollect();
        assertHeard(c, sounds("acd/zh/service-pin-wrong", ZH.number(2), "acd/zh/service-pin-attempts-left",
                "acd/zh/enter-service-pin"));
        c.press("582046").outcome("ok", Map.of("account", ACCOUNT));

        Step.Action balance = c.untilAction();
        assertEquals(ActionKind.BALANCE, balance.kind());
        assertEquals(ACCOUNT, balance.argument("number"), "the business acts on the account proven");
        // proven once, the caller is not asked again for the rest of the call
        c.outcome("ok", Map.of("balanceYuan", "256", "balanceFen", "80")).outcome("none");
        c.press("1").press("2").press(CARD).press("654321").press("1");
        Step.Action recharge = c.untilAction();
        assertEquals(ActionKind.RECHARGE, recharge.kind());
        assertEquals(ACCOUNT, recharge.argument("number"));
    }

    @Test
    void theAccountsOwnPhoneGoesStraightOnAndEveryBusinessActsOnIt() {
        ScriptedCaller c = new ScriptedCaller(Menus.shipped().startCall(
                new Caller("c3", ACCOUNT, CustomerProfile.UNKNOWN), 10_000), 10_000).press("1").press("4");
        assertEquals(ActionKind.IDENTIFY, c.untilAction().kind());
        c.outcome("ok", Map.of("account", ACCOUNT));
        Step.Action services = c.untilAction();
        assertEquals(ActionKind.SERVICES, services.kind());
        assertEquals(ACCOUNT, services.argument("number"));
    }

    @Test
    void aLockedAccountIsOfferedAPersonWhoKnowsTheBusinessAskedFor() {
        ScriptedCaller c = fromALandline().press("1").press("1").outcome("account-needed").press(ACCOUNT)
                .outcome("pin-needed").press("999999").outcome("locked-out", Map.of("lockedMinutes", "30"));
        assertEquals(List.of("acd/zh/anything-else"), c.untilCollect().prompts());
        assertHeard(c, sounds("acd/zh/service-pin-locked", ZH.number(30), "acd/zh/minutes"));
        assertEquals("billing", handOver(c.press("0")).queue(), "balance is the billing line's business");
    }

    @Test
    void aNumberTypedInAFailedCheckIsForgottenWhenTheNextCheckStarts() {
        ScriptedCaller c = fromALandline().press("1").press("1").outcome("account-needed").press("13999999999")
                .outcome("unknown-number");
        assertTrue(c.sounds().contains("acd/zh/no-account"));
        c.press("1").press("1");
        Step.Action again = c.untilAction();
        assertEquals(ActionKind.IDENTIFY, again.kind());
        assertEquals("", again.argument("account"), "nothing typed in this check yet");
    }

    @Test
    void typingANumberNeverMakesItTheAccountWithoutTheCheck() {
        // the check's input fills the variable 'account'; only an ok of the check itself counts
        ScriptedCaller c = fromALandline().press("1").press("1").outcome("account-needed").press(ACCOUNT)
                .outcome("pin-needed");
        c.press("0");
        assertEquals("billing", handOver(c).queue());
        assertTrue(c.actions().stream().noneMatch(a -> a.kind() == ActionKind.BALANCE), "no balance read: " + c.actions());
    }

    // ---- recharge

    private static final List<Consumer<ScriptedCaller>> RECHARGE = List.of(
            c -> c.press("1"), c -> c.press("2"), c -> c.press(CARD), c -> c.press("654321"), c -> c.press("1"));

    @Test
    void aRechargeRunsOnlyAfterPinHashReadBackAndTheConfirmationKey() {
        ScriptedCaller c = caller();
        RECHARGE.forEach(step -> step.accept(c));
        Step.Action a = c.untilAction();
        assertEquals(ActionKind.RECHARGE, a.kind());
        assertEquals(CARD, a.argument("card"));
        assertEquals("654321", a.argument("pin"));
        // the card number is read back before the confirmation
        assertHeard(c, sounds("acd/zh/card-is", ZH.digits(CARD), "acd/zh/confirm-recharge"));
        c.outcome("credited", Map.of("creditedYuan", "50", "creditedFen", "0", "balanceYuan", "102", "balanceFen", "30"));
        assertEquals(List.of("acd/zh/anything-else"), c.untilCollect().prompts());
        assertHeard(c, sounds("acd/zh/credited", ZH.money(50, 0), "acd/zh/new-balance", ZH.money(102, 30)));
    }

    @Test
    void aCallerWhoHangsUpAtAnyStepOfARechargeLeavesNothingDone() {
        assertNoActionWhenHangingUpAtAnyStep(RECHARGE, ActionKind.RECHARGE);
    }

    @Test
    void cancellingTheRechargeChangesNothing() {
        ScriptedCaller c = inChinese().press("2").press(CARD).press("654321").press("2");
        assertEquals(List.of("acd/zh/main-menu"), c.untilCollect().prompts());
        assertEquals(List.of(), c.actions());
    }

    @Test
    void aWrongPinSaysTheAttemptsLeftAndAsksForThePinAndTheConfirmationAgain() {
        ScriptedCaller c = caller();
        RECHARGE.forEach(step -> step.accept(c));
        c.outcome("wrong-pin", Map.of("attemptsLeft", "2"));
        assertEquals(List.of("acd/zh/enter-pin"), c.untilCollect().prompts());
        assertHeard(c, List.of("acd/zh/wrong-pin", "acd/zh/digits/2", "acd/zh/attempts-left"));
        c.press("111111").press("1");
        Step.Action again = c.untilAction();
        assertEquals("111111", again.argument("pin"));
        assertEquals(CARD, again.argument("card"));
    }

    @Test
    void aLockedOutCallerHearsForHowLong() {
        ScriptedCaller c = caller();
        RECHARGE.forEach(step -> step.accept(c));
        c.outcome("locked-out", Map.of("lockedMinutes", "30"));
        c.untilCollect();
        assertHeard(c, List.of("acd/zh/locked-out", "acd/zh/digits/3", "acd/zh/digits/shi", "acd/zh/minutes"));
    }

    @Test
    void anUnknownCardAsksForTheCardAgainAndAUsedOneSaysSo() {
        ScriptedCaller c = caller();
        RECHARGE.forEach(step -> step.accept(c));
        c.outcome("unknown-card");
        assertEquals(List.of("acd/zh/enter-card"), c.untilCollect().prompts());
        c.press(CARD).press("654321").press("1").outcome("card-used");
        c.untilCollect();
        assertTrue(c.sounds().contains("acd/zh/card-used"));
    }

    // ---- fault report

    @Test
    void aComplexFaultIsReportedAfterConfirmationAndTheWorkOrderIsReadBack() {
        ScriptedCaller c = inChinese().press("3").press("2").press("1");
        Step.Action a = c.untilAction();
        assertEquals(ActionKind.FAULT_REPORT, a.kind());
        assertEquals("complex", a.argument("faultKind"));
        c.outcome("ok", Map.of("orderNumber", "202610010042", "dueHours", "48"));
        c.untilCollect();
        assertHeard(c, sounds("acd/zh/order-number", ZH.digits("202610010042"), "acd/zh/due-in", ZH.number(48),
                "acd/zh/hours"));
        assertTrue(c.sounds().contains("acd/zh/digits/yao"), "an order number's 1 is read as 幺");
    }

    // ---- value-added services

    private static final Map<String, String> TWO_SERVICES = Map.of("service.count", "2",
            "service.1.code", "ringback", "service.1.prompt", "acd/zh/svc-ringback", "service.1.subscribed", "false",
            "service.2.code", "news", "service.2.prompt", "acd/zh/svc-news", "service.2.subscribed", "true");

    private static final List<Consumer<ScriptedCaller>> SUBSCRIBE = List.of(
            c -> c.press("1"), c -> c.press("4"), c -> c.outcome("ok", TWO_SERVICES),
            c -> c.press("2"), c -> c.press("2"), c -> c.press("1"));

    @Test
    void theServicesAreOfferedOneKeyEachAndAChangeNeedsASecondConfirmationKey() {
        ScriptedCaller c = caller().press("1").press("4");
        assertEquals(ActionKind.SERVICES, c.untilAction().kind());
        c.outcome("ok", TWO_SERVICES);
        Step.Collect offer = c.untilCollect();
        assertEquals(List.of("acd/zh/choose-service", "acd/zh/press", "acd/zh/digits/1", "acd/zh/svc-ringback",
                "acd/zh/press", "acd/zh/digits/2", "acd/zh/svc-news"), offer.prompts());
        c.press("2");
        assertEquals(new Step.Play(List.of("acd/zh/svc-news")), c.step());
        c.press("2");
        assertEquals(List.of("acd/zh/confirm-change"), c.untilCollect().prompts());
        assertEquals(1, c.actions().size(), "choosing unsubscribe alone changes nothing");
        c.press("1");
        Step.Action change = c.untilAction();
        assertEquals(ActionKind.CHANGE_SERVICE, change.kind());
        assertEquals("news", change.argument("service"));
        assertEquals("unsubscribe", change.argument("change"));
    }

    @Test
    void aCallerWhoHangsUpAtAnyStepOfASubscriptionChangeLeavesNothingDone() {
        assertNoActionWhenHangingUpAtAnyStep(SUBSCRIBE, ActionKind.CHANGE_SERVICE);
    }

    @Test
    void aServiceNumberNotOfferedIsInvalid() {
        ScriptedCaller c = caller().press("1").press("4").outcome("ok", TWO_SERVICES).press("3");
        assertEquals("acd/zh/invalid", c.untilCollect().prompts().get(0));
    }

    @Test
    void noServicesToOfferSaysSo() {
        ScriptedCaller c = inChinese().press("4").outcome("none", Map.of("service.count", "0"));
        c.untilCollect();
        assertTrue(c.sounds().contains("acd/zh/services-none"));
    }

    // ---- the record

    @Test
    void aCallerWhoHangsUpIsRecordedWhereTheyDroppedOff() {
        ScriptedCaller c = inChinese().press("2");
        c.untilCollect();
        c.hangUp();
        IvrCallRecord r = c.call.record().orElseThrow();
        assertEquals(IvrCallRecord.End.CALLER_HUNG_UP, r.end());
        assertEquals("recharge-card", r.lastNode());
        assertEquals(List.of("lang", "main", "recharge-card"), r.path());
        assertEquals(IvrCallRecord.Kind.CALL, r.kind());
        assertTrue(r.contained());
        assertEquals(c.nowMs - 10_000, r.msInIvr());
        assertInstanceOf(Step.HangUp.class, c.step());
    }

    @Test
    void aHandedOverCallRecordsItsQueueAndTier() {
        ScriptedCaller c = caller(new CustomerProfile("diamond", "gotone", "1001", null)).press("1").press("0");
        handOver(c);
        IvrCallRecord r = c.call.record().orElseThrow();
        assertEquals(IvrCallRecord.End.HANDED_OVER, r.end());
        assertEquals("general", r.queue());
        assertEquals("diamond", r.tier());
        assertEquals(-1, r.surveyRating());
    }

    @Test
    void anActionShownInALogHidesThePin() {
        ScriptedCaller c = caller();
        RECHARGE.forEach(step -> step.accept(c));
        String shown = c.untilAction().toString();
        assertTrue(!shown.contains("654321") && !shown.contains(CARD), shown);
    }

    @Test
    void aLongWayRoundTheMenuKeepsTheLatestNodesOfThePath() {
        ScriptedCaller c = inChinese();
        for (int i = 0; i < IvrCall.MAX_PATH; i++) {
            c.press("9").press("1");
        }
        c.press("0");
        Step.HandOver h = handOver(c);
        assertTrue(h.ivrPath().startsWith("...>"), h.ivrPath());
        assertTrue(h.ivrPath().endsWith("lang>main>agent"), h.ivrPath());
        assertEquals(IvrCall.MAX_PATH, c.call.record().orElseThrow().path().size());
    }

    // ---- driver mistakes

    @Test
    void aReplyThatDoesNotFitTheStepIsRefused() {
        ScriptedCaller c = caller();
        c.untilCollect();
        assertThrows(IllegalArgumentException.class, () -> c.call.next(Reply.done(11_000)));
    }

    @Test
    void nothingMoreIsTakenOnceTheCallHasLeftTheMenu() {
        ScriptedCaller c = caller().press("0");
        handOver(c);
        assertThrows(IllegalStateException.class, () -> c.call.next(Reply.done(99_000)));
    }

    /**
     * Runs the script once to count the replies before the action, then again hanging up in
     * place of each of those replies in turn.
     */
    private static void assertNoActionWhenHangingUpAtAnyStep(List<Consumer<ScriptedCaller>> script, ActionKind kind) {
        ScriptedCaller full = caller();
        script.forEach(step -> step.accept(full));
        assertEquals(kind, full.untilAction().kind(), "the script reaches the change");
        int steps = full.replies;
        assertTrue(steps >= script.size());
        for (int k = 0; k < steps; k++) {
            ScriptedCaller c = caller();
            c.hangUpAt = k;
            try {
                script.forEach(step -> step.accept(c));
                c.untilAction();
                fail("the caller should have hung up at reply " + k);
            } catch (ScriptedCaller.CallerGone expected) {
                // the caller is gone
            }
            assertTrue(c.call.isOver());
            assertEquals(IvrCallRecord.End.CALLER_HUNG_UP, c.call.record().orElseThrow().end());
            assertTrue(c.actions().stream().noneMatch(a -> a.kind() == kind),
                    "hanging up at reply " + k + " (" + c.call.path() + ") made " + c.actions());
        }
    }
}
