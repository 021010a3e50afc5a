package acd.server.asterisk;

import acd.core.engine.AgentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One caller through the shipped dialplan on a real Asterisk to a SIPp seat phone. */
class RealAsteriskCallTest {
    @TempDir
    Path dir;

    @Test
    void aCallerWhoPressesZeroReachesAReadySeatAndTheSeatHangsUp() throws Exception {
        try (AsteriskFloor floor = AsteriskFloor.open("one-call", dir)) {
            Sipp.Phone seat = floor.staff("2001", 30_001, 500, 2_000);

            Sipp.Phone caller = floor.phones.caller("13800000000", "10086", List.of(new Sipp.Key(1_500, '0')), 60_000);

            floor.await("the call answered", 20_000, () -> floor.server.engine().board().queue(0).answered() == 1);
            assertTrue(caller.waitFor(60_000), "the caller's call ended");
            floor.await("the seat free", 20_000,
                    () -> floor.server.engine().board().agents(AgentState.TALKING) == 0);
            assertTrue(seat.events().containsAll(List.of("answered", "seat-hung-up")), seat.events().toString());
            assertEquals("released", caller.events().get(caller.events().size() - 1), caller.events().toString());
        }
    }
}
