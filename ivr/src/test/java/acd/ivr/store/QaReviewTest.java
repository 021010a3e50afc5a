package acd.ivr.store;

import acd.ivr.qa.AnsweredCall;
import acd.ivr.qa.QaDraw;
import acd.ivr.qa.QaException;
import acd.ivr.qa.QaRules;
import acd.ivr.qa.RecordingAccess;
import acd.ivr.qa.SampledCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@EnumSource(DatabaseKind.class)
class QaReviewTest extends StoreFixture {
    static final LocalDate DAY = LocalDate.of(2026, 9, 21);
    static final long DAY_START = T0;
    static final long DAY_END = T0 + 24 * HOUR_MS;

    QaReviewTest(DatabaseKind kind) {
        super(kind);
    }

    JdbcQaReviews qa() {
        return store.qaReviews();
    }

    static AnsweredCall answered(String callId, String agent, long connectedMs) {
        return new AnsweredCall(callId, agent, "general", "gold", "mzone", "13900000001", connectedMs, 95_000,
                "acd/20260921/" + callId);
    }

    /** 25 calls for 1001 and 12 for 1002 in the day, one of 1001's the next day. */
    List<AnsweredCall> aDayOfCalls() {
        List<AnsweredCall> calls = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            calls.add(answered("c" + i + ".1", "1001", DAY_START + i * MINUTE_MS));
        }
        for (int i = 0; i < 12; i++) {
            calls.add(answered("d" + i + ".1", "1002", DAY_START + HOUR_MS + i * MINUTE_MS));
        }
        calls.forEach(qa()::answered);
        qa().answered(answered("next.1", "1001", DAY_END));
        return calls;
    }

    @Test
    void anAnsweredCallIsKeptOnceAndAHandedOnCallOncePerAgent() {
        qa().answered(answered("c1.1", "1001", T0));
        qa().answered(answered("c1.1", "1001", T0));
        qa().answered(answered("c1.1", "1002", T0 + MINUTE_MS));
        assertEquals(List.of("1001", "1002"), qa().call("c1.1").stream().map(AnsweredCall::agent).toList());
        assertEquals(List.of(), qa().call("nobody.1"));
    }

    @Test
    void aDayIsDrawnOnceAsTheDrawSaysAndKeepsItsSampleWhateverTheRulesBecome() {
        List<AnsweredCall> calls = aDayOfCalls();
        assertFalse(qa().drawn(DAY));
        assertEquals(new acd.ivr.qa.QaCounts(null, 0, 0, 0), qa().counts());
        List<SampledCall> sample = qa().draw(DAY, DAY_START, DAY_END, QaRules.DEFAULTS, DAY_END + HOUR_MS);
        assertTrue(qa().drawn(DAY));
        qa().draw(DAY.minusDays(1), DAY_START - 24 * HOUR_MS, DAY_START, QaRules.DEFAULTS, DAY_END + HOUR_MS);
        assertEquals(new acd.ivr.qa.QaCounts(DAY, sample.size(), 0, 0), qa().counts(),
                "the latest day, whatever order they were drawn in");
        assertEquals(QaDraw.draw(calls, DAY, QaRules.DEFAULTS), sample.stream().map(SampledCall::call).toList());
        assertEquals(3 + 2, sample.size(), "10% of 25 and of 12, rounded up");
        assertTrue(sample.stream().noneMatch(s -> s.call().callId().equals("next.1")), "the next day is not in it");

        List<SampledCall> again = qa().draw(DAY, DAY_START, DAY_END, new QaRules(50, 3, 80), DAY_END + 2 * HOUR_MS);
        assertEquals(sample, again);
        restart();
        assertEquals(sample, qa().sample(DAY));
        assertTrue(qa().sampled(sample.get(0).call().callId()));
        assertFalse(qa().sampled("next.1"));
    }

    @Test
    void aScoreBelowTheMarkIsARedoUntilATeamLeadClosesIt() {
        aDayOfCalls();
        List<SampledCall> sample = qa().draw(DAY, DAY_START, DAY_END, QaRules.DEFAULTS, DAY_END);
        long good = sample.get(0).id();
        long poor = sample.get(1).id();
        SampledCall passed = qa().score(good, "qa1", 92, "clear and polite", QaRules.DEFAULTS, DAY_END + HOUR_MS);
        assertEquals(92, passed.score());
        assertFalse(passed.redo());
        SampledCall failed = qa().score(poor, "qa1", 65, "no identity check before the bill",
                QaRules.DEFAULTS, DAY_END + HOUR_MS);
        assertTrue(failed.isOpenRedo());
        assertEquals(List.of(failed), qa().openRedos());
        assertEquals(new acd.ivr.qa.QaCounts(DAY, sample.size(), 2, 1), qa().counts());

        SampledCall closed = qa().closeRedo(poor, "lead1", "coached; customer called back", DAY_END + 2 * HOUR_MS);
        assertFalse(closed.isOpenRedo());
        assertEquals("lead1", closed.redoClosedBy());
        assertEquals(List.of(), qa().openRedos());
        QaException twice = assertThrows(QaException.class,
                () -> qa().closeRedo(poor, "lead1", null, DAY_END + 3 * HOUR_MS));
        assertEquals("quality sample item " + poor + " has its redo closed by lead1", twice.getMessage());
        QaException notRedo = assertThrows(QaException.class, () -> qa().closeRedo(good, "lead1", null, 0));
        assertEquals("quality sample item " + good + " is not a redo (scored 92)", notRedo.getMessage());
    }

    @Test
    void aLaterScoreReplacesTheEarlierAndBothAreKept() {
        aDayOfCalls();
        long id = qa().draw(DAY, DAY_START, DAY_END, QaRules.DEFAULTS, DAY_END).get(0).id();
        qa().score(id, "qa1", 70, null, QaRules.DEFAULTS, DAY_END + 1);
        SampledCall rescored = qa().score(id, "qa2", 85, "listened again", QaRules.DEFAULTS, DAY_END + 2);
        assertEquals(85, rescored.score());
        assertEquals("qa2", rescored.scoredBy());
        assertFalse(rescored.redo(), "no longer a redo");
        assertNull(rescored.redoClosedBy());
        assertEquals(List.of(new JdbcQaReviews.Score(70, null, "qa1", DAY_END + 1),
                new JdbcQaReviews.Score(85, "listened again", "qa2", DAY_END + 2)), qa().scores(id));
    }

    @Test
    void aScoreOutsideTheScaleOrForNoItemIsRefusedAndChangesNothing() {
        aDayOfCalls();
        SampledCall item = qa().draw(DAY, DAY_START, DAY_END, QaRules.DEFAULTS, DAY_END).get(0);
        assertEquals("a score is 0..100, was 101", assertThrows(QaException.class,
                () -> qa().score(item.id(), "qa1", 101, null, QaRules.DEFAULTS, 0)).getMessage());
        assertEquals("no quality sample item 9999", assertThrows(QaException.class,
                () -> qa().score(9999, "qa1", 90, null, QaRules.DEFAULTS, 0)).getMessage());
        assertEquals(item, qa().item(item.id()).orElseThrow());
    }

    @Test
    void answeredCallsPastTheirRecordingsAreForgottenUnlessTheyWereSampled() {
        List<AnsweredCall> calls = aDayOfCalls();
        List<SampledCall> sample = qa().draw(DAY, DAY_START, DAY_END, QaRules.DEFAULTS, DAY_END);
        qa().score(sample.get(0).id(), "qa1", 70, null, QaRules.DEFAULTS, DAY_END + 1);
        assertEquals(calls.size() - sample.size(), qa().forgetUnsampled(DAY_END));
        for (AnsweredCall call : calls) {
            boolean drawn = sample.stream().anyMatch(s -> s.call().equals(call));
            assertEquals(drawn, !qa().call(call.callId()).isEmpty(), call.callId());
        }
        assertEquals(70, qa().item(sample.get(0).id()).orElseThrow().score());
        assertEquals(1, qa().call("next.1").size(), "the next day's call is kept");
        assertEquals(0, qa().forgetUnsampled(DAY_END));
    }

    @Test
    void everyAskForARecordingIsKeptWithWhoAsked() {
        qa().accessed(new RecordingAccess("c1.1", "agent", "1002", RecordingAccess.REFUSED,
                "not the agent's call", T0));
        qa().accessed(new RecordingAccess("c1.1", "reviewer", "qa1", RecordingAccess.GRANTED, null, T0 + 1));
        restart();
        List<RecordingAccess> log = qa().accesses("c1.1");
        assertEquals(List.of("1002 refused", "qa1 granted"), log.stream().map(a -> a.who() + " " + a.outcome())
                .toList());
        assertEquals("", log.get(1).detail());
    }
}
