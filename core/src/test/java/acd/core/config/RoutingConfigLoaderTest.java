package acd.core.config;

import acd.core.model.AgentSelection;
import acd.core.model.CallbackRules;
import acd.core.model.CallbackStrategy;
import acd.core.model.AgentSpec;
import acd.core.model.MaxWaitAction;
import acd.core.model.NoAgentsAction;
import acd.core.model.PeakRules;
import acd.core.model.QueueOrdering;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierRule;
import acd.core.model.TierSpec;
import acd.core.model.WideningStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingConfigLoaderTest {

    private static final String FILE = "config/routing.yaml";

    /** The smallest useful configuration; tests change one line of it and expect that line in the error. */
    private static final String BASE = """
            skills: [billing, broadband]
            seatGroups: [vip, general]
            tiers:
              - {id: gold, weight: 3}
              - {id: standard, weight: 1}
            queues:
              - id: billing
                requiredSkills: [billing]
            agents:
              - id: 1001
                skills: {billing: 1}
                groups: [vip]
            """;

    private static RoutingConfig load(String text) {
        return RoutingConfigLoader.parse(FILE, text);
    }

    private static ConfigError error(String text) {
        return assertThrows(ConfigError.class, () -> load(text));
    }

    private static String with(String line, String replacement) {
        assertTrue(BASE.contains(line), line);
        return BASE.replace(line, replacement);
    }

    private static void assertProblem(ConfigError e, int line, String reason) {
        assertEquals(FILE, e.source(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith(FILE + ":" + line + ":" + e.column() + ": " + reason), e.getMessage());
    }

    // --- the shipped files

    @Test
    void loadsTheShippedRoutingAndAgentsFiles() throws IOException {
        RoutingConfig config = RoutingConfigLoader.parse(List.of(
                new ConfigSource("config/routing.yaml", Files.readString(Path.of("../config/routing.yaml"))),
                new ConfigSource("config/agents.yaml", Files.readString(Path.of("../config/agents.yaml")))));

        assertEquals(List.of("supreme", "diamond", "gold", "silver", "standard"),
                config.tiers().stream().map(TierSpec::id).toList());
        assertEquals("至尊", config.tiers().get(0).label());
        assertEquals("standard", config.defaultTier());
        assertEquals(List.of("全球通", "动感地带", "神州行"), config.brands().stream().map(b -> b.label()).toList());
        assertTrue(config.queueIndex("vip") >= 0);
        assertTrue(config.queueIndex("general") >= 0);
        assertEquals(NoAgentsAction.OVERFLOW, config.queues().get(config.queueIndex("vip")).whenNoAgents());
        assertEquals("vip", config.tierRules().get(0).steps().get(0).seatGroups().get(0));
        assertTrue(config.tierRules().stream().anyMatch(r -> "gotone".equals(r.brand())));

        assertTrue(config.agents().size() > 20, "agents: " + config.agents().size());
        assertTrue(config.agents().stream().anyMatch(a -> a.skills().containsKey("english")));
        assertTrue(config.agents().stream().anyMatch(a -> a.seatGroups().contains("vip")));
        AgentSpec ranged = config.agents().get(config.agentIndex("2001"));
        assertEquals("PJSIP/2001", ranged.endpoint());
    }

    @Test
    void shippedRoutingFileNeedsTheAgentsFile() throws IOException {
        String routing = Files.readString(Path.of("../config/routing.yaml"));
        ConfigError e = assertThrows(ConfigError.class, () -> RoutingConfigLoader.parse("config/routing.yaml", routing));
        assertEquals("missing section 'agents'", e.reason());
        assertEquals(1, e.problems().size());
    }

    @Test
    void rejectsASectionOfTheWrongShape() {
        ConfigError e = error(with("queues:\n  - id: billing\n    requiredSkills: [billing]\n", "queues: billing\n"));
        assertProblem(e, 6, "queues must be a list, found 'billing'");
    }

    // --- defaults and expansion

    @Test
    void appliesDefaultsForEverythingLeftOut() {
        RoutingConfig config = load(BASE);

        assertEquals(QueueSpec.of("billing", List.of("billing")), config.queues().get(0));
        assertEquals(new TierSpec("gold", "gold", 3, 0), config.tiers().get(0));
        assertEquals("standard", config.defaultTier(), "the last tier");
        assertEquals(List.of(), config.brands());
        assertEquals(List.of(), config.notReadyReasons());
        assertEquals(List.of(), config.tierRules());
        assertEquals(RoutingConfig.DEFAULT_NO_ANSWER_LIMIT, config.noAnswerLimit());
        assertEquals(new AgentSpec("1001", "1001", "PJSIP/1001", Map.of("billing", 1), List.of("vip"),
                RoutingConfigLoader.DEFAULT_WRAP_UP_SECONDS), config.agents().get(0));
    }

    @Test
    void readsEveryQueueSetting() {
        RoutingConfig config = load(with("agents:", """
                  - id: vip
                    label: VIP专线
                    requiredSkills: [billing, broadband]
                    thresholdSeconds: 8
                    targetPercent: 95
                    shortAbandonSeconds: 3
                    ordering: STRICT
                    waitBoundSeconds: 0
                    agentSelection: best_proficiency
                    ringTimeoutSeconds: 12
                    maxWait: {seconds: 120, action: overflow, target: billing}
                    whenNoAgents: Overflow
                    accountManagerWaitSeconds: 30
                    announceEverySeconds: 0
                agents:"""));
        assertEquals(new QueueSpec("vip", "VIP专线", List.of("billing", "broadband"), 8, 95, 3, QueueOrdering.STRICT, 0,
                AgentSelection.BEST_PROFICIENCY, 12, 120, MaxWaitAction.OVERFLOW, "billing", NoAgentsAction.OVERFLOW, 30, 0,
                CallbackRules.NONE, PeakRules.NONE),
                config.queues().get(1));
    }

    @Test
    void acceptsChoicesInAnyCaseWithDashesOrUnderscores() {
        for (String spelling : List.of("round-robin", "ROUND_ROBIN", "Round-Robin", "round_robin")) {
            RoutingConfig config = load(with("requiredSkills: [billing]",
                    "requiredSkills: [billing]\n    agentSelection: " + spelling));
            assertEquals(AgentSelection.ROUND_ROBIN, config.queues().get(0).agentSelection(), spelling);
        }
    }

    @Test
    void takesNumericAgentIdsAsWritten() {
        RoutingConfig config = load(with("  - id: 1001\n", "  - id: 007\n"));
        assertEquals("007", config.agents().get(0).id());
        assertEquals("PJSIP/007", config.agents().get(0).endpoint());
    }

    @Test
    void expandsAnIdRangeIntoOneAgentPerNumberReplacingTheIdPlaceholder() {
        RoutingConfig config = load(BASE + """
                  - idRange: 2001-2040
                    name: "Seat {id}"
                    endpoint: "SIP/floor2/{id}"
                    skills: {billing: 2, broadband: 5}
                    groups: [general]
                    wrapUpSeconds: 20
                """);
        assertEquals(41, config.agents().size());
        AgentSpec first = config.agents().get(1);
        assertEquals(new AgentSpec("2001", "Seat 2001", "SIP/floor2/2001", Map.of("billing", 2, "broadband", 5),
                List.of("general"), 20), first);
        assertEquals("2040", config.agents().get(40).id());
        assertEquals("Seat 2040", config.agents().get(40).name());
    }

    @Test
    void keepsTheWidthOfAnIdRangeWithLeadingZeros() {
        RoutingConfig config = load(BASE + "  - {idRange: 0098-0101, skills: {billing: 1}}\n");
        assertEquals(List.of("1001", "0098", "0099", "0100", "0101"),
                config.agents().stream().map(AgentSpec::id).toList());
    }

    @Test
    void readsTierRulesWithWideningSteps() {
        RoutingConfig config = load(BASE + """
                brands: [{id: gotone, label: 全球通}]
                tierRules:
                  - name: gold-first
                    tier: gold
                    brand: gotone
                    queues: [billing]
                    steps:
                      - {afterSeconds: 0, groups: [vip]}
                      - {afterSeconds: 10, groups: [general]}
                      - {afterSeconds: 30, groups: any}
                  - name: everyone
                    steps: [{afterSeconds: 0, groups: any}]
                """);
        assertEquals(new TierRule("gold-first", "gold", "gotone", List.of("billing"), List.of(
                WideningStep.groups(0, "vip"), WideningStep.groups(10, "general"), WideningStep.anyGroup(30))),
                config.tierRules().get(0));
        assertEquals(new TierRule("everyone", null, null, List.of(), List.of(WideningStep.anyGroup(0))),
                config.tierRules().get(1));
    }

    // --- every kind of error, with file and line

    @Test
    void readsACallbackRuleWithItsDefaultsAndLeavesOtherQueuesWithoutOne() {
        RoutingConfig config = load(with("    requiredSkills: [billing]\n", """
                    requiredSkills: [billing]
                    callback: {offerAboveWaitSeconds: 90, strategy: customer-first}
                  - id: faults
                    requiredSkills: [broadband]
                """));
        assertEquals(new CallbackRules(90, CallbackStrategy.CUSTOMER_FIRST, CallbackRules.DEFAULT_ATTEMPTS,
                CallbackRules.DEFAULT_RETRY_AFTER_SECONDS, CallbackRules.DEFAULT_CUSTOMER_RING_SECONDS),
                config.queues().get(0).callback());
        assertEquals(CallbackRules.NONE, config.queues().get(1).callback());
        assertFalse(config.queues().get(1).callback().offered());
    }

    @Test
    void rejectsACallbackRuleThatCannotWorkWithFileAndLine() {
        assertProblem(error(with("    requiredSkills: [billing]\n",
                        "    requiredSkills: [billing]\n    callback: {strategy: seat-first}\n")), 9,
                "queue 'billing' callback: missing offerAboveWaitSeconds");
        assertProblem(error(with("    requiredSkills: [billing]\n", "    requiredSkills: [billing]\n"
                        + "    callback: {offerAboveWaitSeconds: 60, strategy: agent-first}\n")), 9,
                "queue 'billing' callback: unknown strategy 'agent-first'; expected one of seat-first, customer-first "
                        + "(did you mean 'seat-first'?)");
        assertProblem(error(with("    requiredSkills: [billing]\n", "    requiredSkills: [billing]\n"
                        + "    announceEverySeconds: 0\n    callback: {offerAboveWaitSeconds: 60}\n")), 10,
                "queue 'billing' callback: callbacks are offered in the announcements, but announceEverySeconds is 0");
    }

    @Test
    void rejectsUnknownSkillWithFileAndLine() {
        ConfigError e = error(with("requiredSkills: [billing]", "requiredSkills: [biling]"));
        assertProblem(e, 8, "queue 'billing' requires unknown skill 'biling' (did you mean 'billing'?)");
        assertEquals(22, e.column());
    }

    @Test
    void rejectsUnknownSkillOfAnAgent() {
        ConfigError e = error(with("skills: {billing: 1}", "skills: {billing: 1, mobile: 2}"));
        assertProblem(e, 11, "agent '1001' has unknown skill 'mobile'");
    }

    @Test
    void rejectsUnknownSeatGroupOfAnAgent() {
        ConfigError e = error(with("groups: [vip]", "groups: [vip, gottone]"));
        assertProblem(e, 12, "agent '1001' names unknown seat group 'gottone'");
    }

    @Test
    void rejectsUnknownTierBrandQueueAndSeatGroupInTierRules() {
        ConfigError e = error(BASE + """
                tierRules:
                  - name: r
                    tier: platinum
                    brand: gotone
                    queues: [billings]
                    steps: [{afterSeconds: 0, groups: [vipp]}]
                """);
        assertProblem(e, 15, "tier rule 'r' names unknown tier 'platinum'");
        assertEquals(List.of(
                "config/routing.yaml:15:11: tier rule 'r' names unknown tier 'platinum'",
                "config/routing.yaml:16:12: tier rule 'r' names unknown brand 'gotone'",
                "config/routing.yaml:17:14: tier rule 'r' names unknown queue 'billings' (did you mean 'billing'?)",
                "config/routing.yaml:18:40: tier rule 'r' step 1 names unknown seat group 'vipp' (did you mean 'vip'?)"),
                e.problems().stream().map(ConfigError.Problem::toString).toList());
    }

    @Test
    void rejectsUnknownDefaultTier() {
        ConfigError e = error(BASE + "defaultTier: normal\n");
        assertProblem(e, 13, "defaultTier names unknown tier 'normal'");
    }

    @Test
    void rejectsOverflowToUnknownQueue() {
        ConfigError e = error(with("requiredSkills: [billing]",
                "requiredSkills: [billing]\n    maxWait: {seconds: 60, action: overflow, target: general}"));
        assertProblem(e, 9, "queue 'billing' overflows to unknown queue 'general'");
    }

    @Test
    void rejectsAQueueOverflowingToItself() {
        ConfigError e = error(with("requiredSkills: [billing]",
                "requiredSkills: [billing]\n    maxWait: {seconds: 60, action: overflow, target: billing}"));
        assertProblem(e, 9, "queue 'billing' overflows to itself");
    }

    @Test
    void rejectsQueuesOverflowingInACircle() {
        ConfigError e = error(with("requiredSkills: [billing]", """
                requiredSkills: [billing]
                    maxWait: {seconds: 60, action: overflow, target: other}
                  - id: other
                    requiredSkills: [billing]
                    maxWait: {seconds: 60, action: overflow, target: billing}"""));
        assertProblem(e, 9, "queues overflow in a circle: billing -> other -> billing");
        assertEquals(1, e.problems().size());
    }

    @Test
    void readsAPeakModeWithItsAnnouncementAndShorterWait() {
        RoutingConfig config = load(with("requiredSkills: [billing]", """
                requiredSkills: [billing]
                    maxWait: {seconds: 300, action: overflow, target: other}
                    peak: {announcement: peak-busy, maxWait: {seconds: 120, action: overflow, target: other}}
                  - id: other
                    requiredSkills: [broadband]"""));
        assertEquals(new PeakRules("peak-busy", 120, MaxWaitAction.OVERFLOW, "other"), config.queues().get(0).peak());
        assertEquals(PeakRules.NONE, config.queues().get(1).peak());
    }

    @Test
    void rejectsAPeakModeThatWaitsLongerOrOverflowsNowhere() {
        ConfigError e = error(with("requiredSkills: [billing]", """
                requiredSkills: [billing]
                    maxWait: {seconds: 300, action: voicemail}
                    peak: {maxWait: {seconds: 300, action: overflow, target: nowhere}}"""));
        assertProblem(e, 10, "queue 'billing' peak maxWait: peak mode's longest wait (300 s) must be shorter than"
                + " the queue's own (300 s)");
        assertTrue(e.problems().stream().anyMatch(p -> p.reason().equals(
                "queue 'billing' overflows to unknown queue 'nowhere'")), e.getMessage());
        ConfigError missing = error(with("requiredSkills: [billing]", """
                requiredSkills: [billing]
                    peak: {announcement: peak-busy}"""));
        assertTrue(missing.getMessage().contains("maxWait"), missing.getMessage());
    }

    @Test
    void rejectsOverflowWithoutATarget() {
        ConfigError e = error(with("requiredSkills: [billing]",
                "requiredSkills: [billing]\n    maxWait: {seconds: 60, action: overflow}"));
        assertProblem(e, 9, "queue 'billing' maxWait: action overflow needs a target: the queue to overflow to");
    }

    @Test
    void rejectsOverflowWhenNoAgentsWithoutAMaxWaitTarget() {
        ConfigError e = error(with("requiredSkills: [billing]", "requiredSkills: [billing]\n    whenNoAgents: overflow"));
        assertProblem(e, 9, "queue 'billing': whenNoAgents overflow needs maxWait.target: the queue to overflow to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5"})
    void rejectsAThresholdThatIsNotPositive(String threshold) {
        ConfigError e = error(with("requiredSkills: [billing]",
                "requiredSkills: [billing]\n    thresholdSeconds: " + threshold));
        assertProblem(e, 9, "queue 'billing': thresholdSeconds must be greater than 0, found " + threshold);
    }

    @Test
    void rejectsATargetPercentOutsideOneToHundred() {
        ConfigError e = error(with("requiredSkills: [billing]", "requiredSkills: [billing]\n    targetPercent: 101"));
        assertProblem(e, 9, "queue 'billing': targetPercent must be between 1 and 100, found 101");
    }

    @Test
    void rejectsATierWeightThatIsNotPositive() {
        ConfigError e = error(with("{id: gold, weight: 3}", "{id: gold, weight: 0}"));
        assertProblem(e, 4, "tier 'gold': weight must be greater than 0, found 0");
    }

    @Test
    void rejectsTextWhereANumberIsExpected() {
        ConfigError e = error(with("requiredSkills: [billing]", "requiredSkills: [billing]\n    thresholdSeconds: ten"));
        assertProblem(e, 9, "queue 'billing': thresholdSeconds must be a whole number, found 'ten'");
    }

    @Test
    void rejectsAMapWhereAListIsExpected() {
        ConfigError e = error(with("requiredSkills: [billing]", "requiredSkills: {billing: 1}"));
        assertProblem(e, 8, "queue 'billing': requiredSkills must be a list, found a map");
    }

    @Test
    void rejectsAYesNoValueWhereANameIsExpected() {
        ConfigError e = error(with("skills: [billing, broadband]", "skills: [billing, broadband, true]"));
        assertProblem(e, 1,
                "each skill must be a name, found the yes/no value true; quote it (\"true\") to use it as a name");
    }

    @Test
    void rejectsAnUnknownChoiceListingTheValidOnes() {
        ConfigError e = error(with("requiredSkills: [billing]", "requiredSkills: [billing]\n    ordering: wieghted"));
        assertProblem(e, 9,
                "queue 'billing': unknown ordering 'wieghted'; expected one of weighted, strict, fifo (did you mean 'weighted'?)");
    }

    @Test
    void rejectsAnUnknownKeyNamingTheAllowedKeys() {
        ConfigError e = error(with("requiredSkills: [billing]", "requiredSkills: [billing]\n    tresholdSeconds: 10"));
        assertEquals(9, e.line());
        assertEquals(5, e.column());
        assertTrue(e.reason().startsWith("queue 'billing': unknown key 'tresholdSeconds'; expected one of id, label, "
                + "requiredSkills, thresholdSeconds,"), e.reason());
        assertTrue(e.reason().endsWith("(did you mean 'thresholdSeconds'?)"), e.reason());
    }

    @Test
    void rejectsAnUnknownSectionNamingTheExpectedOnes() {
        ConfigError e = error(BASE + "queus: []\n");
        assertProblem(e, 13, "unknown section 'queus'; expected one of skills, seatGroups, tiers, defaultTier, brands, "
                + "notReadyReasons, noAnswerLimit, queues, tierRules, agents (did you mean 'queues'?)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"skills", "tiers", "queues", "agents"})
    void rejectsAMissingRequiredSection(String section) {
        StringBuilder text = new StringBuilder();
        boolean skipping = false;
        for (String line : BASE.split("\n")) {
            if (!line.startsWith(" ")) {
                skipping = line.startsWith(section + ":");
            }
            if (!skipping) {
                text.append(line).append('\n');
            }
        }
        ConfigError e = error(text.toString());
        assertEquals(1, e.line());
        assertTrue(e.problems().stream().anyMatch(p -> p.reason().equals("missing section '" + section + "'")),
                e.getMessage());
    }

    @Test
    void rejectsUnparsableYamlWithTheParsersLocation() {
        ConfigError e = error(with("requiredSkills: [billing]", "requiredSkills: [billing"));
        assertEquals(FILE, e.source());
        assertEquals(9, e.line());
        assertTrue(e.reason().startsWith("invalid YAML: "), e.reason());
        assertEquals(1, e.problems().size(), "no follow-on errors from a file that could not be read");
    }

    @Test
    void rejectsDuplicateSkillsNamingTheFirstLine() {
        ConfigError e = error(with("skills: [billing, broadband]", "skills:\n  - billing\n  - broadband\n  - billing"));
        assertProblem(e, 4, "duplicate skill 'billing' (first at line 2)");
    }

    @Test
    void rejectsDuplicateSeatGroups() {
        ConfigError e = error(with("seatGroups: [vip, general]", "seatGroups: [vip, general, vip]"));
        assertProblem(e, 2, "duplicate seat group 'vip' (first at line 2)");
    }

    @Test
    void rejectsDuplicateTiersNamingTheFirstLine() {
        ConfigError e = error(with("{id: standard, weight: 1}", "{id: gold, weight: 1}"));
        assertProblem(e, 5, "duplicate tier 'gold' (first at line 4)");
    }

    @Test
    void rejectsDuplicateBrandsNamingTheFirstLine() {
        ConfigError e = error(BASE + "brands:\n  - {id: gotone}\n  - {id: gotone}\n");
        assertProblem(e, 15, "duplicate brand 'gotone' (first at line 14)");
    }

    @Test
    void rejectsDuplicateQueuesNamingTheFirstLine() {
        ConfigError e = error(with("requiredSkills: [billing]", "requiredSkills: [billing]\n  - id: billing\n"
                + "    requiredSkills: [broadband]"));
        assertProblem(e, 9, "duplicate queue 'billing' (first at line 7)");
    }

    @Test
    void rejectsDuplicateAgentsNamingTheFirstLine() {
        ConfigError e = error(BASE + "  - id: \"1001\"\n    skills: {billing: 2}\n");
        assertProblem(e, 13, "duplicate agent '1001' (first at line 10)");
    }

    @Test
    void rejectsAnIdRangeOverlappingAnotherAgentOnce() {
        ConfigError e = error(BASE + "  - idRange: 995-1005\n    skills: {billing: 2}\n");
        assertProblem(e, 13, "agents 995-1005 repeat agent '1001' (first at line 10)");
        assertEquals(1, e.problems().size());
    }

    @Test
    void rejectsAMalformedIdRange() {
        ConfigError e = error(BASE + "  - idRange: 2040-2001\n    skills: {billing: 2}\n");
        assertProblem(e, 13, "agents[1]: idRange must count upwards, found 2040-2001");
    }

    @Test
    void rejectsBothIdAndIdRange() {
        ConfigError e = error(with("  - id: 1001\n", "  - id: 1001\n    idRange: 1-2\n"));
        assertProblem(e, 11, "agent '1001': give either id or idRange, not both");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11})
    void rejectsAProficiencyOutsideOneToTen(int proficiency) {
        ConfigError e = error(with("skills: {billing: 1}", "skills: {billing: " + proficiency + "}"));
        assertProblem(e, 11, "agent '1001': proficiency of billing must be between 1 and 10, found " + proficiency);
    }

    @Test
    void rejectsMoreThan64Skills() {
        List<String> many = new ArrayList<>(List.of("billing", "broadband"));
        for (int i = 0; i < 63; i++) {
            many.add("s" + i);
        }
        ConfigError e = error(with("skills: [billing, broadband]", "skills: [" + String.join(", ", many) + "]"));
        assertProblem(e, 1, "too many skills: 65; at most 64");
    }

    @Test
    void rejectsMoreThan64SeatGroups() {
        List<String> many = new ArrayList<>(List.of("vip", "general"));
        for (int i = 0; i < 63; i++) {
            many.add("g" + i);
        }
        ConfigError e = error(with("seatGroups: [vip, general]", "seatGroups: [" + String.join(", ", many) + "]"));
        assertProblem(e, 2, "too many seatGroups: 65; at most 64");
    }

    @Test
    void rejectsAFirstStepThatIsNotAtZero() {
        ConfigError e = error(BASE + "tierRules:\n  - name: r\n    steps: [{afterSeconds: 5, groups: [vip]}]\n");
        assertProblem(e, 15, "tier rule 'r' step 1: the first step must be at afterSeconds 0, found 5");
    }

    @Test
    void rejectsStepsOutOfOrder() {
        ConfigError e = error(BASE + """
                tierRules:
                  - name: r
                    steps:
                      - {afterSeconds: 0, groups: [vip]}
                      - {afterSeconds: 30, groups: [general]}
                      - {afterSeconds: 30, groups: any}
                """);
        assertProblem(e, 18, "tier rule 'r' step 3: afterSeconds must be later than the step before (30), found 30");
    }

    @Test
    void collectsEveryProblemIntoOneError() {
        ConfigError e = error(BASE
                .replace("requiredSkills: [billing]", "requiredSkills: [biling]\n    ringTimeoutSeconds: 0")
                .replace("skills: {billing: 1}", "skills: {billing: 12}")
                + "noAnswerLimit: 0\n");
        assertEquals(List.of(8, 9, 12, 14), e.problems().stream().map(ConfigError.Problem::line).toList());
        assertTrue(e.getMessage().startsWith(
                "config/routing.yaml:8:22: queue 'billing' requires unknown skill 'biling' (did you mean 'billing'?) "
                        + "(and 3 more:\n  config/routing.yaml:9:25: queue 'billing': ringTimeoutSeconds must be greater than 0"),
                e.getMessage());
    }

    // --- several sources, and sections the caller owns

    private static final String ROUTING = """
            skills: [billing]
            tiers: [{id: standard, weight: 1}]
            queues: [{id: billing, requiredSkills: [billing]}]
            """;
    private static final String AGENTS = """
            agents:
              - {id: 1001, skills: {billing: 1}}
            """;

    @Test
    void mergesSectionsFromSeveralSources() {
        RoutingConfig config = RoutingConfigLoader.parse(List.of(
                new ConfigSource("config/routing.yaml", ROUTING), new ConfigSource("config/agents.yaml", AGENTS)));
        assertEquals(1, config.queues().size());
        assertEquals("1001", config.agents().get(0).id());
    }

    @Test
    void namesTheSourceAnErrorIsIn() {
        ConfigError e = assertThrows(ConfigError.class, () -> RoutingConfigLoader.parse(List.of(
                new ConfigSource("config/routing.yaml", ROUTING),
                new ConfigSource("config/agents.yaml", AGENTS.replace("billing: 1", "bill: 1")))));
        assertEquals("config/agents.yaml", e.source());
        assertEquals(2, e.line());
        assertEquals("agent '1001' has unknown skill 'bill' (did you mean 'billing'?)", e.reason());
    }

    @Test
    void rejectsASectionInTwoSourcesNamingBoth() {
        ConfigError e = assertThrows(ConfigError.class, () -> RoutingConfigLoader.parse(List.of(
                new ConfigSource("config/routing.yaml", ROUTING),
                new ConfigSource("config/agents.yaml", AGENTS + "skills: [mobile]\n"))));
        assertEquals("config/agents.yaml", e.source());
        assertEquals(3, e.line());
        assertEquals("section 'skills' appears in both config/routing.yaml (line 1) and config/agents.yaml (line 3)",
                e.reason());
    }

    @Test
    void reportsAMissingSectionNamingEverySourceLookedIn() {
        ConfigError e = assertThrows(ConfigError.class, () -> RoutingConfigLoader.parse(List.of(
                new ConfigSource("config/routing.yaml", ROUTING), new ConfigSource("config/agents.yaml", ""))));
        assertEquals("config/routing.yaml", e.source());
        assertEquals(1, e.line());
        assertEquals("missing section 'agents' (looked in config/routing.yaml, config/agents.yaml)", e.reason());
    }

    @Test
    void handsDeclaredExtraSectionsToTheCaller() {
        RoutingConfigLoader.Result result = RoutingConfigLoader.parseDocument("scenario.yaml",
                ROUTING + AGENTS + "traffic:\n  callsPerHour: 1200\n", Set.of("traffic"));
        assertEquals(1, result.config().queues().size());
        ConfigNode traffic = result.extraSection("traffic").orElseThrow();
        assertEquals(7, traffic.line());
        assertEquals(Set.of("traffic"), result.extraSections().keySet());
        ConfigNode rate = traffic.asMap().get("callsPerHour");
        assertEquals("1200", rate.asScalar().text());
        assertEquals("traffic.callsPerHour", rate.path());
        assertTrue(result.extraSection("absent").isEmpty());
    }

    @Test
    void rejectsAnExtraSectionTheCallerDidNotDeclare() {
        ConfigError e = assertThrows(ConfigError.class, () -> RoutingConfigLoader.parseDocument("scenario.yaml",
                ROUTING + AGENTS + "trafic: {}\n", Set.of("traffic")));
        assertEquals(6, e.line());
        assertTrue(e.reason().startsWith("unknown section 'trafic'; expected one of skills,"), e.reason());
        assertTrue(e.reason().endsWith("agents, traffic (did you mean 'traffic'?)"), e.reason());
    }

    @Test
    void rejectsAnExtraSectionNamedLikeARoutingSection() {
        assertThrows(IllegalArgumentException.class,
                () -> RoutingConfigLoader.parseDocument("s.yaml", ROUTING + AGENTS, Set.of("queues")));
    }

    @Test
    void leavesNoOverflowTargetWhenMaxWaitIsLeftOut() {
        QueueSpec q = load(BASE).queues().get(0);
        assertEquals(0, q.maxWaitSeconds());
        assertNull(q.overflowQueue());
    }
}
