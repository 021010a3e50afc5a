package acd.core.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static acd.core.engine.CallCenterFloor.GOLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AccountManagerTest {

    private static CallCenterFloor floor() {
        return CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withAccountManagerWaitSeconds(20))
                .agent("mgr", Map.of("billing", 1), "vip")
                .agent("1001", Map.of("billing", 1), "general")
                .build();
    }

    @Test
    void aCallerWithAnAccountManagerIsOfferedToThemFirst() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001").at(1).loginReady("mgr");
        floor.at(2).call(1, "billing", GOLD, -1, floor.agent("mgr"));
        assertEquals("mgr", floor.offeredTo(1), "although 1001 has been idle longer");
    }

    @Test
    void theCallerWaitsForABusyAccountManagerAndGetsThemWhenFree() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("mgr", "1001").call(1, "billing", GOLD).answer(1);
        assertEquals("mgr", floor.offeredTo(1));
        floor.at(1).call(2, "billing", GOLD, -1, floor.agent("mgr"));
        assertNull(floor.offeredTo(2), "1001 is free, but the caller waits for their own manager");
        floor.at(5).hangUp(1);
        assertEquals("mgr", floor.offeredTo(2));
    }

    @Test
    void afterTheWaitTheCallFallsBackToTheQueueWithItsWaitCounted() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withAccountManagerWaitSeconds(20))
                .agent("mgr", Map.of("billing", 1), "vip")
                .agent("1001", Map.of("billing", 1), "general")
                .build();
        floor.at(0).loginReady("mgr", "1001");
        floor.call(1, "billing", GOLD).answer(1);
        floor.call(2, "billing", GOLD).answer(2);
        floor.at(1).call(3, "billing", GOLD, -1, floor.agent("mgr"));
        floor.at(15).call(4, "billing", GOLD);
        floor.at(21.5);
        floor.at(22).hangUp(2);
        assertEquals("1001", floor.offeredTo(3), "the fallen-back call keeps its 21 s wait ahead of the 7 s one");
    }

    @Test
    void aCallerWhoseAccountManagerIsLoggedOutGoesStraightToTheQueue() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001");
        floor.at(1).call(1, "billing", GOLD, -1, floor.agent("mgr"));
        assertEquals("1001", floor.offeredTo(1));
    }

    @Test
    void whenTheAccountManagerLogsOutTheirWaitingCallersFallBackAtOnce() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("mgr", "1001").call(1, "billing", GOLD).answer(1);
        floor.call(2, "billing", GOLD).answer(2);
        floor.at(1).call(3, "billing", GOLD, -1, floor.agent("mgr"));
        floor.at(2).agentEvent(EventType.AGENT_LOGGED_OUT, "mgr", 0);
        floor.at(3).hangUp(2);
        assertEquals("1001", floor.offeredTo(3));
    }

    @Test
    void anAccountManagerWhoDoesNotAnswerSendsTheCallToTheQueue() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("mgr").at(1).loginReady("1001");
        floor.at(2).call(1, "billing", GOLD, -1, floor.agent("mgr"));
        assertEquals("mgr", floor.offeredTo(1));
        floor.at(17).noAnswer(1);
        assertEquals("1001", floor.offeredTo(1));
    }
}
