package acd.ivr.store;

import acd.ivr.selfservice.FaultKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A fault's due times come from the store's settings, not a fixed rule. */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class WorkOrderDueTimeTest extends StoreFixture {
    WorkOrderDueTimeTest(DatabaseKind kind) {
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
