package acd.core.engine;

import acd.core.config.ConfigSource;
import acd.core.config.RoutingConfigLoader;
import acd.core.model.RoutingConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped routing, compiled once to indexes, masks and widening plans. */
class RoutingIndexTest {

    private static RoutingConfig shipped() throws Exception {
        return RoutingConfigLoader.parse(List.of(
                new ConfigSource("config/routing.yaml", Files.readString(Path.of("../config/routing.yaml"))),
                new ConfigSource("config/agents.yaml", Files.readString(Path.of("../config/agents.yaml")))));
    }

    @Test
    void aSupremeCallerInGeneralWidensFromVipSeatsToAnyoneAsTheRuleSays() throws Exception {
        RoutingConfig config = shipped();
        RoutingIndex index = new RoutingIndex(config);
        int route = index.routeIndex(config.queueIndex("general"), config.tierIndex("supreme"), -1);
        RoutingIndex.WideningPlan plan = index.plan(route);

        assertEquals("supreme-vip-first", plan.rule());
        assertArrayEquals(new long[]{0, 10_000, 30_000}, plan.afterMs());
        long vip = 1L << index.groupBit("vip");
        long general = 1L << index.groupBit("general");
        long gotone = 1L << index.groupBit("gotone");
        assertArrayEquals(new long[]{vip, vip | general | gotone, Eligibility.ANY_GROUP}, plan.groupsMask(),
                "steps add up, and any opens the call to every group");
    }

    @Test
    void aCallNoRuleMatchesMayGoToAnyAgentWithTheSkillsAtOnce() throws Exception {
        RoutingConfig config = shipped();
        RoutingIndex index = new RoutingIndex(config);
        int english = config.queueIndex("english");
        RoutingIndex.WideningPlan plan = index.plan(index.routeIndex(english, config.tierIndex("supreme"), -1));

        assertNull(plan.rule());
        assertArrayEquals(new long[]{0}, plan.afterMs());
        assertArrayEquals(new long[]{Eligibility.ANY_GROUP}, plan.groupsMask());
        assertEquals(index.skillMask(config.queues().get(english).requiredSkills(), "test"), index.queueSkills(english));
    }

    @Test
    void eachAgentsSkillsAreBitsWithTheirProficiency() throws Exception {
        RoutingConfig config = shipped();
        RoutingIndex index = new RoutingIndex(config);
        int agent = config.agentIndex("1001");
        var skills = config.agents().get(agent).skills();
        byte[] proficiency = index.agentProficiency(agent);
        for (var skill : skills.entrySet()) {
            int bit = index.skillBit(skill.getKey());
            assertTrue((index.agentSkills(agent) & (1L << bit)) != 0, skill.getKey());
            assertEquals(skill.getValue().intValue(), proficiency[bit], skill.getKey());
        }
        assertEquals(skills.size(), Long.bitCount(index.agentSkills(agent)));
    }

    @Test
    void aRuleNamingAnUnknownSeatGroupIsRefusedWithTheRuleNamed() throws Exception {
        RoutingConfig config = shipped();
        RoutingConfig broken = new RoutingConfig(config.skills(), List.of("vip"), config.tiers(), config.defaultTier(),
                config.brands(), config.notReadyReasons(), config.noAnswerLimit(), config.queues(),
                config.tierRules(), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RoutingIndex(broken));
        assertEquals("tier rule supreme-vip-first: unknown seat group 'general'", e.getMessage());
    }
}
