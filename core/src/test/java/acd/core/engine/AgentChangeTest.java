package acd.core.engine;

import acd.core.model.AgentChange;
import acd.core.model.AgentSelection;
import acd.core.model.NoAgentsAction;
import acd.core.model.TierRule;
import acd.core.model.WideningStep;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static acd.core.engine.CallCenterFloor.DIAMOND;
import static acd.core.engine.CallCenterFloor.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AgentChangeTest {

    private static void change(CallCenterFloor floor, String agentId, AgentChange change) {
        floor.engine.onEvent(new EngineEvent().agentChanged(floor.nowMs(), floor.agent(agentId), change));
        EngineInvariants.verify(floor.engine);
    }

    @Test
    void aFreeAgentGivenANewSkillTakesTheCallWaitingForIt() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .queue("broadband", "broadband")
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001").at(1).call(1, "broadband", STANDARD);
        assertNull(floor.offeredTo(1));

        change(floor, "1001", AgentChange.skills(Map.of("billing", 1, "broadband", 2)));

        assertEquals("1001", floor.offeredTo(1));
    }

    @Test
    void anAgentWhoLosesASkillIsNoLongerOfferedThatQueue() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .queue("broadband", "broadband")
                .agent("1001", Map.of("billing", 1, "broadband", 1))
                .build();
        floor.at(0).loginReady("1001");
        change(floor, "1001", AgentChange.skills(Map.of("billing", 1)));

        floor.at(1).call(1, "broadband", STANDARD);
        assertNull(floor.offeredTo(1));
        floor.call(2, "billing", STANDARD);
        assertEquals("1001", floor.offeredTo(2));
    }

    @Test
    void aChangeWhileTalkingLeavesTheCallAloneAndAppliesToTheNext() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .queue("broadband", "broadband")
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.call(2, "broadband", STANDARD);
        change(floor, "1001", AgentChange.skills(Map.of("broadband", 1)));
        assertEquals(AgentState.TALKING, floor.state("1001"));

        floor.at(60).hangUp(1);
        assertEquals("1001", floor.offeredTo(2));
    }

    @Test
    void movingAnAgentToTheVipSeatsPutsItFirstInLineForDiamondCalls() {
        TierRule diamondOnVipSeats = new TierRule("diamond-vip", "diamond", null, List.of(),
                List.of(WideningStep.groups(0, "vip"), WideningStep.anyGroup(60)));
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .agent("1001", Map.of("billing", 1), "general")
                .rule(diamondOnVipSeats)
                .build();
        floor.at(0).loginReady("1001").at(1).call(1, "billing", DIAMOND);
        assertNull(floor.offeredTo(1), "only VIP seats may take a diamond call in its first minute");

        change(floor, "1001", AgentChange.seatGroups(List.of("vip")));

        assertEquals("1001", floor.offeredTo(1));
    }

    @Test
    void aBetterProficiencyMovesTheAgentAheadAtTheNextDecision() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withAgentSelection(AgentSelection.BEST_PROFICIENCY))
                .agent("1001", Map.of("billing", 5))
                .agent("1002", Map.of("billing", 3))
                .build();
        floor.at(0).loginReady("1001", "1002");
        change(floor, "1001", AgentChange.skills(Map.of("billing", 1)));

        floor.at(1).call(1, "billing", STANDARD);
        assertEquals("1001", floor.offeredTo(1));
    }

    @Test
    void takingTheLastQualifiedAgentAwayReleasesCallersOfARefusingQueue() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withWhenNoAgents(NoAgentsAction.REFUSE))
                .queue("broadband", "broadband")
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.call(2, "billing", STANDARD);

        change(floor, "1001", AgentChange.skills(Map.of("broadband", 1)));

        assertEquals(1, floor.directives("disconnect").size());
        assertEquals(2, floor.directives("disconnect").get(0).callId());
    }

    @Test
    void theWallboardCountsTheAgentUnderTheQueuesItNowStaffs() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .queue("broadband", "broadband")
                .agent("1001", Map.of("billing", 1))
                .agent("1002", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001", "1002");
        int billing = floor.queue("billing");
        int broadband = floor.queue("broadband");

        change(floor, "1001", AgentChange.skills(Map.of("broadband", 1)));

        assertEquals(1, floor.engine.board().agents(billing, AgentState.READY));
        assertEquals(1, floor.engine.board().agents(broadband, AgentState.READY));
        change(floor, "1002", AgentChange.skills(Map.of("broadband", 2, "billing", 2)));
        assertEquals(1, floor.engine.board().agents(billing, AgentState.READY));
        assertEquals(2, floor.engine.board().agents(broadband, AgentState.READY));
        assertEquals(2, floor.engine.board().agents(AgentState.READY));
    }

    @Test
    void anAgentCanLeaveAndRejoinAPoolAgainAndAgain() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .agent("1001", Map.of("billing", 1))
                .agent("1002", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001", "1002");
        for (int i = 0; i < 20; i++) {
            change(floor, "1001", AgentChange.skills(Map.of("english", 1)));
            change(floor, "1001", AgentChange.skills(Map.of("billing", 1)));
        }
        floor.at(1).call(1, "billing", STANDARD);
        assertEquals("1001", floor.offeredTo(1), "still the longest idle: a profile change keeps the agent's place");
        floor.call(2, "billing", STANDARD);
        assertEquals("1002", floor.offeredTo(2));
    }

    @Test
    void anUnknownSkillOrSeatGroupIsRejectedAndChangesNothing() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001");
        change(floor, "1001", AgentChange.skills(Map.of("biling", 1)));
        change(floor, "1001", AgentChange.skills(Map.of("billing", 11)));
        change(floor, "1001", AgentChange.seatGroups(List.of("vip", "nowhere")));
        assertEquals(3, floor.rejected.size(), floor.rejected.toString());

        floor.call(1, "billing", STANDARD);
        assertEquals("1001", floor.offeredTo(1));
    }
}
