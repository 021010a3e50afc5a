package acd.bench.sim;

import acd.core.config.ConfigError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioFileTest {
    private static final String FLOOR = """
            skills: [general, english]
            tiers:
              - {id: gold, weight: 3, offsetSeconds: 10}
              - {id: standard, weight: 1}
            brands: [{id: gotone}]
            queues:
              - {id: line, requiredSkills: [general]}
              - {id: english, requiredSkills: [english]}
            agents:
              - {id: 1001, skills: {general: 1, english: 1}}
              - {idRange: 2001-2009, skills: {general: 2}}
            """;

    private static Scenario parse(String traffic) {
        return ScenarioFile.parse("day.yaml", FLOOR + traffic);
    }

    private static ConfigError problem(String traffic) {
        return assertThrows(ConfigError.class, () -> parse(traffic));
    }

    @Test
    void aTotalLoadIsSplitByShare() {
        Scenario s = parse("""
                traffic:
                  offeredErlangs: 6
                  ahtSeconds: 200
                  streams:
                    - {queue: line, tier: gold, share: 1, ahtSeconds: 100}
                    - {queue: line, share: 3, patienceSeconds: 90}
                """);
        Traffic t = s.traffic();
        assertEquals(175, t.meanAhtSeconds(), 1e-9);
        assertEquals(6 / 175.0, t.arrivalsPerSecond(), 1e-12);
        assertEquals(6, t.offeredErlangs(), 1e-9);
        CallerStream gold = t.streams().get(0);
        assertEquals("gold", gold.tier());
        assertEquals(0, gold.patienceSeconds());
        CallerStream plain = t.streams().get(1);
        assertNull(plain.tier(), "the configuration's default tier");
        assertEquals(90, plain.patienceSeconds());
        assertEquals(Traffic.DEFAULT_CALLS, t.calls());
        assertEquals(Traffic.defaultWarmUp(Traffic.DEFAULT_CALLS), t.warmUpCalls());
    }

    @Test
    void streamsWithoutATotalBringTheirOwnRates() {
        Scenario s = parse("""
                traffic:
                  calls: 5000
                  warmUpCalls: 100
                  seed: 42
                  handleTime: log-normal
                  handleTimeCv: 0.7
                  ringDelaySeconds: 4
                  noAnswerProbability: 0.05
                  streams:
                    - {queue: line, brand: gotone, accountManager: 1001, callsPerHour: 300}
                    - {queue: english, callsPerHour: 60}
                    - {queue: line, extraSkills: [english], callsPerHour: 0.5}
                """);
        Traffic t = s.traffic();
        assertEquals(360.5 / 3600, t.arrivalsPerSecond(), 1e-12);
        assertEquals(5000, t.calls());
        assertEquals(100, t.warmUpCalls());
        assertEquals(42, t.seed());
        assertEquals(Traffic.HandleTime.LOG_NORMAL, t.handleTime());
        assertEquals(0.7, t.handleTimeCv());
        assertEquals(4, t.ringDelaySeconds());
        assertEquals(0.05, t.noAnswerProbability());
        assertEquals("1001", t.streams().get(0).accountManager());
        assertEquals(List.of("english"), t.streams().get(2).extraSkills());
    }

    @Test
    void namesTheStreamsCannotUseAreReportedWhereTheyAreWritten() {
        ConfigError e = problem("""
                traffic:
                  callsPerHour: 100
                  streams:
                    - {queue: lien}
                    - {queue: line, tier: platinum, brand: mzone}
                    - {queue: line, accountManager: 9999, extraSkills: [french]}
                """);
        List<String> reasons = e.problems().stream().map(p -> p.line() + ": " + p.reason()).toList();
        assertEquals(5, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("15: ") && reasons.get(0).contains("unknown queue 'lien'"), reasons.toString());
        assertTrue(reasons.get(1).startsWith("16: ") && reasons.get(1).contains("unknown tier 'platinum'"), reasons.toString());
        assertTrue(reasons.get(2).startsWith("16: ") && reasons.get(2).contains("unknown brand 'mzone'"), reasons.toString());
        assertTrue(reasons.get(3).startsWith("17: ") && reasons.get(3).contains("'9999' is not an agent"), reasons.toString());
        assertTrue(reasons.get(4).startsWith("17: ") && reasons.get(4).contains("unknown skill 'french'"), reasons.toString());
        assertEquals("day.yaml", e.source());
    }

    @Test
    void theLoadMustBeGivenOnceAndOneWay() {
        assertTrue(problem("""
                traffic:
                  offeredErlangs: 5
                  callsPerHour: 100
                  streams: [{queue: line}]
                """).getMessage().contains("not both offeredErlangs and callsPerHour"));
        assertTrue(problem("""
                traffic:
                  streams: [{queue: line, share: 2}]
                """).getMessage().contains("share needs a total load"));
        assertTrue(problem("""
                traffic:
                  callsPerHour: 100
                  streams: [{queue: line, callsPerHour: 10}]
                """).getMessage().contains("give share instead"));
        assertTrue(problem("""
                traffic:
                  streams: [{queue: line}]
                """).getMessage().contains("missing callsPerHour"));
    }

    @Test
    void badTrafficSettingsAreReportedWithLineAndColumn() {
        ConfigError e = problem("""
                traffic:
                  calls: 0
                  noAnswerProbability: 1.5
                  handleTime: gamma
                  ringDelay: 3
                  streams: []
                """);
        List<String> where = e.problems().stream().map(p -> p.line() + ":" + p.column()).toList();
        assertEquals(List.of("13:10", "14:24", "15:15", "16:3", "17:12"), where, e.getMessage());
        assertTrue(e.getMessage().contains("did you mean"), "a typo gets a suggestion: " + e.getMessage());
    }

    @Test
    void aScenarioNeedsATrafficSection() {
        ConfigError e = assertThrows(ConfigError.class, () -> ScenarioFile.parse("floor.yaml", FLOOR));
        assertTrue(e.getMessage().startsWith("floor.yaml:1:1: missing section 'traffic'"), e.getMessage());
    }

    @Test
    void routingMistakesAreTheLoadersToReport() {
        ConfigError e = assertThrows(ConfigError.class, () -> ScenarioFile.parse("x.yaml",
                FLOOR.replace("requiredSkills: [general]}", "requiredSkills: [genral]}") + """
                        traffic:
                          callsPerHour: 10
                          streams: [{queue: line}]
                        """));
        assertEquals(7, e.line(), e.getMessage());
    }

    @Test
    void theShippedScenariosLoad() throws Exception {
        for (String name : List.of("vip.yaml", "hotline-day.yaml")) {
            Scenario s = ScenarioFile.load(ProjectFiles.scenario(name));
            assertTrue(s.config().agents().size() > 100, name);
            assertTrue(s.traffic().arrivalsPerSecond() > 0, name);
        }
    }
}
