package acd.core.engine;

import acd.core.model.TierRule;
import acd.core.model.WideningStep;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static acd.core.engine.CallCenterFloor.DIAMOND;
import static acd.core.engine.CallCenterFloor.GOTONE;
import static acd.core.engine.CallCenterFloor.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TierRuleTest {

    private static CallCenterFloor.Builder floor() {
        return CallCenterFloor.builder()
                .queue("billing", "billing")
                .agent("vip1", Map.of("billing", 1), "vip")
                .agent("gen1", Map.of("billing", 1), "general")
                .agent("got1", Map.of("billing", 1), "gotone");
    }

    private static final TierRule DIAMOND_TO_VIP_SEATS = new TierRule("diamond-vip", "diamond", null, List.of(),
            List.of(WideningStep.groups(0, "vip"), WideningStep.groups(10, "general"), WideningStep.anyGroup(30)));

    @Test
    void aDiamondCallIsOfferedOnlyToVipSeatsAtFirst() {
        CallCenterFloor floor = floor().rule(DIAMOND_TO_VIP_SEATS).build();
        floor.at(0).loginReady("gen1", "vip1");
        floor.at(1).call(1, "billing", DIAMOND);
        assertEquals("vip1", floor.offeredTo(1), "the general seat was idle longer, but the VIP seat comes first");
    }

    @Test
    void aDiamondCallWidensToGeneralSeatsAfterItsWaitAndNotBefore() {
        CallCenterFloor floor = floor().rule(DIAMOND_TO_VIP_SEATS).build();
        floor.at(0).loginReady("gen1", "got1");
        floor.at(0).call(1, "billing", DIAMOND);
        floor.at(9.5);
        assertNull(floor.offeredTo(1), "before 10 s only VIP seats may take it");
        floor.at(10.2);
        assertEquals("gen1", floor.offeredTo(1));
    }

    @Test
    void aDiamondCallReachesAnySeatAtTheLastStep() {
        CallCenterFloor floor = floor().rule(DIAMOND_TO_VIP_SEATS).build();
        floor.at(0).loginReady("got1");
        floor.at(0).call(1, "billing", DIAMOND);
        floor.at(29.5);
        assertNull(floor.offeredTo(1));
        floor.at(30.2);
        assertEquals("got1", floor.offeredTo(1));
    }

    @Test
    void callsWithoutARuleGoToAnySeat() {
        CallCenterFloor floor = floor().rule(DIAMOND_TO_VIP_SEATS).build();
        floor.at(0).loginReady("vip1");
        floor.at(1).call(1, "billing", STANDARD);
        assertEquals("vip1", floor.offeredTo(1));
    }

    @Test
    void aFreedVipSeatTakesTheDiamondCallBeforeAnOlderOrdinaryOne() {
        CallCenterFloor floor = floor().rule(DIAMOND_TO_VIP_SEATS).build();
        floor.at(0).loginReady("vip1").call(1, "billing", STANDARD).answer(1);
        floor.at(1).call(2, "billing", STANDARD);
        floor.at(2).call(3, "billing", DIAMOND);
        floor.at(3).hangUp(1);
        assertEquals("vip1", floor.offeredTo(3));
    }

    @Test
    void brandCallsGoToTheBrandsSeatsFirst() {
        TierRule gotoneSeats = new TierRule("gotone-seats", null, "gotone", List.of(),
                List.of(WideningStep.groups(0, "gotone"), WideningStep.anyGroup(15)));
        CallCenterFloor floor = floor().rule(gotoneSeats).build();
        floor.at(0).loginReady("gen1", "got1");
        floor.at(1).call(1, "billing", STANDARD, GOTONE, -1);
        assertEquals("got1", floor.offeredTo(1));
        floor.answer(1);
        floor.at(2).call(2, "billing", STANDARD, GOTONE, -1);
        floor.at(16);
        assertNull(floor.offeredTo(2), "15 s counts from arrival at 2 s");
        floor.at(17.2);
        assertEquals("gen1", floor.offeredTo(2));
    }

    @Test
    void theFirstMatchingRuleWins() {
        TierRule brandRule = new TierRule("gotone-seats", null, "gotone", List.of(),
                List.of(WideningStep.groups(0, "gotone")));
        CallCenterFloor floor = floor().rule(DIAMOND_TO_VIP_SEATS).rule(brandRule).build();
        floor.at(0).loginReady("got1", "vip1");
        floor.at(1).call(1, "billing", DIAMOND, GOTONE, -1);
        assertEquals("vip1", floor.offeredTo(1));
    }

    @Test
    void aRuleLimitedToOtherQueuesDoesNotApply() {
        TierRule otherQueue = new TierRule("broadband-vip", "diamond", null, List.of("broadband"),
                List.of(WideningStep.groups(0, "vip")));
        CallCenterFloor floor = floor().queue("broadband", "broadband").rule(otherQueue).build();
        floor.at(0).loginReady("gen1");
        floor.at(1).call(1, "billing", DIAMOND);
        assertEquals("gen1", floor.offeredTo(1));
    }
}
