package acd.core.engine;

import acd.core.model.AgentSpec;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class CallTableTest {
    private static final AgentSpec SEAT = new AgentSpec("1001", "Seat", "SIP/1001", Map.of(), List.of(), 0);

    private static Call call(long id) {
        Call call = new Call();
        call.callId = id;
        return call;
    }

    @Test
    void callsWhoseSlotsCollideAreAllFoundAndRemovedOneByOne() {
        CallTable table = new CallTable(16);
        Call a = call(5);
        Call b = call(5 + 16);
        Call c = call(5 + 32);
        table.put(a);
        table.put(b);
        table.put(c);
        assertSame(a, table.get(5));
        assertSame(b, table.get(21));
        assertSame(c, table.get(37));
        table.remove(5);
        assertNull(table.get(5));
        assertSame(b, table.get(21), "a call in the overflow is still found when the slot is free");
        table.remove(21);
        table.remove(37);
        assertEquals(0, table.size());
        assertFalse(table.containsKey(37));
    }

    @Test
    void theSeatBesideASlotFollowsTheCallInItAndIsOnlyAHintForOthers() {
        CallTable table = new CallTable(16);
        Call inSlot = call(5);
        Call collided = call(5 + 32);
        Agent seat = new Agent(0, SEAT, 0, 0);
        Agent other = new Agent(1, SEAT, 0, 0);
        table.put(inSlot);
        table.put(collided);
        table.seat(inSlot, seat);
        table.seat(collided, other);
        assertSame(seat, table.seatHint(5));
        assertSame(seat, table.seatHint(37), "a call kept apart has no seat of its own: the hint is its neighbour's");
        table.remove(5);
        assertNull(table.seatHint(5), "a freed slot forgets its seat");

        Call moved = call(3);
        moved.offeredTo = other;
        table.put(moved);
        for (long id = 100; id < 120; id++) {
            table.put(call(id));
        }
        assertSame(other, table.seatHint(3), "growth keeps the seat of every call it moves");
    }

    @Test
    void theTableAgreesWithAMapThroughGrowthAndRandomTraffic() {
        CallTable table = new CallTable(16);
        Map<Long, Call> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        long next = 1;
        for (int step = 0; step < 200_000; step++) {
            if (expected.isEmpty() || random.nextInt(100) < 52) {
                // Mostly sequential ids, now and then one from far away, as replays and resyncs give.
                long id = random.nextInt(50) == 0 ? random.nextLong(1L << 40) : next++;
                if (!expected.containsKey(id)) {
                    Call call = call(id);
                    table.put(call);
                    expected.put(id, call);
                }
            } else {
                long id = expected.keySet().iterator().next();
                table.remove(id);
                expected.remove(id);
            }
        }
        assertEquals(expected.size(), table.size());
        expected.forEach((id, call) -> assertSame(call, table.get(id)));
        Map<Long, Call> seen = new HashMap<>();
        table.forEach(seen::put);
        assertEquals(expected, seen);
    }
}
