package acd.core.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static acd.core.engine.CallCenterFloor.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consultative transfers: the agent asks a colleague first, then hands the caller over or goes back to them. */
class ConsultTransferTest {

    private static CallCenterFloor floor() {
        return CallCenterFloor.builder()
                .queue("broadband", List.of("broadband"), q -> q)
                .queue("billing", List.of("billing"), q -> q)
                .agent("1001", 5, Map.of("broadband", 1))
                .agent("2001", Map.of("billing", 2))
                .agent("2002", Map.of("billing", 1))
                .build();
    }

    @Test
    void aHandOverGivesTheCallerToTheColleagueAndTheAgentGoesToWrapUp() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001", "2001", "2002");
        floor.at(1).call(1, "broadband", STANDARD).answer(1);
        floor.at(30).consult(1, "1001", null, "2001");
        assertEquals(List.of(new CallCenterFloor.Directive(30_000, "consult", 1, floor.agent("1001"),
                floor.agent("2001"))), floor.directives("consult"));
        assertEquals(AgentState.RINGING, floor.state("2001"), "kept for the consultation");
        assertEquals(AgentState.TALKING, floor.state("1001"), "the agent still has the caller");

        floor.at(35).consultAnswered(1);
        assertEquals(AgentState.TALKING, floor.state("2001"));
        floor.at(50).handOver(1, "1001");
        assertEquals(1, floor.directives("hand-over").size());
        assertEquals(AgentState.WRAP_UP, floor.state("1001"));
        assertEquals(floor.agent("2001"), floor.engine.agentOfCall(1), "the colleague's call now");
        assertEquals(CallState.CONNECTED, floor.engine.callState(1));

        floor.at(90).hangUp(1);
        assertEquals(AgentState.READY, floor.state("2001"));
        assertEquals(1, floor.engine.board().queue(floor.queue("broadband")).answered(),
                "answered once: a hand-over is no new offer");
        assertEquals(List.of(), floor.rejected);
    }

    @Test
    void aConsultationWithAQueueAsksItsBestFreeAgent() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001", "2002").at(1).loginReady("2001");
        floor.at(2).call(1, "broadband", STANDARD).answer(1);
        floor.at(10).consult(1, "1001", "billing", null);
        assertEquals(floor.agent("2002"), floor.directives("consult").get(0).value(), "the one free longest");
    }

    @Test
    void aCancelledConsultationLeavesTheCallWithTheAgentAndFreesTheColleague() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001", "2001");
        floor.at(1).call(1, "broadband", STANDARD).answer(1);
        floor.at(10).consult(1, "1001", null, "2001").at(12).consultAnswered(1);
        floor.at(20).cancelConsult(1, "1001");
        assertEquals(1, floor.directives("consult-over").size());
        assertEquals(AgentState.READY, floor.state("2001"));
        assertEquals(floor.agent("1001"), floor.engine.agentOfCall(1));
        assertEquals(AgentState.TALKING, floor.state("1001"));
        // the colleague is free for the next caller, and the agent may consult again
        floor.at(21).call(2, "billing", STANDARD);
        assertEquals("2001", floor.offeredTo(2));
        assertEquals(List.of(), floor.rejected);
    }

    @Test
    void aColleagueBeingConsultedGetsNoCall() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001", "2001");
        floor.at(1).call(1, "broadband", STANDARD).answer(1);
        floor.at(10).consult(1, "1001", null, "2001");
        floor.at(11).call(2, "billing", STANDARD);
        assertEquals(null, floor.offeredTo(2), "waits: the only billing agent is being asked");
        floor.at(20).cancelConsult(1, "1001");
        assertEquals("2001", floor.offeredTo(2));
    }

    @Test
    void theCallerHangingUpDuringAConsultationEndsItAndFreesBoth() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001", "2001");
        floor.at(1).call(1, "broadband", STANDARD).answer(1);
        floor.at(10).consult(1, "1001", null, "2001").at(12).consultAnswered(1);
        floor.at(20).hangUp(1);
        assertEquals(1, floor.directives("consult-over").size(), "the colleague's leg is ended");
        assertEquals(AgentState.READY, floor.state("2001"));
        assertEquals(AgentState.WRAP_UP, floor.state("1001"));
        assertEquals(1, floor.engine.board().queue(floor.queue("broadband")).answered());
        assertEquals(List.of(), floor.rejected);
    }

    @Test
    void aColleagueWhoLogsOutWhileAskedGoesOnceTheConsultationIsOver() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001", "2001");
        floor.at(1).call(1, "broadband", STANDARD).answer(1);
        floor.at(10).consult(1, "1001", null, "2001").agentEvent(EventType.AGENT_LOGGED_OUT, "2001", 0);
        assertEquals(AgentState.RINGING, floor.state("2001"));
        floor.at(20).cancelConsult(1, "1001");
        assertEquals(AgentState.LOGGED_OUT, floor.state("2001"));
    }

    @Test
    void wrongConsultationsAreRefusedAndTheCallStaysWithTheAgent() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001", "2001");
        floor.at(1).call(1, "broadband", STANDARD).answer(1);
        floor.at(2).consult(1, "2001", null, "1001");
        floor.consult(1, "1001", null, "2002");
        floor.consult(1, "1001", null, "1001");
        floor.consult(7, "1001", null, "2001");
        floor.handOver(1, "1001");
        floor.consult(1, "1001", null, "2001");
        floor.consult(1, "1001", null, "2001");
        floor.handOver(1, "1001");
        floor.transfer(1, "1001", "billing", null);
        assertEquals(List.of("consultation on a call this agent is not talking on",
                "consultation with an agent who is not free", "consultation with the agent's own seat",
                "consultation on an unknown or finished call", "no consultation under way on this call",
                "a consultation is already under way on this call", "hand-over before the colleague answered",
                "transfer while consulting a colleague: complete or cancel the consultation first"), floor.rejected);
        assertEquals(1, floor.directives("consult").size());
        assertTrue(floor.directives("hand-over").isEmpty());
        assertEquals(AgentState.TALKING, floor.state("1001"), "the call stays where it was");
    }

    @Test
    void aQueueWithNobodyFreeIsRefused() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001");
        floor.at(1).call(1, "broadband", STANDARD).answer(1);
        floor.at(2).consult(1, "1001", "billing", null);
        assertEquals(List.of("consultation with a queue where nobody is free"), floor.rejected);
    }
}
