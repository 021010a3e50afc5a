package acd.core.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static acd.core.engine.CallCenterFloor.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blind transfers: the agent sends a call on to another queue or a colleague, and the call keeps its place. */
class TransferTest {

    private static CallCenterFloor floor() {
        return CallCenterFloor.builder()
                .queue("broadband", List.of("broadband"), q -> q)
                .queue("billing", List.of("billing"), q -> q.withAccountManagerWaitSeconds(30))
                .agent("1001", 5, Map.of("broadband", 1))
                .agent("2001", Map.of("billing", 1))
                .agent("2002", Map.of("billing", 1))
                .build();
    }

    @Test
    void aTransferredCallGoesToTheTargetQueueAndTheAgentToWrapUp() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001", "2001");
        floor.at(1).call(1, "broadband", STANDARD).answer(1);
        floor.at(30).transfer(1, "1001", "billing", null);
        assertEquals(1, floor.directives("transfer").size());
        assertEquals(1_000, floor.directives("transfer").get(0).value(), "the call keeps its arrival");
        assertEquals("2001", floor.offeredTo(1));
        assertEquals(AgentState.WRAP_UP, floor.state("1001"));
        floor.answer(1).at(60).hangUp(1);
        assertEquals(1, floor.engine.board().queue(floor.queue("billing")).answered(), "the colleague took it");
        assertEquals(AgentState.READY, floor.state("2001"));
        assertEquals(List.of(), floor.rejected);
    }

    @Test
    void aTransferKeepsTheCallersPlaceAheadOfLaterCallers() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001", "2001");
        floor.call(1, "billing", STANDARD).answer(1);
        floor.at(1).call(2, "broadband", STANDARD).answer(2);
        floor.at(5).call(3, "billing", STANDARD);
        floor.at(20).transfer(2, "1001", "billing", null);
        floor.at(25).hangUp(1);
        assertEquals("2001", floor.offeredTo(2), "arrived at 1 s, before the caller of 5 s");
        assertNull(floor.offeredTo(3));
    }

    @Test
    void aColleagueNamedGetsTheCallFirstEvenWhenAnotherIsFreeLonger() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001", "2001").at(1).loginReady("2002");
        floor.at(2).call(1, "broadband", STANDARD).answer(1);
        floor.at(10).transfer(1, "1001", "billing", "2002");
        assertEquals("2002", floor.offeredTo(1));
    }

    @Test
    void theWrongCallALoggedOutColleagueOrAnUnknownQueueIsRefusedAndTheCallStaysConnected() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001", "2001");
        floor.at(1).call(1, "broadband", STANDARD).answer(1);
        floor.at(2).transfer(1, "2001", "billing", null);
        floor.transfer(1, "1001", "billing", "2002");
        floor.engine.onEvent(new EngineEvent().callTransferred(floor.nowMs(), 1, floor.agent("1001"), 99, 0,
                EngineEvent.NONE));
        floor.transfer(7, "1001", "billing", null);
        assertEquals(List.of("transfer of a call this agent is not talking on", "transfer to an agent not logged in",
                "transfer to an unknown queue", "transfer of an unknown or finished call"), floor.rejected);
        assertTrue(floor.directives("transfer").isEmpty());
        assertEquals(AgentState.TALKING, floor.state("1001"), "the call stays where it was");
    }

    @Test
    void aCallerWhoHangsUpWhileTransferredIsAnAbandonOfTheTargetQueue() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001");
        floor.at(1).call(1, "broadband", STANDARD).answer(1);
        floor.at(10).transfer(1, "1001", "billing", null);
        floor.at(20).hangUp(1);
        assertEquals(1, floor.engine.board().queue(floor.queue("billing")).abandoned());
        assertEquals(List.of(), floor.rejected);
    }
}
