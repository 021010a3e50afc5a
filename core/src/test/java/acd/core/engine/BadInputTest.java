package acd.core.engine;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static acd.core.engine.CallCenterFloor.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadInputTest {

    private static CallCenterFloor floor() {
        return CallCenterFloor.builder()
                .queue("billing", "billing")
                .agent("1001", Map.of("billing", 1))
                .agent("1002", Map.of("billing", 1))
                .build();
    }

    @Test
    void eventsForUnknownCallsOrAgentsAreIgnoredAndTheEngineCarriesOn() {
        CallCenterFloor floor = floor();
        EngineEvent e = new EngineEvent();
        floor.engine.onEvent(e.offerAnswered(0, 999, 0));
        floor.engine.onEvent(e.callEvent(EventType.CALL_ENDED, 0, 999));
        floor.engine.onEvent(e.callEvent(EventType.CALLER_ABANDONED, 0, 999));
        floor.engine.onEvent(e.agentEvent(EventType.AGENT_READY, 0, 42, 0));
        floor.engine.onEvent(e.agentEvent(EventType.AGENT_LOGGED_IN, 0, -7, 0));
        floor.engine.onEvent(e.callArrived(0, 5, 17, 0, -1, -1, 0, "x", "y"));
        floor.engine.onEvent(e.callArrived(0, -5, 0, 0, -1, -1, 0, "x", "y"));
        assertEquals(7, floor.engine.rejectedEvents());
        assertEquals(7, floor.rejected.size());

        floor.loginReady("1001").call(1, "billing", STANDARD).answer(1);
        assertEquals(CallState.CONNECTED, floor.engine.callState(1));
    }

    @Test
    void anAnswerAfterTheCallerHungUpIsIgnored() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD);
        int agent = floor.engine.agentOfCall(1);
        floor.at(2).abandon(1);
        floor.engine.onEvent(new EngineEvent().offerAnswered(3000, 1, agent));
        assertEquals(AgentState.READY, floor.state("1001"));
        assertEquals(1, floor.engine.rejectedEvents());
        assertEquals(0, floor.engine.board().queue(0).answered());
    }

    @Test
    void anAnswerFromAnAgentTheCallWasNotOfferedToIsIgnored() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001", "1002").call(1, "billing", STANDARD);
        floor.engine.onEvent(new EngineEvent().offerAnswered(0, 1, floor.agent("1002")));
        assertEquals(CallState.OFFERED, floor.engine.callState(1));
        assertEquals(AgentState.READY, floor.state("1002"));
    }

    @Test
    void aSecondArrivalWithTheSameCallIdIsIgnored() {
        CallCenterFloor floor = floor();
        floor.at(0).call(1, "billing", STANDARD).call(1, "billing", STANDARD);
        assertEquals(1, floor.engine.board().queue(0).offered());
        assertEquals(1, floor.engine.rejectedEvents());
    }

    @Test
    void stateOrderViolationsFromAgentsAreIgnored() {
        CallCenterFloor floor = floor();
        floor.agentEvent(EventType.AGENT_LOGGED_OUT, "1001", 0);
        floor.agentEvent(EventType.AGENT_READY, "1001", 0);
        floor.agentEvent(EventType.WRAP_UP_DONE, "1001", 0);
        floor.loginReady("1001");
        floor.agentEvent(EventType.AGENT_LOGGED_IN, "1001", 0);
        assertEquals(4, floor.engine.rejectedEvents());
        assertEquals(AgentState.READY, floor.state("1001"));
    }

    @Test
    void anEventStampedBeforeTheLastOneIsTakenAsHappeningNow() {
        CallCenterFloor floor = floor();
        floor.at(100).loginReady("1001");
        floor.engine.onEvent(new EngineEvent().callArrived(50_000, 1, 0, STANDARD, -1, -1, 0, "x", "y"));
        assertEquals(100_000, floor.engine.now());
        assertTrue(floor.engine.callState(1) == CallState.OFFERED);
    }

    @Test
    void aCallArrivingWithAnUnknownTierTakesTheDefaultTier() {
        CallCenterFloor floor = floor();
        floor.engine.onEvent(new EngineEvent().callArrived(0, 1, 0, 99, -1, -1, 0, "x", "y"));
        assertEquals(1, floor.engine.board().queueTier(0, STANDARD).offered());
    }
}
