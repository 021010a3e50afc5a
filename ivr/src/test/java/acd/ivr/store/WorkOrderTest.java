package acd.ivr.store;

import acd.ivr.selfservice.FaultKind;
import acd.ivr.selfservice.WorkOrder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault reports: a number to read back, a due time by the fault's kind. */
class WorkOrderTest {

    @Nested
    class OnH2 extends Cases {
        OnH2() {
            super(DatabaseKind.H2);
        }
    }

    @Nested
    class OnPostgreSql extends Cases {
        OnPostgreSql() {
            super(DatabaseKind.POSTGRESQL);
        }
    }

    @Nested
    class WithTheirOwnDueTimesOnH2 extends OwnDueTimes {
        WithTheirOwnDueTimesOnH2() {
            super(DatabaseKind.H2);
        }
    }

    @Nested
    class WithTheirOwnDueTimesOnPostgreSql extends OwnDueTimes {
        WithTheirOwnDueTimesOnPostgreSql() {
            super(DatabaseKind.POSTGRESQL);
        }
    }

    abstract static class Cases extends StoreFixture {
        Cases(DatabaseKind kind) {
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

    abstract static class OwnDueTimes extends StoreFixture {
        OwnDueTimes(DatabaseKind kind) {
            super(kind);
        }

        @Override
        StoreSettings settings() {
            StoreSettings s = super.settings();
            return new StoreSettings(s.dataDirectory(), s.jdbcUrl(), s.user(), s.password(), s.maxConnections(),
                    s.connectTimeoutMs(), 4, 72, s.wrongPinLimit(), s.lockOutMinutes(), s.followUpDueHours(),
                    s.dissatisfiedRating(), s.pinHashIterations());
        }

        @Test
        void dueTimesComeFromTheSettings() {
            assertEquals(T0 + 4 * HOUR_MS, selfService().reportFault("1", FaultKind.NORMAL, "ivr", T0).dueMs());
            assertEquals(T0 + 72 * HOUR_MS, selfService().reportFault("1", FaultKind.COMPLEX, "ivr", T0).dueMs());
        }
    }
}
