package acd.server.record;

import acd.core.config.ConfigSource;
import acd.core.engine.EngineEvent;
import acd.core.engine.EventType;
import acd.core.record.EventCodec;
import acd.core.record.RecordingHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingFileTest {
    private static final RecordingHeader HEADER = new RecordingHeader(1_000,
            List.of(new ConfigSource("routing.yaml", "queues: []\n")));

    @TempDir
    Path dir;

    private Path recordThreeCalls() throws IOException {
        Path file = dir.resolve("day.rec");
        try (EngineRecorder recorder = EngineRecorder.open(file, HEADER)) {
            EngineEvent event = new EngineEvent();
            for (int call = 1; call <= 3; call++) {
                recorder.input(event.callArrived(1_000 + call, call, 0, 0, -1, -1, 0, "555020" + call, "1", "1." + call));
                recorder.directive("100" + call + " offer call=" + call + " agent=0 ring=15000");
            }
            assertNull(recorder.failure());
        }
        return file;
    }

    private static List<String> read(RecordingReader reader) throws IOException {
        List<String> out = new ArrayList<>();
        while (reader.next()) {
            if (reader.isInput()) {
                EngineEvent e = EventCodec.decode(reader.payload(), new EngineEvent());
                out.add(e.type + " " + e.callId + " " + e.channelId);
            } else {
                out.add(StandardCharsets.UTF_8.decode(reader.payload()).toString());
            }
        }
        return out;
    }

    @Test
    void inputsAndTheirDirectivesReadBackInTheOrderTheEngineWroteThem() throws IOException {
        try (RecordingReader reader = RecordingReader.open(recordThreeCalls())) {
            assertEquals(HEADER, reader.header());
            assertEquals(List.of("CALL_ARRIVED 1 1.1", "1001 offer call=1 agent=0 ring=15000",
                    "CALL_ARRIVED 2 1.2", "1002 offer call=2 agent=0 ring=15000",
                    "CALL_ARRIVED 3 1.3", "1003 offer call=3 agent=0 ring=15000"), read(reader));
            assertFalse(reader.cutShort());
        }
    }

    @Test
    void aRecordingCutShortByAKillEndsAtItsLastWholeRecord() throws IOException {
        Path file = recordThreeCalls();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
        try (RecordingReader reader = RecordingReader.open(file)) {
            List<String> records = read(reader);
            assertEquals(5, records.size());
            assertTrue(reader.cutShort());
        }
    }

    @Test
    void aFileThatIsNotARecordingOrIsDamagedSaysSoAndWhere() throws IOException {
        Path text = dir.resolve("queue_log");
        Files.writeString(text, "1795443115|NONE|NONE|NONE|QUEUESTART|\n");
        IOException notOne = assertThrows(IOException.class, () -> RecordingReader.open(text));
        assertTrue(notOne.getMessage().contains("is not an engine recording"), notOne.getMessage());

        Path file = recordThreeCalls();
        byte[] bytes = Files.readAllBytes(file);
        int headerEnd = 12 + HEADER.encode().length;
        bytes[headerEnd + 4] = 7;
        Files.write(file, bytes);
        try (RecordingReader reader = RecordingReader.open(file)) {
            IOException damaged = assertThrows(IOException.class, reader::next);
            assertTrue(damaged.getMessage().contains("record 1 is damaged (kind 7"), damaged.getMessage());
        }
    }

    @Test
    void aRecordingThatCannotBeCreatedStopsTheStartNamingTheFile() {
        Path nowhere = dir.resolve("no-such-dir").resolve("day.rec");
        IOException e = assertThrows(IOException.class, () -> EngineRecorder.open(nowhere, HEADER));
        assertTrue(e.getMessage().startsWith("cannot record to " + nowhere.toAbsolutePath()), e.getMessage());
    }

    @Test
    void aDifferentDecisionIsReportedAtTheFirstDirectiveThatDiffers() throws Exception {
        // A recording whose directives no engine on these routing files would give.
        Path file = dir.resolve("odd.rec");
        RecordingHeader header = new RecordingHeader(1_000, List.of(new ConfigSource("routing.yaml", """
                skills: [general]
                tiers:
                  - {id: standard, weight: 1}
                queues:
                  - {id: general, requiredSkills: [general]}
                agents:
                  - {id: "1001", skills: {general: 1}}
                """)));
        try (EngineRecorder recorder = EngineRecorder.open(file, header)) {
            EngineEvent event = new EngineEvent();
            recorder.input(event.agentEvent(EventType.AGENT_LOGGED_IN, 1_001, 0, 0));
            recorder.input(event.agentEvent(EventType.AGENT_READY, 1_002, 0, 0));
            recorder.input(event.callArrived(1_003, 1, 0, -1, -1, -1, 0, "5550201", "1", "1.1"));
            recorder.directive("1003 offer call=1 agent=0 ring=99");
        }
        Replay.Result result = Replay.run(file, dir.resolve("out"), 0);
        assertFalse(result.identical());
        assertTrue(result.divergence().startsWith("directive 1: recorded '1003 offer call=1 agent=0 ring=99', "
                + "replayed '1003 offer call=1 agent=0 ring="), result.divergence());
    }
}
