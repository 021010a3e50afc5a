package acd.core.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static acd.core.engine.CallCenterFloor.GOLD;
import static acd.core.engine.CallCenterFloor.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AgentStateTest {

    private static CallCenterFloor floor(int wrapUpSeconds) {
        return CallCenterFloor.builder()
                .queue("billing", "billing")
                .agent("1001", wrapUpSeconds, Map.of("billing", 1))
                .agent("1002", wrapUpSeconds, Map.of("billing", 1))
                .build();
    }

    @Test
    void anAgentJustLoggedInIsNotReadyUntilTheySayReady() {
        CallCenterFloor floor = floor(0);
        floor.agentEvent(EventType.AGENT_LOGGED_IN, "1001", 0);
        assertEquals(AgentState.NOT_READY, floor.state("1001"));
        assertEquals(ReasonCodes.LOGGED_IN, floor.engine.agentReason(floor.agent("1001")));
        floor.call(1, "billing", STANDARD);
        assertNull(floor.offeredTo(1));
        floor.agentEvent(EventType.AGENT_READY, "1001", 0);
        assertEquals("1001", floor.offeredTo(1));
        assertEquals(AgentState.RINGING, floor.state("1001"));
    }

    @Test
    void aHangUpFreesTheAgentWhoTookThatCallWhenCallIdsShareASlotInTheCallTable() {
        // The table is direct-mapped on the id's low bits: 1 and 1 + 8192 land in the same slot.
        long first = 1;
        long second = 1 + 8192;
        CallCenterFloor floor = floor(30);
        floor.at(0).loginReady("1001").at(1).loginReady("1002");
        floor.at(2).call(first, "billing", STANDARD).answer(first);
        floor.at(3).call(second, "billing", STANDARD).answer(second);
        assertEquals("1001", floor.offeredTo(first));
        assertEquals("1002", floor.offeredTo(second));

        floor.at(60).hangUp(second);
        assertEquals(AgentState.TALKING, floor.state("1001"));
        assertEquals(AgentState.WRAP_UP, floor.state("1002"));
        floor.at(61).hangUp(first);
        assertEquals(AgentState.WRAP_UP, floor.state("1001"));
        assertEquals(List.of(), floor.rejected);
    }

    @Test
    void aPhoneThatCannotRingSetsItsAgentNotReadyAtOnceAndTheCallerGoesToAColleague() {
        CallCenterFloor floor = floor(0);
        floor.at(0).loginReady("1001").at(1).call(1, "billing", STANDARD);
        assertEquals("1001", floor.offeredTo(1));
        floor.at(2).loginReady("1002");

        floor.at(2).unreachable(1);

        assertEquals(AgentState.NOT_READY, floor.state("1001"), "after one failure, not after noAnswerLimit");
        assertEquals(ReasonCodes.UNREACHABLE, floor.engine.agentReason(floor.agent("1001")));
        assertEquals("phone unreachable", floor.engine.reasons().name(ReasonCodes.UNREACHABLE));
        assertEquals("1002", floor.offeredTo(1), "the caller goes on at once, not after a ring timeout");
        assertEquals(List.of(), floor.rejected);
    }

    @Test
    void anUnansweredCallReturnsToItsOriginalPlaceInLine() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .agent("1001", Map.of("billing", 1))
                .agent("1002", Map.of("billing", 1))
                .noAnswerLimit(1)
                .build();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.at(1).call(2, "billing", STANDARD);
        floor.at(2).call(3, "billing", STANDARD);
        floor.at(3).loginReady("1002");
        assertEquals("1002", floor.offeredTo(2));
        floor.at(18).noAnswer(2);
        floor.at(19).hangUp(1);
        assertEquals("1001", floor.offeredTo(2), "call 2 kept its place ahead of call 3");
    }

    @Test
    void aColleagueWhoIsFreeGetsTheCallTheFirstSeatMissed() {
        CallCenterFloor floor = floor(0);
        floor.at(0).loginReady("1001").at(1).loginReady("1002");
        floor.at(2).call(1, "billing", STANDARD);
        assertEquals("1001", floor.offeredTo(1));
        floor.at(17).noAnswer(1);
        assertEquals("1002", floor.offeredTo(1));
        assertEquals(AgentState.READY, floor.state("1001"));
    }

    @Test
    void afterConsecutiveNoAnswersTheAgentIsSetNotReady() {
        CallCenterFloor floor = floor(0);
        floor.at(0).loginReady("1001");
        floor.call(1, "billing", STANDARD).at(15).noAnswer(1);
        assertEquals("1001", floor.offeredTo(1), "offered again: nobody else is free");
        floor.at(30).noAnswer(1);
        assertEquals(AgentState.NOT_READY, floor.state("1001"));
        assertEquals(ReasonCodes.NO_ANSWER, floor.engine.agentReason(floor.agent("1001")));
        assertEquals(CallState.QUEUED, floor.engine.callState(1));
    }

    @Test
    void anOfferThatNeverReachedTheSeatIsNotTheAgentsMiss() {
        CallCenterFloor floor = floor(0);
        floor.at(0).loginReady("1001");
        floor.call(1, "billing", STANDARD);
        for (int i = 0; i < 3; i++) {
            floor.engine.onEvent(new EngineEvent().offerNotDelivered(floor.nowMs(), 1, floor.agent("1001")));
        }
        assertEquals(AgentState.RINGING, floor.state("1001"), "offered again, never set not ready");
        assertEquals(CallState.OFFERED, floor.engine.callState(1));
    }

    @Test
    void anAnsweredCallResetsTheNoAnswerCount() {
        CallCenterFloor floor = floor(0);
        floor.at(0).loginReady("1001");
        floor.call(1, "billing", STANDARD).at(15).noAnswer(1).answer(1).hangUp(1);
        floor.call(2, "billing", STANDARD).at(30).noAnswer(2);
        assertEquals(AgentState.RINGING, floor.state("1001"));
    }

    @Test
    void theEngineGivesUpOnASeatThePbxNeverReportsOn() {
        CallCenterFloor floor = floor(0);
        floor.at(0).loginReady("1001", "1002");
        floor.call(1, "billing", STANDARD);
        assertEquals("1001", floor.offeredTo(1));
        floor.at(15 + AcdEngine.RING_GRACE_MS / 1000.0 + 0.2);
        assertEquals(1, floor.directives("cancel").size());
        assertEquals("1002", floor.offeredTo(1));
    }

    @Test
    void wrapUpHoldsTheAgentForItsTimeThenTheNextCallComes() {
        CallCenterFloor floor = floor(10);
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.at(1).call(2, "billing", STANDARD);
        floor.at(60).hangUp(1);
        assertEquals(AgentState.WRAP_UP, floor.state("1001"));
        floor.at(69.5);
        assertEquals(1, floor.offers().size());
        floor.at(70.2);
        assertEquals("1001", floor.offeredTo(2));
    }

    @Test
    void anAgentMayEndWrapUpEarly() {
        CallCenterFloor floor = floor(30);
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.at(1).call(2, "billing", STANDARD);
        floor.at(60).hangUp(1).at(62).agentEvent(EventType.WRAP_UP_DONE, "1001", 0);
        assertEquals("1001", floor.offeredTo(2));
    }

    @Test
    void notReadyAskedDuringACallTakesEffectWhenTheCallIsDone() {
        CallCenterFloor floor = floor(0);
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.agentEvent(EventType.AGENT_NOT_READY, "1001", ReasonCodes.FIRST_CONFIGURED);
        assertEquals(AgentState.TALKING, floor.state("1001"));
        floor.call(2, "billing", STANDARD).at(30).hangUp(1);
        assertEquals(AgentState.NOT_READY, floor.state("1001"));
        assertEquals("break", floor.engine.reasons().name(floor.engine.agentReason(floor.agent("1001"))));
        assertNull(floor.offeredTo(2));
    }

    @Test
    void logoutDuringACallTakesEffectWhenTheCallEnds() {
        CallCenterFloor floor = floor(10);
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.agentEvent(EventType.AGENT_LOGGED_OUT, "1001", 0);
        floor.at(30).hangUp(1);
        assertEquals(AgentState.LOGGED_OUT, floor.state("1001"));
    }

    @Test
    void goingNotReadyWhileRingingReturnsTheCallWithoutCountingAMiss() {
        CallCenterFloor floor = floor(0);
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD);
        floor.agentEvent(EventType.AGENT_NOT_READY, "1001", 0);
        assertEquals(AgentState.NOT_READY, floor.state("1001"));
        assertEquals(CallState.QUEUED, floor.engine.callState(1));
        assertEquals(1, floor.directives("cancel").size());
    }

    @Test
    void aCallerHangingUpWhileTheSeatRingsFreesTheSeat() {
        CallCenterFloor floor = floor(0);
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD);
        floor.at(3).abandon(1);
        assertEquals(AgentState.READY, floor.state("1001"));
        assertEquals(1, floor.directives("cancel").size());
        assertNull(floor.engine.callState(1));
        assertEquals(1, floor.engine.board().queue(0).abandoned());
    }

    @Test
    void aCallIsNeverOfferedToTwoSeatsNorASeatTwoCalls() {
        CallCenterFloor floor = floor(0);
        floor.at(0).loginReady("1001", "1002");
        floor.call(1, "billing", GOLD).call(2, "billing", GOLD).call(3, "billing", GOLD);
        List<CallCenterFloor.Directive> offers = floor.offers();
        assertEquals(2, offers.size());
        assertEquals(2, offers.stream().map(CallCenterFloor.Directive::agent).distinct().count());
        assertEquals(CallState.QUEUED, floor.engine.callState(3));
    }
}
