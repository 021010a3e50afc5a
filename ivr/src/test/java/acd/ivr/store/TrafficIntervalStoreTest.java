package acd.ivr.store;

import acd.core.metrics.TrafficField;
import acd.ivr.order.ComplaintGrade;
import acd.ivr.order.NewOrder;
import acd.ivr.order.OrderKind;
import acd.ivr.order.OrderSource;
import acd.ivr.report.ComplaintTally;
import acd.ivr.report.StoredInterval;
import acd.ivr.report.SurveyTally;
import acd.ivr.selfservice.SurveyResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 15-minute intervals are stored whole, rewritten in place, and read back after a restart, on every database. */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class TrafficIntervalStoreTest extends StoreFixture {
    private static final long INTERVAL_MS = 15 * 60_000L;
    /** An interval start: T0 rounded down to a quarter hour. */
    private static final long START = T0 / INTERVAL_MS * INTERVAL_MS;

    TrafficIntervalStoreTest(DatabaseKind kind) {
        super(kind);
    }

    /** Counts with every field distinct, so a column read into the wrong field shows. */
    private static long[] counts(long base) {
        long[] counts = new long[TrafficField.count()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = base + i;
        }
        return counts;
    }

    @Test
    void everyCountOfAnIntervalComesBackAfterARestart() {
        StoredInterval gold = new StoredInterval(START, "general", "gold", "gotone", counts(100));
        StoredInterval noBrand = new StoredInterval(START, "general", "standard", "", counts(200));
        StoredInterval next = new StoredInterval(START + INTERVAL_MS, "billing", "gold", "mzone", counts(300));
        store.intervals().save(List.of(gold, noBrand, next));

        restart();

        assertEquals(List.of(gold, noBrand), store.intervals().intervals(START, START + INTERVAL_MS));
        assertEquals(List.of(gold, noBrand, next), store.intervals().intervals(START, START + 2 * INTERVAL_MS));
    }

    @Test
    void savingAnIntervalAgainReplacesItsCountsRatherThanAddingARow() {
        store.intervals().save(List.of(new StoredInterval(START, "general", "gold", "gotone", counts(1))));
        StoredInterval later = new StoredInterval(START, "general", "gold", "gotone", counts(7));
        StoredInterval other = new StoredInterval(START, "general", "silver", "gotone", counts(9));
        store.intervals().save(List.of(later, other));

        assertEquals(List.of(later, other), store.intervals().intervals(START, START + INTERVAL_MS));
    }

    @Test
    void surveyAnswersAreCountedByTheIntervalTheyCameInWithTheCallersWhoDidNotAnswer() {
        // c-1's caller was answered by 1001 on a 全球通 call before rating it
        store.qaReviews().answered(new acd.ivr.qa.AnsweredCall("1790000000.1", "1001", "billing", "silver", "gotone",
                "13600000031", START, 20_000, "1790000000.1.wav"));
        store.surveys().record(new SurveyResponse("c-1", "13600000031", "billing", "silver", 5, START + 1_000));
        store.surveys().record(new SurveyResponse("c-2", "13600000032", "billing", "silver", 2, START + 2_000));
        store.surveys().record(new SurveyResponse("c-3", "13600000033", "billing", "silver", 0, START + 3_000));
        store.surveys().record(new SurveyResponse("c-4", "13600000034", "billing", "silver", 4, START + INTERVAL_MS));

        assertEquals(List.of(new SurveyTally(START, "billing", "silver", "", "", 2, 1, 0, 2),
                        new SurveyTally(START, "billing", "silver", "gotone", "1001", 1, 1, 1, 5),
                        new SurveyTally(START + INTERVAL_MS, "billing", "silver", "", "", 1, 1, 1, 4)),
                store.intervals().surveys(START, START + 2 * INTERVAL_MS));
    }

    @Test
    void complaintsAreCountedByTheIntervalTheyWereOpenedInAndOtherOrdersAreNot() {
        OrderSource call = new OrderSource("1790000000.7", "general", "gotone", "gold", "1001");
        store.workOrders().open(new NewOrder(OrderKind.COMPLAINT, ComplaintGrade.ORDINARY, "13900000001", call,
                "Charged twice", "1001", 0), START + 60_000);
        store.workOrders().open(new NewOrder(OrderKind.COMPLAINT, ComplaintGrade.MAJOR, "13900000002", call,
                "Line dead for a week", "1001", 0), START + 120_000);
        store.workOrders().open(new NewOrder(OrderKind.QUESTION, null, "13900000003", call,
                "Roaming prices", "1001", 0), START + 180_000);

        assertEquals(List.of(new ComplaintTally(START, "general", "gold", "gotone", 2)),
                store.intervals().complaints(START, START + INTERVAL_MS));
    }
}
