package acd.core.engine;

import acd.core.model.AgentSelection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static acd.core.engine.CallCenterFloor.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AgentSelectionTest {

    private static CallCenterFloor floor(AgentSelection selection) {
        return CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withAgentSelection(selection))
                .agent("1001", Map.of("billing", 5))
                .agent("1002", Map.of("billing", 1))
                .agent("1003", Map.of("billing", 3, "english", 1))
                .build();
    }

    @Test
    void longestIdleOffersTheAgentReadyTheLongest() {
        CallCenterFloor floor = floor(AgentSelection.LONGEST_IDLE);
        floor.at(0).loginReady("1002").at(5).loginReady("1001").at(9).loginReady("1003");
        floor.at(10).call(1, "billing", STANDARD);
        assertEquals("1002", floor.offeredTo(1));
        floor.answer(1).call(2, "billing", STANDARD);
        assertEquals("1001", floor.offeredTo(2));
    }

    @Test
    void anAgentBackFromACallQueuesBehindColleaguesWhoWaitedLonger() {
        CallCenterFloor floor = floor(AgentSelection.LONGEST_IDLE);
        floor.at(0).loginReady("1001").at(1).loginReady("1002");
        floor.at(2).call(1, "billing", STANDARD).answer(1).at(3).hangUp(1);
        floor.at(4).call(2, "billing", STANDARD);
        assertEquals("1002", floor.offeredTo(2));
    }

    @Test
    void bestProficiencyOffersTheMostSkilledFreeAgent() {
        CallCenterFloor floor = floor(AgentSelection.BEST_PROFICIENCY);
        floor.at(0).loginReady("1001", "1003", "1002");
        floor.at(1).call(1, "billing", STANDARD);
        assertEquals("1002", floor.offeredTo(1));
        floor.answer(1).call(2, "billing", STANDARD);
        assertEquals("1003", floor.offeredTo(2));
        floor.answer(2).call(3, "billing", STANDARD);
        assertEquals("1001", floor.offeredTo(3));
    }

    @Test
    void fewestCallsOffersTheAgentWhoHasAnsweredLeast() {
        CallCenterFloor floor = floor(AgentSelection.FEWEST_CALLS);
        floor.at(0).loginReady("1001").at(1).loginReady("1002");
        floor.at(2).call(1, "billing", STANDARD).answer(1).hangUp(1);
        assertEquals("1001", floor.offeredTo(1));
        floor.at(3).call(2, "billing", STANDARD).answer(2).hangUp(2);
        assertEquals("1002", floor.offeredTo(2));
        floor.at(4).loginReady("1003");
        floor.at(5).call(3, "billing", STANDARD);
        assertEquals("1003", floor.offeredTo(3), "the newcomer has answered none");
    }

    @Test
    void roundRobinOffersEachAgentInTurn() {
        CallCenterFloor floor = floor(AgentSelection.ROUND_ROBIN);
        floor.at(0).loginReady("1001", "1002", "1003");
        StringBuilder order = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            floor.at(i).call(i, "billing", STANDARD).answer(i).hangUp(i);
            order.append(floor.offeredTo(i)).append(' ');
        }
        assertEquals("1001 1002 1003 1001 1002 1003 ", order.toString());
    }

    @Test
    void onlyAgentsWithEveryRequiredSkillAreOffered() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("english-billing", "billing", "english")
                .agent("1001", Map.of("billing", 1))
                .agent("1003", Map.of("billing", 3, "english", 1))
                .build();
        floor.at(0).loginReady("1001").at(1).loginReady("1003");
        floor.at(2).call(1, "english-billing", STANDARD);
        assertEquals("1003", floor.offeredTo(1));
    }

    @Test
    void aSkillCombinationSeenForTheFirstTimeStillGoesToTheLongestIdleAgent() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .agent("1001", Map.of("billing", 1, "english", 1))
                .agent("1002", Map.of("billing", 1, "english", 1))
                .build();
        floor.at(1).loginReady("1002").at(60).loginReady("1001");
        floor.at(61);
        floor.engine.onEvent(new EngineEvent().callArrived(61_000, 7, floor.queue("billing"), STANDARD, -1, -1,
                floor.engine.skillMask(List.of("english")), "13900000007", "2"));
        assertEquals("1002", floor.offeredTo(7));
    }

    @Test
    void aCallNeedingAnExtraSkillWaitsForAnAgentWhoHasIt() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", "billing")
                .agent("1001", Map.of("billing", 1))
                .agent("1003", Map.of("billing", 3, "english", 1))
                .build();
        floor.at(0).loginReady("1001");
        EngineEvent e = new EngineEvent().callArrived(1000, 7, floor.queue("billing"), STANDARD, -1, -1,
                floor.engine.skillMask(List.of("english")), "13900000007", "2");
        floor.engine.onEvent(e);
        assertEquals(List.of(), floor.offers());
        floor.at(2).loginReady("1003");
        assertEquals("1003", floor.offeredTo(7));
    }
}
