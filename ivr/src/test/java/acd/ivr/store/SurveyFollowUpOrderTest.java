package acd.ivr.store;

import acd.ivr.order.Milestone;
import acd.ivr.order.Order;
import acd.ivr.order.OrderKind;
import acd.ivr.order.OrderSource;
import acd.ivr.qa.AnsweredCall;
import acd.ivr.selfservice.SurveyResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dissatisfied survey answer opens a follow-up order about the call the caller rated. */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class SurveyFollowUpOrderTest extends StoreFixture {
    private static final String CALLER = "13600000031";

    SurveyFollowUpOrderTest(DatabaseKind kind) {
        super(kind);
    }

    private static SurveyResponse answer(String callId, int rating, long atMs) {
        return new SurveyResponse(callId, CALLER, "billing", "silver", rating, atMs);
    }

    private List<Order> followUps() {
        return store.workOrders().open().stream().filter(o -> o.kind() == OrderKind.FOLLOW_UP).toList();
    }

    @Test
    void aLowRatingOpensAFollowUpAboutTheRatedCallWithItsAgentAndRecording() {
        // an earlier call with another agent, then the call the caller rates
        store.qaReviews().answered(new AnsweredCall("1790000000.1", "1002", "billing", "silver", "easyown", CALLER,
                T0 - 5 * HOUR_MS, 60_000, "acd/20260923/1790000000.1"));
        store.qaReviews().answered(new AnsweredCall("1790000000.9", "1001", "billing", "silver", "easyown", CALLER,
                T0 - 4 * MINUTE_MS, 180_000, "acd/20260923/1790000000.9"));
        store.surveys().record(answer("17", 2, T0));

        List<Order> orders = followUps();
        assertEquals(1, orders.size());
        Order o = orders.get(0);
        assertEquals(CALLER, o.customer());
        assertEquals(new OrderSource("1790000000.9", "billing", "easyown", "silver", "1001"), o.about());
        assertEquals("Rated 2 of 5 in the post-call survey", o.summary());
        assertEquals("survey", o.openedBy());
        assertEquals(Map.of(Milestone.FIRST_REPLY, T0 + 24 * HOUR_MS, Milestone.REVISIT, T0 + 72 * HOUR_MS), o.due(),
                "the team lead's call-back in a day, the revisit in three");
    }

    @Test
    void theSameAnswerWrittenTwiceOpensOneOrderAndASatisfiedOneNone() {
        store.surveys().record(answer("17", 1, T0));
        store.surveys().record(answer("17", 1, T0));
        store.surveys().record(answer("18", 4, T0));
        store.surveys().record(answer("19", 0, T0));
        assertEquals(1, followUps().size());
        assertEquals("17", followUps().get(0).about().callId(), "no answered call known: the survey's own call");
        assertTrue(followUps().get(0).about().agent() == null);
    }
}
