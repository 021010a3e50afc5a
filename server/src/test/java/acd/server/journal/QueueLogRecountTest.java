package acd.server.journal;

import acd.core.metrics.TrafficField;
import acd.ivr.report.StoredInterval;
import acd.server.report.QueueLogAudit;
import acd.server.report.QueueLogFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counts recomputed from the queue_log alone are the board's, call for call: answers on
 * either side of the threshold by a fraction of a second, short and long abandons, an overflow,
 * a timeout and a refusal.
 */
class QueueLogRecountTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    @TempDir
    Path dir;

    @Test
    void theQueueLogRecountedDayByDayAndQueueByQueueIsTheBoardsCount() throws Exception {
        QueueLogFloor floor = new QueueLogFloor(dir);
        floor.at(0).login("1001").login("1002").ready("1001").ready("1002");
        // 10.2 s by the watch, but the clock read 100 then 111: over the 10 s threshold.
        floor.at(100.9).arrive(1, "c1", "general", "5550201");
        floor.dial("c1", "s1", "1001").at(111.1).answer(1, "1001");
        // 10.7 s by the watch, and the clock read 200 then 210: within it.
        floor.at(200.1).arrive(2, "c2", "general", "5550202");
        floor.dial("c2", "s2", "1002").at(210.8).answer(2, "1002");
        floor.at(230).hangUp(1, "c1", "s1").hangUp(2, "s2", "c2");
        // both seats busy again, then callers who give up: after 2.5 s (short), after 40 s
        floor.at(300).arrive(3, "c3", "general", "5550203");
        floor.dial("c3", "s3", "1001").at(301).answer(3, "1001");
        floor.at(302).arrive(4, "c4", "general", "5550204");
        floor.dial("c4", "s4", "1002").at(303).answer(4, "1002");
        floor.at(304).arrive(5, "c5", "general", "5550205").at(306.5).abandon(5);
        floor.at(310).arrive(6, "c6", "general", "5550206").at(350).abandon(6);
        // billing's 60 s limit moves a caller on to general; general's 600 s sends one to voicemail
        floor.at(400).arrive(7, "c7", "billing", "5550207");
        floor.at(500).arrive(8, "c8", "general", "5550208");
        floor.at(1101);
        // nobody who could take it: broadband refuses at once
        floor.at(1102).arrive(9, "c9", "broadband", "5550209");
        floor.at(1200).hangUp(3, "c3", "s3").hangUp(4, "c4", "s4");
        floor.at(1300);
        List<String> lines = floor.lines();

        QueueLogFigures recount = new QueueLogFigures(floor.config, SHANGHAI);
        for (int i = 0; i < lines.size(); i++) {
            recount.line(lines.get(i), "queue_log:" + (i + 1));
        }
        recount.finish();
        assertEquals(List.of(), recount.problems());

        List<StoredInterval> board = new ArrayList<>();
        floor.engine.board().forEachInterval((startMs, q, t, b, counts) -> board.add(new StoredInterval(startMs,
                floor.config.queues().get(q).id(), floor.config.tiers().get(t).id(), "", counts)));
        List<QueueLogAudit.Line> audit = QueueLogAudit.compare(recount.counts(),
                QueueLogAudit.byDayAndQueue(board, SHANGHAI));
        for (QueueLogAudit.Line line : audit) {
            assertTrue(line.agrees(), line.key() + ": " + line.differences());
        }
        LocalDate day = LocalDate.of(2026, 11, 23);
        long[] general = recount.counts().get(new QueueLogFigures.Key(day, "general"));
        assertEquals(8, general[TrafficField.OFFERED.ordinal()], "seven callers and the one moved on from billing");
        assertEquals(3, general[TrafficField.ANSWERED_WITHIN_10S.ordinal()], "c2, c3 and c4; c1 is 11 s by the clock");
        assertEquals(1, general[TrafficField.SHORT_ABANDONED.ordinal()]);
        assertEquals(2, general[TrafficField.ABANDONED.ordinal()]);
        assertEquals(2, general[TrafficField.TIMED_OUT.ordinal()], "c7 and c8 to voicemail after 600 s in general");
        long[] billing = recount.counts().get(new QueueLogFigures.Key(day, "billing"));
        assertEquals(1, billing[TrafficField.OVERFLOWED.ordinal()]);
        assertEquals(1, recount.counts().get(new QueueLogFigures.Key(day, "broadband"))[TrafficField.REFUSED.ordinal()]);
    }

    @Test
    void aLineThatCannotBeReadIsNamedByFileAndLineAndLeftOut() throws Exception {
        QueueLogFloor floor = new QueueLogFloor(dir);
        QueueLogFigures recount = new QueueLogFigures(floor.config, SHANGHAI);
        recount.line("1795443116|c1|general|NONE|ENTERQUEUE||5550201|1", "queue_log:1");
        recount.line("17954431x7|c2|general|NONE|ENTERQUEUE||5550202|1", "queue_log:2");
        recount.line("1795443118|c1|general|1001|CONNECT", "queue_log:3");
        recount.line("just some words", "queue_log:4");
        recount.line("1795443119|c9|general|NONE|ABANDON|1|1|3", "queue_log:5");
        recount.line("1795443120|c8|roaming|NONE|ENTERQUEUE||5550208|1", "queue_log:6");
        recount.finish();
        assertEquals(List.of(
                "queue_log:2: the time '17954431x7' is not epoch seconds",
                "queue_log:3: CONNECT without its numbers: 1795443118|c1|general|1001|CONNECT",
                "queue_log:4: not a queue_log line (time|callid|queue|agent|event|data...): just some words",
                "queue_log:5: ABANDON of call c9 with no ENTERQUEUE before it in this log",
                "queue_log:6: queue 'roaming' is not in the routing: its threshold and short-abandon time are unknown,"
                        + " so its calls are counted neither within the threshold nor as short abandons"),
                recount.problems());
        assertEquals(1, recount.counts().get(new QueueLogFigures.Key(LocalDate.of(2026, 11, 23), "general"))
                [TrafficField.OFFERED.ordinal()]);
    }
}
