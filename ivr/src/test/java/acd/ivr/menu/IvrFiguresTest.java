package acd.ivr.menu;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Containment, drop-off, time in the menu and survey figures from ended calls. */
class IvrFiguresTest {

    private static IvrCallRecord call(String tier, IvrCallRecord.End end, String lastNode, String queue, long ms) {
        return new IvrCallRecord("c", IvrCallRecord.Kind.CALL, tier, "zh", 1_000, 1_000 + ms, List.of("lang", lastNode),
                end, lastNode, queue, -1);
    }

    private static IvrCallRecord survey(String tier, String queue, int rating) {
        return new IvrCallRecord("c", IvrCallRecord.Kind.SURVEY, tier, "zh", 0, 10_000, List.of("survey"),
                IvrCallRecord.End.FINISHED, "survey", queue, rating);
    }

    @Test
    void callsThatEndInTheMenuAreContainedAndHangUpsCountWhereTheyHappened() {
        IvrFigures figures = new IvrFigures();
        figures.record(call("gold", IvrCallRecord.End.FINISHED, "goodbye", null, 60_000));
        figures.record(call("gold", IvrCallRecord.End.HANDED_OVER, "agent-billing", "billing", 30_000));
        figures.record(call(null, IvrCallRecord.End.CALLER_HUNG_UP, "recharge-pin", null, 20_000));
        figures.record(call(null, IvrCallRecord.End.CALLER_HUNG_UP, "recharge-pin", null, 10_000));

        IvrFigures.Snapshot s = figures.snapshot();
        assertEquals(new IvrFigures.CallFigures(4, 3, 1, 2, 120_000), s.calls());
        assertEquals(75.0, s.calls().containmentPercent());
        assertEquals(30_000, s.calls().averageMsInIvr());
        assertEquals(Map.of("recharge-pin", 2L), s.dropOffsByNode());
        assertEquals(new IvrFigures.CallFigures(2, 1, 1, 0, 90_000), s.byTier().get("gold"));
        assertEquals(new IvrFigures.CallFigures(2, 2, 0, 2, 30_000), s.byTier().get(IvrFigures.DEFAULT_TIER));
        assertEquals(new IvrFigures.CallFigures(1, 0, 1, 0, 30_000), s.byQueue().get("billing"));
    }

    @Test
    void surveysGiveResponseRateAverageScoreAndShareSatisfiedPerQueueAndTier() {
        IvrFigures figures = new IvrFigures();
        figures.record(survey("gold", "billing", 5));
        figures.record(survey("gold", "billing", 2));
        figures.record(survey("silver", "general", 0));

        IvrFigures.Snapshot s = figures.snapshot();
        assertEquals(new IvrFigures.SurveyFigures(3, 2, 7, 1), s.surveys());
        assertEquals(200.0 / 3, s.surveys().responsePercent(), 1e-9);
        assertEquals(3.5, s.surveys().averageScore());
        assertEquals(50.0, s.surveys().satisfiedPercent(), "the 5 is satisfied, the 2 is not");
        assertEquals(new IvrFigures.SurveyFigures(2, 2, 7, 1), s.surveysByQueue().get("billing"));
        assertEquals(0.0, s.surveysByTier().get("silver").averageScore());
        assertEquals(0, s.calls().calls(), "a survey is not a call through the menu");
    }

    @Test
    void aSnapshotDoesNotMoveWhenMoreCallsEnd() {
        IvrFigures figures = new IvrFigures();
        IvrFigures.Snapshot before = figures.snapshot();
        figures.record(call("gold", IvrCallRecord.End.FINISHED, "goodbye", null, 1_000));
        assertEquals(0, before.calls().calls());
        assertEquals(0, before.byTier().size());
    }

    @Test
    void callsEndingOnManyThreadsAreAllCounted() throws InterruptedException {
        IvrFigures figures = new IvrFigures();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    figures.record(call("gold", IvrCallRecord.End.HANDED_OVER, "agent", "general", 1));
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(4_000, figures.snapshot().byQueue().get("general").handedOver());
    }
}
