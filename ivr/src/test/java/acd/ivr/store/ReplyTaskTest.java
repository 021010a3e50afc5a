package acd.ivr.store;

import acd.ivr.task.ReplyOutcome;
import acd.ivr.task.ReplyTask;
import acd.ivr.task.ReplyTaskException;
import acd.ivr.task.VoicemailMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@EnumSource(DatabaseKind.class)
class ReplyTaskTest extends StoreFixture {
    ReplyTaskTest(DatabaseKind kind) {
        super(kind);
    }

    static VoicemailMessage message(String callId, String number, long leftMs) {
        return new VoicemailMessage(callId, number, "general", "gold", "mzone",
                "/var/spool/asterisk/voicemail/acd/general/INBOX/msg0000", leftMs, leftMs + 10 * HOUR_MS);
    }

    JdbcReplyTasks tasks() {
        return store.replyTasks();
    }

    @Test
    void aMessageBecomesAnOpenTaskOnceEvenWhenReportedTwice() {
        ReplyTask task = tasks().leave(message("c-1", "13900000001", T0));
        assertTrue(task.isOpen());
        assertEquals(0, task.attempts());
        assertEquals(task, tasks().leave(message("c-1", "13900000001", T0 + 5)));
        assertEquals(List.of(task), tasks().open());
        assertEquals(message("c-1", "13900000001", T0), task.message());
    }

    @Test
    void openTasksComeOldestFirstAndSurviveARestart() {
        tasks().leave(message("c-2", "13900000002", T0 + MINUTE_MS));
        tasks().leave(message("c-1", "13900000001", T0));
        restart();
        assertEquals(List.of("c-1", "c-2"), tasks().open().stream().map(t -> t.message().callId()).toList());
    }

    @Test
    void anAgentTakesATaskAndOnlyThatAgentMayRecordItsOutcome() {
        long id = tasks().leave(message("c-1", "13900000001", T0)).id();
        ReplyTask taken = tasks().take(id, "1001", T0 + HOUR_MS);
        assertEquals("1001", taken.takenBy());
        assertEquals(taken, tasks().take(id, "1001", T0 + 2 * HOUR_MS), "taking one's own again changes nothing");

        ReplyTaskException other = assertThrows(ReplyTaskException.class, () -> tasks().take(id, "1002", T0));
        assertEquals("reply task " + id + " is taken by agent 1001", other.getMessage());
        ReplyTaskException notHis = assertThrows(ReplyTaskException.class,
                () -> tasks().record(id, "1002", ReplyOutcome.RESOLVED, T0));
        assertTrue(notHis.getMessage().contains("is taken by agent 1001; take it before recording an outcome"));
        assertTrue(tasks().task(id).orElseThrow().isOpen(), "nothing changed");
    }

    @Test
    void nobodyAnsweringLetsTheTaskGoForAnotherTryAndAnOutcomeClosesIt() {
        long id = tasks().leave(message("c-1", "13900000001", T0)).id();
        tasks().take(id, "1001", T0 + HOUR_MS);
        ReplyTask retry = tasks().record(id, "1001", ReplyOutcome.NOT_REACHED, T0 + HOUR_MS + MINUTE_MS);
        assertTrue(retry.isOpen());
        assertNull(retry.takenBy(), "free for whoever tries next");
        assertEquals(1, retry.attempts());
        assertEquals(ReplyOutcome.NOT_REACHED, retry.lastOutcome());

        tasks().take(id, "1002", T0 + 3 * HOUR_MS);
        ReplyTask done = tasks().record(id, "1002", ReplyOutcome.REACHED, T0 + 3 * HOUR_MS + MINUTE_MS);
        assertFalse(done.isOpen());
        assertEquals(2, done.attempts());
        assertEquals(List.of(), tasks().open());

        ReplyTaskException closed = assertThrows(ReplyTaskException.class, () -> tasks().take(id, "1001", T0));
        assertEquals("reply task " + id + " is closed (reached)", closed.getMessage());
        assertEquals(List.of("left", "taken", "not_reached", "taken", "reached"),
                tasks().steps(id).stream().map(JdbcReplyTasks.Step::step).toList());
        assertEquals("1002", tasks().steps(id).get(4).agent());
    }

    @Test
    void anUnknownTaskIsNamed() {
        ReplyTaskException e = assertThrows(ReplyTaskException.class, () -> tasks().take(999, "1001", T0));
        assertEquals("no reply task 999", e.getMessage());
    }

    @Test
    void aTaskIsOverdueOnlyWhileOpenAfterItsDueTime() {
        ReplyTask task = tasks().leave(message("c-1", "13900000001", T0));
        long due = task.message().dueMs();
        assertFalse(task.overdueAt(due));
        assertTrue(task.overdueAt(due + 1));
        tasks().take(task.id(), "1001", due + 2);
        assertFalse(tasks().record(task.id(), "1001", ReplyOutcome.RESOLVED, due + 3).overdueAt(due + 4));
    }
}
