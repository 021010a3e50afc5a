package acd.ivr.store;

import acd.ivr.selfservice.SurveyResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Post-call surveys: answers kept with the call; dissatisfied callers are called back. */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class SurveyTest extends StoreFixture {
    SurveyTest(DatabaseKind kind) {
        super(kind);
    }

    static SurveyResponse answer(String callId, int rating, long atMs) {
        return new SurveyResponse(callId, "13600000031", "billing", "silver", rating, atMs);
    }

    @Test
    void aDissatisfiedCallerGoesOnTheFollowUpListDueADayLater() {
        store.surveys().record(answer("c-1", 2, T0));

        assertEquals(List.of(answer("c-1", 2, T0)), store.surveys().followUps());
        assertEquals(List.of(new FollowUp(answer("c-1", 2, T0), T0 + 24 * HOUR_MS)), store.surveys().followUpList());
    }

    @Test
    void satisfiedCallersAreKeptButNotCalledBack() {
        for (int rating = 3; rating <= 5; rating++) {
            store.surveys().record(answer("c-" + rating, rating, T0));
        }

        assertEquals(List.of(), store.surveys().followUps());
        assertEquals(Optional.of(answer("c-5", 5, T0)), store.surveys().response("c-5"));
    }

    @Test
    void aCallerWhoHangsUpCountsAsNoResponseNotAsDissatisfied() {
        store.surveys().record(answer("c-gone", 0, T0));

        SurveyResponse kept = store.surveys().response("c-gone").orElseThrow();
        assertFalse(kept.answered());
        assertEquals(List.of(), store.surveys().followUps());
    }

    @Test
    void theListIsOldestDueFirst() {
        store.surveys().record(answer("c-late", 1, T0 + 3 * HOUR_MS));
        store.surveys().record(answer("c-early", 2, T0));
        store.surveys().record(answer("c-middle", 1, T0 + HOUR_MS));

        assertEquals(List.of("c-early", "c-middle", "c-late"),
                store.surveys().followUps().stream().map(SurveyResponse::callId).toList());
    }

    @Test
    void aCalledBackCallerLeavesTheList() {
        store.surveys().record(answer("c-1", 1, T0));
        store.surveys().record(answer("c-2", 2, T0 + 1));

        assertTrue(store.surveys().followedUp("c-1", T0 + HOUR_MS));
        assertFalse(store.surveys().followedUp("c-1", T0 + HOUR_MS), "only once");

        assertEquals(List.of("c-2"), store.surveys().followUps().stream().map(SurveyResponse::callId).toList());
    }

    @Test
    void aSecondAnswerForTheSameCallReplacesTheFirst() {
        store.surveys().record(answer("c-1", 1, T0));
        store.surveys().record(answer("c-1", 5, T0 + 1));

        assertEquals(List.of(), store.surveys().followUps());
        assertEquals(5, store.surveys().response("c-1").orElseThrow().rating());
    }

    @Test
    void aRatingOutsideTheScaleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.surveys().record(answer("c-1", 6, T0)));
        assertThrows(IllegalArgumentException.class, () -> store.surveys().record(answer("c-1", -1, T0)));
    }
}
