package acd.ivr.store;

import acd.ivr.selfservice.FaultKind;
import acd.ivr.selfservice.WorkOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault reports: a number to read back, a due time by the fault's kind. */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class WorkOrderTest extends StoreFixture {
    WorkOrderTest(DatabaseKind kind) {
        super(kind);
    }

    @Test
    void aNormalFaultIsDueIn24Hours() {
        WorkOrder order = selfService().reportFault("13600000031", FaultKind.NORMAL, "ivr", T0);

        assertEquals("13600000031", order.number());
        assertEquals(FaultKind.NORMAL, order.kind());
        assertEquals("ivr", order.channel());
        assertEquals(T0, order.createdMs());
        assertEquals(T0 + 24 * HOUR_MS, order.dueMs());
    }

    @Test
    void aComplexFaultIsDueIn48Hours() {
        WorkOrder order = selfService().reportFault("13600000031", FaultKind.COMPLEX, "ivr", T0);

        assertEquals(T0 + 48 * HOUR_MS, order.dueMs());
    }

    @Test
    void orderNumbersAreEightDigitsAndNeverRepeat() {
        Set<String> numbers = new HashSet<>();
        long previous = 0;
        for (int i = 0; i < 20; i++) {
            String n = selfService().reportFault("13600000031", FaultKind.NORMAL, "ivr", T0 + i).orderNumber();
            assertTrue(n.matches("\\d{8}"), n);
            assertTrue(numbers.add(n), "repeated " + n);
            assertTrue(Long.parseLong(n) > previous, "in order: " + n);
            previous = Long.parseLong(n);
        }
    }

    @Test
    void anOrderCanBeLookedUpByItsNumber() {
        WorkOrder order = selfService().reportFault("13800000011", FaultKind.COMPLEX, "web", T0);

        assertEquals(Optional.of(order), store.selfService().workOrder(order.orderNumber()));
        assertEquals(Optional.empty(), store.selfService().workOrder("99999999"));
        assertEquals(Optional.empty(), store.selfService().workOrder("not-a-number"));
    }

    @Test
    void aLineWithoutAnAccountCanStillReportAFault() {
        WorkOrder order = selfService().reportFault("02088888888", FaultKind.NORMAL, "ivr", T0);

        assertEquals("02088888888", order.number());
    }
}
