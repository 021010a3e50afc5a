package acd.server.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static acd.server.journal.QueueLogFloor.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripted calls through the real engine; the queue_log must read as Asterisk's own. */
class QueueLogJournalTest {
    @TempDir
    Path dir;

    @Test
    void aCallAnsweredAndEndedByTheCallerReadsLineForLineLikeTheSample() throws Exception {
        QueueLogFloor floor = new QueueLogFloor(dir);
        floor.at(0).login("1001").ready("1001");
        floor.at(0.2).arrive(1, "1795443115.1", "general", "5550200");
        floor.dial("1795443115.1", "1795443115.2", "1001");
        floor.at(0.6).answer(1, "1001");
        floor.at(5.4).hangUp(1, "1795443115.1", "1795443115.2");

        assertEquals(List.of(
                "1795443115|NONE|NONE|NONE|QUEUESTART|",
                "1795443115|NONE|NONE|1001|AGENTLOGIN|PJSIP/1001",
                "1795443115|NONE|general|1001|PAUSE|logged in",
                "1795443115|NONE|billing|1001|PAUSE|logged in",
                "1795443115|NONE|general|1001|UNPAUSE|",
                "1795443115|NONE|billing|1001|UNPAUSE|",
                // The sample's call 1795443115.1, field for field but for the queue and agent names.
                "1795443115|1795443115.1|general|NONE|ENTERQUEUE||5550200|1",
                "1795443115|1795443115.1|general|1001|CONNECT|0|1795443115.2|0",
                "1795443120|1795443115.1|general|1001|COMPLETECALLER|0|5|1"), floor.lines());
    }

    @Test
    void theSeatHangingUpFirstIsCompleteAgentWithHoldAndRingTimes() throws Exception {
        QueueLogFloor floor = new QueueLogFloor(dir);
        floor.at(0).login("1001").ready("1001");
        floor.at(0).arrive(1, "1795443115.1", "general", "5550200").dial("1795443115.1", "1795443115.2", "1001");
        floor.at(1).answer(1, "1001");
        floor.at(2).arrive(2, "1795443117.3", "general", "5550201");
        floor.at(30).hangUp(1, "1795443115.2", "1795443115.1");
        assertEquals(List.of("offer 1 to 1001", "offer 2 to 1001"), floor.flowDirectives);
        floor.dial("1795443117.3", "1795443145.4", "1001");
        floor.at(33).answer(2, "1001");
        floor.at(93).hangUp(2, "1795443117.3", "1795443145.4");

        List<String> lines = floor.lines();
        assertEquals(List.of(
                "1795443115|1795443115.1|general|NONE|ENTERQUEUE||5550200|1",
                "1795443116|1795443115.1|general|1001|CONNECT|1|1795443115.2|1",
                "1795443145|1795443115.1|general|1001|COMPLETEAGENT|1|29|1"), of(lines, "1795443115.1"));
        assertEquals(List.of(
                "1795443117|1795443117.3|general|NONE|ENTERQUEUE||5550201|1",
                "1795443148|1795443117.3|general|1001|CONNECT|31|1795443145.4|3",
                "1795443208|1795443117.3|general|1001|COMPLETECALLER|31|60|1"), of(lines, "1795443117.3"));
    }

    @Test
    void aSeatThatRingsOutThenACallerWhoHangsUpWhileTheNextRings() throws Exception {
        QueueLogFloor floor = new QueueLogFloor(dir);
        floor.at(0).login("1001").ready("1001").login("1002");
        floor.at(0.1).ready("1002");
        floor.at(1).arrive(1, "1795443116.8", "general", "5550201");
        floor.at(16).noAnswer(1, "1001");
        floor.at(19.493).abandon(1);

        assertEquals(List.of("offer 1 to 1001", "offer 1 to 1002"), floor.flowDirectives);
        assertEquals(List.of(
                "1795443116|1795443116.8|general|NONE|ENTERQUEUE||5550201|1",
                "1795443131|1795443116.8|general|1001|RINGNOANSWER|15000",
                "1795443134|1795443116.8|general|1002|RINGCANCELED|3493",
                "1795443134|1795443116.8|general|NONE|ABANDON|1|1|18"), of(floor.lines(), "1795443116.8"));
    }

    @Test
    void positionsCountTheCallersStillAheadInTheSameQueue() throws Exception {
        QueueLogFloor floor = new QueueLogFloor(dir);
        floor.at(0).login("1001");
        floor.at(1).arrive(1, "1795443116.1", "general", "5550201");
        floor.at(2).arrive(2, "1795443117.2", "general", "5550202");
        floor.at(3).arrive(3, "1795443118.3", "general", "5550203");
        floor.at(3).arrive(9, "1795443118.9", "billing", "5550209");
        floor.at(10).abandon(2);
        floor.at(12).abandon(3);
        floor.at(15).abandon(1);
        floor.at(16).arrive(4, "1795443131.4", "general", "5550204");

        List<String> lines = floor.lines();
        assertEquals(List.of(
                "1795443116|1795443116.1|general|NONE|ENTERQUEUE||5550201|1",
                "1795443130|1795443116.1|general|NONE|ABANDON|1|1|14"), of(lines, "1795443116.1"));
        assertEquals(List.of(
                "1795443117|1795443117.2|general|NONE|ENTERQUEUE||5550202|2",
                "1795443125|1795443117.2|general|NONE|ABANDON|2|2|8"), of(lines, "1795443117.2"));
        assertEquals(List.of(
                "1795443118|1795443118.3|general|NONE|ENTERQUEUE||5550203|3",
                "1795443127|1795443118.3|general|NONE|ABANDON|2|3|9"), of(lines, "1795443118.3"));
        assertEquals(List.of("1795443118|1795443118.9|billing|NONE|ENTERQUEUE||5550209|1"),
                of(lines, "1795443118.9"), "each queue counts its own line");
        assertEquals(List.of("1795443131|1795443131.4|general|NONE|ENTERQUEUE||5550204|1"),
                of(lines, "1795443131.4"));
    }

    @Test
    void theEnginesExitsAreExitEmptyAndExitWithTimeout() throws Exception {
        QueueLogFloor floor = new QueueLogFloor(dir);
        floor.at(0).login("1001");
        floor.at(1).arrive(1, "1795443116.1", "broadband", "5550201");
        floor.at(2).arrive(2, "1795443117.2", "general", "5550202");
        floor.at(602.5);

        List<String> lines = floor.lines();
        assertEquals(List.of(
                "1795443116|1795443116.1|broadband|NONE|ENTERQUEUE||5550201|1",
                "1795443116|1795443116.1|broadband|NONE|EXITEMPTY|1|1|0"), of(lines, "1795443116.1"),
                "nobody who could take it is logged in: refused at once");
        assertEquals(List.of(
                "1795443117|1795443117.2|general|NONE|ENTERQUEUE||5550202|1",
                "1795443717|1795443117.2|general|NONE|EXITWITHTIMEOUT|1|1|600"), of(lines, "1795443117.2"),
                "the queue's 600 s maximum sends it to voicemail");
        assertEquals(0, floor.journal.callsFollowed());
    }

    @Test
    void anOverflowLeavesTheOldQueueWithTimeoutAndEntersTheNewOne() throws Exception {
        QueueLogFloor floor = new QueueLogFloor(dir);
        floor.at(0).login("1001");
        floor.at(1).arrive(1, "1795443116.1", "general", "5550201");
        floor.at(2).arrive(2, "1795443117.2", "billing", "5550202");
        floor.at(62.5);
        floor.at(65).abandon(1);
        floor.at(70).ready("1001");
        floor.dial("1795443117.2", "1795443185.3", "1001");
        floor.at(72).answer(2, "1001");
        floor.at(80).hangUp(2, "1795443117.2", "1795443185.3");

        assertEquals(List.of(
                "1795443117|1795443117.2|billing|NONE|ENTERQUEUE||5550202|1",
                "1795443177|1795443117.2|billing|NONE|EXITWITHTIMEOUT|1|1|60",
                "1795443177|1795443117.2|general|NONE|ENTERQUEUE||5550202|2",
                "1795443187|1795443117.2|general|1001|CONNECT|10|1795443185.3|2",
                "1795443195|1795443117.2|general|1001|COMPLETECALLER|10|8|2"), of(floor.lines(), "1795443117.2"),
                "billing's 60 s maximum moves the caller on to general, behind the caller already there, "
                        + "whose place it keeps after that one hangs up");
    }

    @Test
    void agentsLogInPauseWithTheirReasonAndLogOff() throws Exception {
        QueueLogFloor floor = new QueueLogFloor(dir);
        floor.at(0).login("1001");
        floor.at(5).ready("1001");
        floor.at(65).notReady("1001", 1);
        floor.at(70).notReady("1001", 2).notReady("1001", 2);
        floor.at(125).logout("1001");
        floor.at(126).login("1002");

        List<String> lines = of(floor.lines(), null);
        assertEquals(List.of(
                "1795443115|NONE|NONE|NONE|QUEUESTART|",
                "1795443115|NONE|NONE|1001|AGENTLOGIN|PJSIP/1001",
                "1795443115|NONE|general|1001|PAUSE|logged in",
                "1795443115|NONE|billing|1001|PAUSE|logged in",
                "1795443120|NONE|general|1001|UNPAUSE|",
                "1795443120|NONE|billing|1001|UNPAUSE|",
                "1795443180|NONE|general|1001|PAUSE|break",
                "1795443180|NONE|billing|1001|PAUSE|break",
                "1795443185|NONE|general|1001|PAUSE|lunch",
                "1795443185|NONE|billing|1001|PAUSE|lunch",
                "1795443240|NONE|NONE|1001|AGENTLOGOFF|PJSIP/1001|125",
                "1795443241|NONE|NONE|1002|AGENTLOGIN|PJSIP/1002",
                "1795443241|NONE|general|1002|PAUSE|logged in"), lines);
    }

    @Test
    void aCallNoChannelWasNamedForIsLoggedUnderTheEnginesCallId() throws Exception {
        QueueLogFloor floor = new QueueLogFloor(dir);
        floor.at(0).login("1001");
        floor.engine.onEvent(new acd.core.engine.EngineEvent().callArrived(QueueLogFloor.T0_MS + 1000, 42,
                floor.engine.queueIndex("general"), 0, -1, -1, 0, "5550200", "1"));
        floor.at(3).abandon(42);
        assertEquals(List.of(
                "1795443116|42|general|NONE|ENTERQUEUE||5550200|1",
                "1795443118|42|general|NONE|ABANDON|1|1|2"), of(floor.lines(), "42"));
    }

    @Test
    void callerIdsCannotBreakTheLineAndKeepTheirUtf8() throws Exception {
        QueueLogFloor floor = new QueueLogFloor(dir);
        floor.at(0).login("1001");
        floor.at(1).arrive(1, "1795443116.1", "general", "王芳|5550\n200");
        assertEquals(List.of("1795443116|1795443116.1|general|NONE|ENTERQUEUE||王芳 5550 200|1"),
                of(floor.lines(), "1795443116.1"));
    }

    // ------------------------------------------------------------------ shapes

    /** The kind of each field: what a reporting tool's parser relies on. */
    static String shape(String line) {
        String[] fields = line.split("\\|", -1);
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            if (i == 4) {
                kinds.add(f);
            } else if (f.equals("NONE")) {
                kinds.add("NONE");
            } else if (i == 2 || i == 3) {
                kinds.add(f.isEmpty() ? "empty" : "name");
            } else if (f.isEmpty()) {
                kinds.add("empty");
            } else if (f.matches("\\d+\\.\\d+")) {
                kinds.add("uniqueid");
            } else if (f.matches("\\d+")) {
                kinds.add("number");
            } else {
                kinds.add("text");
            }
        }
        return String.join("|", kinds);
    }

    /** Shapes per event in Asterisk's own queue_log sample. */
    static Map<String, Set<String>> sampleShapes() throws Exception {
        Map<String, Set<String>> shapes = new LinkedHashMap<>();
        try (InputStream in = QueueLogJournalTest.class.getResourceAsStream("/asterisk/queue_log-sample.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    shapes.computeIfAbsent(line.split("\\|", -1)[4], e -> new LinkedHashSet<>()).add(shape(line));
                }
            }
        }
        return shapes;
    }

    /**
     * Events the sample has none of, in the form app_queue (and chan_agent for the log-ins)
     * writes them: PAUSE|reason, UNPAUSE|reason, AGENTLOGIN|channel, AGENTLOGOFF|channel|logintime,
     * EXITWITHTIMEOUT and EXITEMPTY as position|origposition|waittime.
     */
    private static final Map<String, Set<String>> ASTERISK_FORMATS = Map.of(
            "PAUSE", Set.of("number|NONE|name|name|PAUSE|text"),
            "UNPAUSE", Set.of("number|NONE|name|name|UNPAUSE|empty"),
            "AGENTLOGIN", Set.of("number|NONE|NONE|name|AGENTLOGIN|text"),
            "AGENTLOGOFF", Set.of("number|NONE|NONE|name|AGENTLOGOFF|text|number"),
            "EXITWITHTIMEOUT", Set.of("number|uniqueid|name|NONE|EXITWITHTIMEOUT|number|number|number"),
            "EXITEMPTY", Set.of("number|uniqueid|name|NONE|EXITEMPTY|number|number|number"));

    @Test
    void everyLineHasTheShapeAsteriskWritesForItsEvent() throws Exception {
        Map<String, Set<String>> expected = new LinkedHashMap<>(sampleShapes());
        assertEquals(Set.of("QUEUESTART", "ENTERQUEUE", "CONNECT", "COMPLETEAGENT", "COMPLETECALLER", "ABANDON",
                "RINGNOANSWER", "RINGCANCELED"), expected.keySet());
        expected.putAll(ASTERISK_FORMATS);

        QueueLogFloor floor = new QueueLogFloor(dir);
        floor.at(0).login("1001").ready("1001").login("1002");
        floor.at(0.1).ready("1002");
        floor.at(1).arrive(1, "1795443116.1", "general", "5550201").dial("1795443116.1", "1795443116.2", "1001");
        floor.at(2).answer(1, "1001");
        floor.at(3).arrive(2, "1795443118.3", "general", "5550202");
        floor.at(18).noAnswer(2, "1002");
        floor.at(19).abandon(2);
        floor.at(20).hangUp(1, "1795443116.2", "1795443116.1");
        floor.at(21).notReady("1001", 1).notReady("1002", 2);
        floor.at(22).arrive(3, "1795443137.5", "broadband", "sipp");
        floor.at(23).arrive(4, "1795443138.6", "billing", "5550204");
        floor.at(24).arrive(5, "1795443139.7", "general", "5550205");
        floor.at(25).ready("1002");
        floor.dial("1795443139.7", "1795443140.8", "1002");
        floor.at(26).answer(5, "1002");
        floor.at(90);
        floor.at(95).hangUp(5, "1795443139.7", "1795443140.8");
        floor.at(96).logout("1001");

        List<String> lines = floor.lines();
        Set<String> seen = new LinkedHashSet<>();
        for (String line : lines) {
            String event = line.split("\\|", -1)[4];
            seen.add(event);
            assertTrue(expected.containsKey(event), "unexpected event in " + line);
            assertTrue(expected.get(event).contains(shape(line)),
                    line + " has shape " + shape(line) + "; Asterisk writes " + expected.get(event));
        }
        assertEquals(expected.keySet(), seen, "every kind of event was written:\n" + String.join("\n", lines));
    }
}
