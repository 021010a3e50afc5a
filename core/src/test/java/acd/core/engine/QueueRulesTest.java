package acd.core.engine;

import acd.core.model.MaxWaitAction;
import acd.core.model.NoAgentsAction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static acd.core.engine.CallCenterFloor.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class QueueRulesTest {

    @Test
    void aCallWaitingTheMaximumOverflowsToItsTargetKeepingItsPlace() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withMaxWait(60, MaxWaitAction.OVERFLOW, "general"))
                .queue("general", "broadband")
                .agent("1001", Map.of("billing", 1))
                .agent("2001", Map.of("broadband", 1))
                .build();
        floor.at(0).loginReady("1001", "2001").call(1, "billing", STANDARD).answer(1);
        floor.call(2, "general", STANDARD).answer(2);
        floor.at(1).call(3, "billing", STANDARD);
        floor.at(30).call(4, "general", STANDARD);
        floor.at(61.5);
        assertEquals(1, floor.directives("overflow").size());
        assertEquals(floor.queue("general"), floor.directives("overflow").get(0).value());
        floor.at(62).hangUp(2);
        assertEquals("2001", floor.offeredTo(3), "the overflowed call waited since 1 s, ahead of call 4");
        assertEquals(1, floor.engine.board().queue(floor.queue("billing")).overflowed());
        assertEquals(3, floor.engine.board().queue(floor.queue("general")).offered());
    }

    @Test
    void aCallWaitingTheMaximumGoesToVoicemailWhenSoConfigured() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withMaxWait(60, MaxWaitAction.VOICEMAIL, null))
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.at(1).call(2, "billing", STANDARD);
        floor.at(61.5);
        assertEquals(1, floor.directives("voicemail").size());
        assertNull(floor.engine.callState(2));
        assertEquals(1, floor.engine.board().queue(0).timedOut());
    }

    @Test
    void aCallRingingAtTheMaximumFinishesItsRingFirst() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withMaxWait(60, MaxWaitAction.DISCONNECT, null))
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.at(1).call(2, "billing", STANDARD);
        floor.at(55).hangUp(1);
        floor.at(61);
        assertEquals(CallState.OFFERED, floor.engine.callState(2));
        floor.answer(2);
        assertEquals(CallState.CONNECTED, floor.engine.callState(2));
        assertEquals(List.of(), floor.directives("disconnect"));
    }

    @Test
    void aQueueThatRefusesWithNobodyLoggedInReleasesTheCaller() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withWhenNoAgents(NoAgentsAction.REFUSE))
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).call(1, "billing", STANDARD);
        assertEquals(1, floor.directives("disconnect").size());
        assertEquals(ExitReason.NO_AGENTS.ordinal(), floor.directives("disconnect").get(0).value());
        assertEquals(1, floor.engine.board().queue(0).refused());
    }

    @Test
    void aNotReadyAgentStillCountsAsSomeoneToWaitFor() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withWhenNoAgents(NoAgentsAction.REFUSE))
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.agentEvent(EventType.AGENT_LOGGED_IN, "1001", 0);
        floor.at(0).call(1, "billing", STANDARD);
        assertEquals(CallState.QUEUED, floor.engine.callState(1));
    }

    @Test
    void aQueueThatOverflowsWithNobodyLoggedInSendsTheCallOn() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("english", List.of("english"), q -> q.withWhenNoAgents(NoAgentsAction.OVERFLOW)
                        .withMaxWait(120, MaxWaitAction.OVERFLOW, "billing"))
                .queue("billing", "billing")
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001").call(1, "english", STANDARD);
        assertEquals("1001", floor.offeredTo(1));
    }

    @Test
    void callersWaitingWhenTheLastAgentLogsOutLeaveAsTheQueueSays() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withWhenNoAgents(NoAgentsAction.REFUSE))
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.call(2, "billing", STANDARD).call(3, "billing", STANDARD);
        floor.at(10).agentEvent(EventType.AGENT_LOGGED_OUT, "1001", 0).hangUp(1);
        assertEquals(2, floor.directives("disconnect").size());
        assertEquals(0, floor.engine.callsInProgress());
    }

    @Test
    void aQueueThatKeepsWaitingHoldsCallersUntilSomeoneLogsIn() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).call(1, "billing", STANDARD);
        floor.at(300);
        assertEquals(CallState.QUEUED, floor.engine.callState(1));
        floor.loginReady("1001");
        assertEquals("1001", floor.offeredTo(1));
    }

    @Test
    void overflowTargetsThatLoopReleaseTheCallerInsteadOfCirclingForever() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("a", List.of("billing"), q -> q.withMaxWait(10, MaxWaitAction.OVERFLOW, "b"))
                .queue("b", List.of("billing"), q -> q.withMaxWait(10, MaxWaitAction.OVERFLOW, "a"))
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001").call(1, "a", STANDARD).answer(1);
        floor.call(2, "a", STANDARD);
        floor.at(100);
        assertEquals(ExitReason.OVERFLOW_LOOP.ordinal(), floor.directives("disconnect").get(0).value());
        assertNull(floor.engine.callState(2));
    }

    @Test
    void waitingCallersHearTheirPositionAndExpectedWait() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withAnnounceEverySeconds(30))
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1).at(120).hangUp(1);
        floor.call(2, "billing", STANDARD).answer(2);
        floor.at(121).call(3, "billing", STANDARD);
        floor.at(122).call(4, "billing", STANDARD);
        List<CallCenterFloor.Directive> announcements = floor.directives("announce");
        assertEquals(2, announcements.size());
        assertEquals(2, announcements.get(1).agent(), "call 4 is second in line");
        assertEquals(2 * 120_000L, announcements.get(1).value(), "two handle times ahead, one agent");
        floor.at(152.5);
        assertEquals(4, floor.directives("announce").size());
    }
}
