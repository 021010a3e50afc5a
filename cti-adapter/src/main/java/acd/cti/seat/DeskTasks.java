package acd.cti.seat;

import acd.core.engine.AgentState;
import acd.cti.seat.codec.SeatErrorCode;
import acd.cti.seat.codec.SeatNotice;
import acd.cti.seat.codec.SeatProtocolException;
import acd.cti.seat.codec.SeatRequest;
import acd.cti.seat.codec.SeatRequestDecoder;
import acd.cti.task.ReplyTaskDesk;
import acd.ivr.task.ReplyTask;
import acd.ivr.task.ReplyTaskException;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The voicemail reply task requests of one desktop: agents and supervisors see the list; an
 * agent takes a task, hears its message and calls back from the seat's phone, and records the
 * outcome. Answers come later (the store may block) and go to {@code reply} as a {@code tasks}
 * or {@code task} notice, or an error naming why nothing was done.
 */
final class DeskTasks {
    private DeskTasks() {
    }

    static boolean isTaskRequest(SeatRequest request) {
        return request instanceof SeatRequest.Tasks || request instanceof SeatRequest.TakeTask
                || request instanceof SeatRequest.PlayMessage || request instanceof SeatRequest.CallBack
                || request instanceof SeatRequest.TaskOutcome;
    }

    /**
     * @param agent      the desktop's agent id, or null for a supervisor
     * @param agentState the agent's state now (ignored for a supervisor)
     * @throws SeatProtocolException when the request is refused before it reaches the store
     */
    static void handle(ReplyTaskDesk desk, SeatRequest request, String agent, AgentState agentState,
                       Consumer<SeatNotice> reply) throws SeatProtocolException {
        if (desk == null) {
            throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED, "this server keeps no reply tasks");
        }
        if (request instanceof SeatRequest.Tasks) {
            answer(desk.open(), tasks -> new SeatNotice.Tasks(desk.nowMs(), rows(desk, tasks)), reply);
            return;
        }
        if (agent == null) {
            throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED,
                    "'" + request.type() + "' is an agent's; supervisors see the tasks with 'tasks'");
        }
        if (request instanceof SeatRequest.TakeTask t) {
            answer(desk.take(t.task(), agent), task -> changed(desk, request, task), reply);
        } else if (request instanceof SeatRequest.TaskOutcome t) {
            answer(desk.outcome(t.task(), agent, t.outcome()), task -> changed(desk, request, task), reply);
        } else {
            // the seat's phone rings: a ready agent could be offered a call on top of it
            if (agentState != AgentState.NOT_READY) {
                throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED, "'" + request.type()
                        + "' rings the seat's phone: set not ready first (the agent is "
                        + acd.cti.seat.codec.SeatNoticeEncoder.stateName(agentState) + ")");
            }
            CompletionStage<ReplyTask> dialled = request instanceof SeatRequest.CallBack c
                    ? desk.callBack(c.task(), agent) : desk.playMessage(((SeatRequest.PlayMessage) request).task(), agent);
            answer(dialled, task -> changed(desk, request, task), reply);
        }
    }

    private static SeatNotice changed(ReplyTaskDesk desk, SeatRequest request, ReplyTask task) {
        return new SeatNotice.Task(request.type(), row(task, desk.nowMs()));
    }

    private static <T> void answer(CompletionStage<T> step, java.util.function.Function<T, SeatNotice> notice,
                                   Consumer<SeatNotice> reply) {
        DeskAnswers.answer(step, notice, reply, "reply tasks", cause -> cause instanceof ReplyTaskException
                ? new SeatNotice.Error(SeatErrorCode.TASK_REFUSED, cause.getMessage()) : null);
    }

    private static List<SeatNotice.TaskRow> rows(ReplyTaskDesk desk, List<ReplyTask> tasks) {
        long now = desk.nowMs();
        return tasks.stream().map(t -> row(t, now)).toList();
    }

    static SeatNotice.TaskRow row(ReplyTask t, long nowMs) {
        return new SeatNotice.TaskRow(t.id(), t.message().callerNumber(), t.message().queue(), t.message().tier(),
                t.message().brand(), t.message().leftMs(), t.message().dueMs(), t.overdueAt(nowMs), t.takenBy(),
                t.attempts(), t.lastOutcome() == null ? null : SeatRequestDecoder.wireName(t.lastOutcome()));
    }
}
