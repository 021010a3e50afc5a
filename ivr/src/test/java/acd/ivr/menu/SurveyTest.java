package acd.ivr.menu;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The post-call survey of the shipped menu. */
class SurveyTest {

    private static ScriptedCaller surveyed(String language) {
        IvrCall call = Menus.shipped().startSurvey(new SurveyCaller("c7", "13800000007", "billing", "gold", language), 50_000);
        return new ScriptedCaller(call, 50_000);
    }

    @Test
    void aRatingIsStoredWithTheCallAndTheCallerIsThanked() {
        ScriptedCaller c = surveyed("en");
        assertEquals(List.of("acd/en/survey-rate"), c.untilCollect().prompts());
        c.press("4");
        Step.Action store = c.untilAction();
        assertEquals(ActionKind.SURVEY, store.kind());
        assertEquals("4", store.argument("rating"));
        assertEquals("c7", store.argument("callId"));
        assertEquals("billing", store.argument("queue"));
        assertEquals("gold", store.argument("tier"));
        c.outcome("ok");
        assertInstanceOf(Step.HangUp.class, c.untilEnd());
        assertTrue(c.sounds().contains("acd/en/survey-thanks"));
        IvrCallRecord r = c.call.record().orElseThrow();
        assertEquals(IvrCallRecord.Kind.SURVEY, r.kind());
        assertEquals(4, r.surveyRating());
        assertEquals(IvrCallRecord.End.FINISHED, r.end());
        assertEquals("billing", r.queue());
    }

    @Test
    void noKeyAfterTheRetriesIsStoredAsNoResponse() {
        ScriptedCaller c = surveyed("zh").silence();
        assertEquals(List.of("acd/zh/invalid", "acd/zh/survey-rate"), c.untilCollect().prompts());
        c.silence();
        assertEquals("0", c.untilAction().argument("rating"));
        c.outcome("ok");
        c.untilEnd();
        assertEquals(0, c.call.record().orElseThrow().surveyRating());
    }

    @Test
    void aCallerWhoHangsUpCountsAsNoResponseAndIsStillStoredOnce() {
        ScriptedCaller c = surveyed("zh");
        c.untilCollect();
        c.hangUp();
        Step.Action store = assertInstanceOf(Step.Action.class, c.step());
        assertEquals("0", store.argument("rating"));
        c.outcome("ok");
        assertTrue(c.call.isOver());
        IvrCallRecord r = c.call.record().orElseThrow();
        assertEquals(IvrCallRecord.End.CALLER_HUNG_UP, r.end());
        assertEquals(0, r.surveyRating());
        assertEquals(1, c.actions().size());
    }

    @Test
    void aCallerWhoHangsUpAfterRatingIsNotStoredTwice() {
        ScriptedCaller c = surveyed("zh").press("2");
        c.untilAction();
        c.outcome("ok");
        c.hangUp();
        assertEquals(1, c.actions().size());
        assertEquals(2, c.call.record().orElseThrow().surveyRating());
    }

    @Test
    void zeroInTheSurveyIsNotAPersonButABadKey() {
        ScriptedCaller c = surveyed("zh").press("0");
        assertEquals("acd/zh/invalid", c.untilCollect().prompts().get(0));
    }

    @Test
    void anUnavailableStoreStillThanksTheCaller() {
        ScriptedCaller c = surveyed("zh").press("5").outcome(ActionKind.UNAVAILABLE);
        assertInstanceOf(Step.HangUp.class, c.untilEnd());
        assertTrue(c.sounds().contains("acd/zh/survey-thanks"));
    }
}
