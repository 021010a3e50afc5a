package acd.cti.seat;

import acd.cti.task.CallbackDialer;
import acd.cti.task.ReplyTaskDesk;
import acd.ivr.selfservice.SelfServiceUnavailableException;
import acd.ivr.task.ReplyOutcome;
import acd.ivr.task.ReplyTask;
import acd.ivr.task.ReplyTaskException;
import acd.ivr.task.ReplyTasks;
import acd.ivr.task.VoicemailMessage;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Desktops working voicemail reply tasks over the gateway: the list, a take, the seat-first calls, the outcome. */
class ReplyTaskRequestsTest {
    private static final long HOUR_MS = 3_600_000;

    /** Tasks in memory, with the store's rules; down on request. */
    private static final class MemoryTasks implements ReplyTasks {
        final Map<Long, ReplyTask> byId = new ConcurrentHashMap<>();
        volatile boolean down;

        private void check() {
            if (down) {
                throw new SelfServiceUnavailableException("database down", null);
            }
        }

        @Override
        public ReplyTask leave(VoicemailMessage message) {
            ReplyTask task = new ReplyTask(byId.size() + 1, message, null, 0, 0, null, 0);
            byId.put(task.id(), task);
            return task;
        }

        @Override
        public List<ReplyTask> open() {
            check();
            List<ReplyTask> open = new ArrayList<>(byId.values().stream().filter(ReplyTask::isOpen).toList());
            open.sort((a, b) -> Long.compare(a.message().leftMs(), b.message().leftMs()));
            return open;
        }

        @Override
        public Optional<ReplyTask> task(long id) {
            check();
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public ReplyTask take(long id, String agent, long nowMs) {
            check();
            ReplyTask t = openTask(id);
            if (t.takenBy() != null && !t.takenBy().equals(agent)) {
                throw new ReplyTaskException("reply task " + id + " is taken by agent " + t.takenBy());
            }
            ReplyTask taken = new ReplyTask(id, t.message(), agent, nowMs, t.attempts(), t.lastOutcome(), 0);
            byId.put(id, taken);
            return taken;
        }

        @Override
        public ReplyTask record(long id, String agent, ReplyOutcome outcome, long nowMs) {
            check();
            ReplyTask t = openTask(id);
            ReplyTask after = new ReplyTask(id, t.message(), outcome.closes() ? agent : null, t.takenMs(),
                    t.attempts() + 1, outcome, outcome.closes() ? nowMs : 0);
            byId.put(id, after);
            return after;
        }

        private ReplyTask openTask(long id) {
            ReplyTask t = byId.get(id);
            if (t == null) {
                throw new ReplyTaskException("no reply task " + id);
            }
            return t;
        }
    }

    private static final class RecordingDialer implements CallbackDialer {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public CompletionStage<Boolean> callBack(String seatEndpoint, String customerNumber, long taskId) {
            calls.add("callBack " + seatEndpoint + " " + customerNumber + " " + taskId);
            return CompletableFuture.completedFuture(true);
        }

        @Override
        public CompletionStage<Boolean> playMessage(String seatEndpoint, String messageFile, String callerNumber,
                                                    long taskId) {
            calls.add("playMessage " + seatEndpoint + " " + messageFile + " " + taskId);
            return CompletableFuture.completedFuture(true);
        }
    }

    private final SeatFloor floor;
    private final MemoryTasks tasks = new MemoryTasks();
    private final RecordingDialer dialer = new RecordingDialer();

    ReplyTaskRequestsTest() throws InterruptedException {
        floor = new SeatFloor(SeatFloor.fastSettings());
        long t0 = floor.clock.get();
        // a standard caller's message first, then a gold one's, already overdue
        tasks.leave(new VoicemailMessage("c1", "13800000001", "general", "standard", null, "/vm/msg0000",
                t0 - 20 * HOUR_MS, t0 + 10 * HOUR_MS));
        tasks.leave(new VoicemailMessage("c2", "13900000002", "general", "gold", "gotone", "/vm/msg0001",
                t0 - 10 * HOUR_MS, t0 - HOUR_MS));
        Map<String, String> endpoints = Map.of("1001", "PJSIP/1001", "1002", "PJSIP/1002");
        floor.gateway.useReplyTasks(new ReplyTaskDesk(tasks, dialer, endpoints::get,
                tier -> "gold".equals(tier) ? 3 : 1, Runnable::run, floor.clock::get));
    }

    @AfterEach
    void closeFloor() {
        floor.close();
    }

    @Test
    void agentsAndSupervisorsSeeTheTasksVipFirstWithWhatIsOverdue() {
        try (DeskClient agent = floor.agentDesk("1001"); DeskClient lead = floor.supervisorDesk("lead1")) {
            agent.send("{\"type\":\"tasks\"}");
            JsonNode list = agent.await("tasks").path("tasks");
            assertEquals(2, list.size());
            assertEquals("13900000002", list.get(0).path("callerNumber").asText(), "gold first though newer");
            assertTrue(list.get(0).path("overdue").asBoolean());
            assertEquals("gotone", list.get(0).path("brand").asText());
            assertTrue(list.get(1).path("takenBy").isNull());
            assertEquals(false, list.get(1).path("overdue").asBoolean());

            lead.send("{\"type\":\"tasks\"}");
            assertEquals(2, lead.await("tasks").path("tasks").size());
            lead.send("{\"type\":\"takeTask\",\"task\":1}");
            assertTrue(lead.awaitError("not_permitted").path("message").asText().contains("is an agent's"));
        }
    }

    @Test
    void anAgentTakesATaskHearsItCallsBackSeatFirstAndClosesItWithAnOutcome() {
        try (DeskClient agent = floor.agentDesk("1001")) {
            agent.awaitState("not-ready");
            agent.send("{\"type\":\"takeTask\",\"task\":2}");
            JsonNode taken = agent.next("task");
            assertEquals("takeTask", taken.path("action").asText());
            assertEquals("1001", taken.path("task").path("takenBy").asText());

            agent.send("{\"type\":\"playMessage\",\"task\":2}");
            assertEquals("playMessage", agent.next("task").path("action").asText());
            agent.send("{\"type\":\"callBack\",\"task\":2}");
            assertEquals("callBack", agent.next("task").path("action").asText());
            assertEquals(List.of("playMessage PJSIP/1001 /vm/msg0001 2", "callBack PJSIP/1001 13900000002 2"),
                    dialer.calls);

            agent.send("{\"type\":\"taskOutcome\",\"task\":2,\"outcome\":\"reached\"}");
            JsonNode closed = agent.next("task").path("task");
            assertEquals("reached", closed.path("lastOutcome").asText());
            assertEquals(1, closed.path("attempts").asInt());
            agent.send("{\"type\":\"tasks\"}");
            assertEquals(1, agent.next("tasks").path("tasks").size(), "the closed task has left the list");
        }
    }

    @Test
    void aReadyAgentAnotherAgentsTaskAndBadFieldsAreRefusedAndNothingIsDialled() {
        try (DeskClient other = floor.agentDesk("1002"); DeskClient agent = floor.readyAgentDesk("1001")) {
            other.send("{\"type\":\"takeTask\",\"task\":1}");
            other.await("task");

            agent.send("{\"type\":\"callBack\",\"task\":1}");
            assertTrue(agent.awaitError("not_permitted").path("message").asText()
                    .contains("set not ready first (the agent is ready)"));
            agent.send("{\"type\":\"takeTask\",\"task\":1}");
            assertEquals("reply task 1 is taken by agent 1002", agent.awaitError("task_refused").path("message").asText());
            agent.send("{\"type\":\"takeTask\",\"task\":99}");
            assertEquals("no reply task 99", agent.awaitError("task_refused").path("message").asText());
            agent.send("{\"type\":\"takeTask\",\"task\":\"one\"}");
            assertTrue(agent.awaitError("bad_field").path("message").asText().contains("a whole number >= 1"));
            agent.send("{\"type\":\"taskOutcome\",\"task\":1,\"outcome\":\"maybe\"}");
            assertTrue(agent.awaitError("bad_field").path("message").asText()
                    .contains("reached, not-reached or resolved"));
            assertEquals(List.of(), dialer.calls);
        }
    }

    @Test
    void aStoreThatIsDownIsSaidSoAndTheDesktopCarriesOn() {
        try (DeskClient agent = floor.agentDesk("1001")) {
            // the login's state message first, so that it cannot cross the answers
            agent.awaitState("not-ready");
            tasks.down = true;
            agent.send("{\"type\":\"tasks\"}");
            assertTrue(agent.awaitError("unavailable").path("message").asText().contains("nothing was changed"));
            tasks.down = false;
            agent.send("{\"type\":\"tasks\"}");
            assertEquals(2, agent.next("tasks").path("tasks").size());
        }
    }
}
