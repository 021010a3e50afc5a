package acd.cti.task;

import acd.ivr.task.ReplyOutcome;
import acd.ivr.task.ReplyTask;
import acd.ivr.task.ReplyTaskException;
import acd.ivr.task.ReplyTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The desk's side of the voicemail reply tasks: the list in the order agents work it, taking a
 * task, listening to its message and calling its caller back from the seat's phone, and its
 * outcome. The store may block, so every step runs on {@code blocking} and answers later; a step
 * that cannot be taken fails with a {@link ReplyTaskException} naming why, and changes nothing.
 */
public final class ReplyTaskDesk {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyTaskDesk.class);

    private final ReplyTasks tasks;
    private final CallbackDialer dialer;
    private final Function<String, String> seatEndpoint;
    private final ToDoubleFunction<String> tierWeight;
    private final Executor blocking;
    private final LongSupplier clockMs;
    private volatile TaskFigures figures = TaskFigures.NONE;

    /**
     * @param seatEndpoint where an agent's phone rings ({@code PJSIP/1001}), null for an unknown agent
     * @param tierWeight   how much a tier counts in line; heavier tiers' messages come first
     */
    public ReplyTaskDesk(ReplyTasks tasks, CallbackDialer dialer, Function<String, String> seatEndpoint,
                         ToDoubleFunction<String> tierWeight, Executor blocking, LongSupplier clockMs) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialer = Objects.requireNonNull(dialer, "dialer");
        this.seatEndpoint = Objects.requireNonNull(seatEndpoint, "seatEndpoint");
        this.tierWeight = Objects.requireNonNull(tierWeight, "tierWeight");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
    }

    public long nowMs() {
        return clockMs.getAsLong();
    }

    /** The latest count of open and overdue tasks ({@link #countTasks()} keeps it fresh). */
    public TaskFigures figures() {
        return figures;
    }

    /**
     * Counts the open and overdue tasks; blocks on the store, so run it off any event loop. A
     * store that does not answer keeps the last count, marked unavailable.
     */
    public TaskFigures countTasks() {
        long now = clockMs.getAsLong();
        try {
            List<ReplyTask> open = tasks.open();
            long overdue = open.stream().filter(t -> t.overdueAt(now)).count();
            figures = new TaskFigures(open.size(), overdue, now, true);
        } catch (RuntimeException e) {
            TaskFigures last = figures;
            figures = new TaskFigures(last.open(), last.overdue(), last.timeMs(), false);
            LOG.debug("reply tasks not counted: {}", e.getMessage());
        }
        return figures;
    }

    /** Open tasks as agents work them: the highest tier first (VIPs), then the oldest message. */
    public CompletionStage<List<ReplyTask>> open() {
        return CompletableFuture.supplyAsync(() -> {
            List<ReplyTask> open = new ArrayList<>(tasks.open());
            open.sort(Comparator.comparingDouble((ReplyTask t) -> -weight(t.message().tier()))
                    .thenComparingLong(t -> t.message().leftMs())
                    .thenComparingLong(ReplyTask::id));
            return open;
        }, blocking);
    }

    private double weight(String tier) {
        return tier == null ? 0 : tierWeight.applyAsDouble(tier);
    }

    public CompletionStage<ReplyTask> take(long id, String agent) {
        return CompletableFuture.supplyAsync(() -> tasks.take(id, agent, clockMs.getAsLong()), blocking);
    }

    public CompletionStage<ReplyTask> outcome(long id, String agent, ReplyOutcome outcome) {
        return CompletableFuture.supplyAsync(() -> tasks.record(id, agent, outcome, clockMs.getAsLong()), blocking);
    }

    /** Rings the agent's seat, then the caller who left the message; the agent must have the task. */
    public CompletionStage<ReplyTask> callBack(long id, String agent) {
        return dial(id, agent, "call back", (endpoint, task) ->
                dialer.callBack(endpoint, task.message().callerNumber(), task.id()));
    }

    /** Rings the agent's seat and plays the message; the agent must have the task. */
    public CompletionStage<ReplyTask> playMessage(long id, String agent) {
        return dial(id, agent, "play the message of", (endpoint, task) -> {
            if (task.message().messageFile().equals(CallbackFollowUps.NO_MESSAGE)) {
                throw new ReplyTaskException("reply task " + id + " has no message: it is a callback that did not "
                        + "reach its caller");
            }
            return dialer.playMessage(endpoint, task.message().messageFile(), task.message().callerNumber(),
                    task.id());
        });
    }

    private interface Dial {
        CompletionStage<Boolean> start(String endpoint, ReplyTask task);
    }

    /** A task the agent may dial for, and the agent's phone. */
    private record Dialable(ReplyTask task, String endpoint) {
    }

    private CompletionStage<ReplyTask> dial(long id, String agent, String what, Dial dial) {
        return CompletableFuture.supplyAsync(() -> {
            ReplyTask task = tasks.task(id).orElseThrow(() -> new ReplyTaskException("no reply task " + id));
            if (!task.isOpen()) {
                throw new ReplyTaskException("reply task " + id + " is closed");
            }
            if (!agent.equals(task.takenBy())) {
                throw new ReplyTaskException("reply task " + id + (task.takenBy() == null ? " is not taken"
                        : " is taken by agent " + task.takenBy()) + "; take it first");
            }
            String endpoint = seatEndpoint.apply(agent);
            if (endpoint == null) {
                throw new ReplyTaskException("agent " + agent + " has no seat phone");
            }
            return new Dialable(task, endpoint);
        }, blocking).thenCompose(found -> {
            ReplyTask task = found.task();
            String endpoint = found.endpoint();
            return dial.start(endpoint, task).thenApply(sent -> {
                if (!sent) {
                    throw new ReplyTaskException("the phone system did not take the call to " + endpoint
                            + "; try again");
                }
                LOG.info("agent {} asked to {} reply task {} from {}", agent, what, id, endpoint);
                return task;
            });
        });
    }
}
