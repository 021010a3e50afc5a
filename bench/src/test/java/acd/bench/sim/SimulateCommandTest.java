package acd.bench.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROW_FIELDS = List.of("queue", "tier", "offered", "answered", "abandoned",
            "service_level", "answer_rate", "asa_seconds", "p90_wait_seconds");

    /** What one run of the command left behind. */
    record Run(int exitCode, String out, String err) {
        List<JsonNode> jsonLines() throws Exception {
            List<JsonNode> rows = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
            return rows;
        }
    }

    static Run simulate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = SimulateCommand.run(args, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertUsageError(Run run, String mentions) {
        assertEquals(SimulateCommand.USAGE, run.exitCode(), run.err());
        assertEquals("", run.out());
        String message = run.err().strip();
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(message.startsWith("simulate: "), message);
        assertTrue(message.contains(mentions), message);
    }

    @Test
    void helpDescribesEveryFlag() {
        Run run = simulate("--help");
        assertEquals(SimulateCommand.OK, run.exitCode());
        for (String flag : List.of("--erlangs", "--arrival-rate", "--aht", "--agents", "--calls", "--threshold", "--seed",
                "--patience", "--scenario", "--ordering", "--json", "--help")) {
            assertTrue(run.out().contains(flag), flag);
        }
    }

    @Test
    void jsonModePrintsOneParsableLinePerQueueAndTier() throws Exception {
        Run run = simulate("--erlangs", "8", "--aht", "180", "--agents", "11", "--calls", "20000", "--json");
        assertEquals(SimulateCommand.OK, run.exitCode(), run.err());
        List<JsonNode> rows = run.jsonLines();
        assertEquals(2, rows.size(), run.out());
        for (JsonNode row : rows) {
            for (String field : ROW_FIELDS) {
                assertTrue(row.has(field), field + " in " + row);
            }
            assertEquals("general", row.get("queue").asText());
            assertEquals(19_600, row.get("offered").asLong(), "20000 calls less the 2% warm-up");
            assertEquals(row.get("offered").asLong(), row.get("answered").asLong());
            assertEquals(0, row.get("abandoned").asLong());
            double sl = row.get("service_level").asDouble();
            assertTrue(sl > 0.6 && sl < 0.95, "8 erlangs on 11 agents: about 79% within 10 s, found " + sl);
        }
        assertEquals("all", rows.get(0).get("tier").asText());
        assertEquals("standard", rows.get(1).get("tier").asText());
        assertTrue(run.err().contains("calls/s"), "the run's own wall time goes to stderr: " + run.err());
    }

    @Test
    void tableShowsEveryQueueAndTheRunsWallTime() {
        Run run = simulate("--arrival-rate", "0.05", "--aht", "180", "--agents", "12", "--calls", "10000",
                "--threshold", "20", "--seed", "7");
        assertEquals(SimulateCommand.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("general"), run.out());
        assertTrue(run.out().contains("9.00 erlangs"), "0.05 calls/s x 180 s: " + run.out());
        assertTrue(run.out().contains("seed 7"), run.out());
        assertTrue(run.out().matches("(?s).*simulated 10000 calls in [0-9.]+ s wall time: [0-9,]+ calls/s.*"), run.out());
    }

    @Test
    void theSameSeedPrintsTheSameFiguresAndAnotherSeedDoesNot() {
        String[] base = {"--erlangs", "9", "--aht", "120", "--agents", "10", "--calls", "20000", "--patience", "90",
                "--json"};
        Run first = simulate(base);
        Run again = simulate(base);
        Run other = simulate(concat(base, "--seed", "2"));
        assertEquals(first.out(), again.out());
        assertNotEquals(first.out(), other.out());
    }

    @Test
    void patienceMakesCallersHangUp() throws Exception {
        Run run = simulate("--erlangs", "12", "--aht", "180", "--agents", "12", "--calls", "20000", "--patience", "60",
                "--json");
        assertEquals(SimulateCommand.OK, run.exitCode(), run.err());
        JsonNode queue = run.jsonLines().get(0);
        assertTrue(queue.get("abandoned").asLong() > 0, queue.toString());
        assertEquals(queue.get("offered").asLong(), queue.get("answered").asLong() + queue.get("abandoned").asLong());
    }

    @Test
    void scenarioFileRunsWithItsOrderingOverridden() throws Exception {
        Run run = simulate("--scenario", ProjectFiles.scenario("vip.yaml").toString(), "--calls", "20000",
                "--ordering", "fifo", "--json");
        assertEquals(SimulateCommand.OK, run.exitCode(), run.err());
        List<JsonNode> rows = run.jsonLines();
        assertEquals(List.of("all", "vip", "standard"), rows.stream().map(r -> r.get("tier").asText()).toList());
        // first come first served: both tiers wait alike
        assertEquals(rows.get(1).get("service_level").asDouble(), rows.get(2).get("service_level").asDouble(), 0.03);
    }

    @Test
    void unknownFlagIsAUsageError() {
        assertUsageError(simulate("--erlangs", "8", "--agents", "10", "--speed", "fast"), "'--speed'");
    }

    @Test
    void badValuesAreUsageErrors() {
        assertUsageError(simulate("--erlangs", "eight", "--agents", "10"), "--erlangs must be a number");
        assertUsageError(simulate("--erlangs", "8", "--agents", "0"), "--agents must be between 1");
        assertUsageError(simulate("--erlangs", "8", "--agents", "10", "--calls", "1e5"), "--calls must be a whole number");
        assertUsageError(simulate("--erlangs", "8", "--agents", "10", "--ordering", "lifo"), "weighted, strict or fifo");
        assertUsageError(simulate("--erlangs", "8", "--agents", "10", "--patience", "-1"), "--patience");
        assertUsageError(simulate("--erlangs", "8", "--agents", "10", "--seed"), "--seed needs a value");
    }

    @Test
    void missingOrConflictingLoadIsAUsageError() {
        assertUsageError(simulate("--agents", "10"), "--erlangs or --arrival-rate is required");
        assertUsageError(simulate("--erlangs", "8"), "--agents is required");
        assertUsageError(simulate("--erlangs", "8", "--arrival-rate", "0.1", "--agents", "10"), "not both");
        assertUsageError(simulate("--scenario", "x.yaml", "--agents", "10"), "--agents");
    }

    @Test
    void aQueueThatCanNeverSettleIsRefusedUpFront() {
        assertUsageError(simulate("--erlangs", "10", "--agents", "10"), "never settles");
    }

    @Test
    void scenarioProblemsNameFileAndLine(@TempDir Path dir) throws Exception {
        assertUsageError(simulate("--scenario", dir.resolve("missing.yaml").toString()), "no such scenario file");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                skills: [general]
                tiers: [{id: standard, weight: 1}]
                queues: [{id: line, requiredSkills: [general]}]
                agents: [{id: 1, skills: {general: 1}}]
                traffic:
                  callsPerHour: 100
                  streams:
                    - {queue: lien}
                """);
        Run run = simulate("--scenario", bad.toString());
        assertEquals(SimulateCommand.USAGE, run.exitCode());
        assertTrue(run.err().contains(bad + ":8:"), run.err());
        assertTrue(run.err().contains("unknown queue 'lien'"), run.err());
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
