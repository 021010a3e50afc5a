package acd.cti.task;

import acd.core.engine.CallView;
import acd.core.engine.DirectiveSink;
import acd.core.model.BusinessHours;
import acd.core.model.RoutingConfig;
import acd.ivr.task.ReplyTask;
import acd.ivr.task.ReplyTasks;
import acd.ivr.task.VoicemailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A callback the engine gave up (the customer did not answer its tries, or nobody was left to
 * take it) becomes a reply task, as a voicemail message does, but with no message: an agent
 * follows it up from the desk, due by the queue's reply-by time. The store is written off the
 * engine thread; a store that cannot be reached is logged with the caller's number, so nobody
 * is lost without a word.
 */
public final class CallbackFollowUps implements DirectiveSink {
    /** A task's message file when there is no message: a callback that did not reach its caller. */
    public static final String NO_MESSAGE = "";

    private static final Logger LOG = LoggerFactory.getLogger(CallbackFollowUps.class);

    private final RoutingConfig config;
    private final ReplyTasks tasks;
    private final Supplier<BusinessHours> hours;
    private final Executor blocking;

    public CallbackFollowUps(RoutingConfig config, ReplyTasks tasks, Supplier<BusinessHours> hours, Executor blocking) {
        this.config = config;
        this.tasks = tasks;
        this.hours = hours;
        this.blocking = blocking;
    }

    @Override
    public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
    }

    @Override
    public void followUpCallback(long timeMs, CallView call, int attempts) {
        // The view is the engine's and reused: copy what the task needs now.
        String callId = Long.toString(call.callId());
        String caller = String.valueOf(call.callerNumber());
        String queue = config.queues().get(call.queueIndex()).id();
        String tier = call.tierIndex() >= 0 ? config.tiers().get(call.tierIndex()).id() : null;
        String brand = call.brandIndex() >= 0 ? config.brands().get(call.brandIndex()).id() : null;
        blocking.execute(() -> {
            try {
                long dueMs = hours.get().replyDueMs(queue, timeMs);
                ReplyTask task = tasks.leave(new VoicemailMessage(callId, caller, queue, tier, brand, NO_MESSAGE,
                        timeMs, dueMs));
                LOG.info("callback of call {} to {} ({}) not reached in {} tries: reply task {} due at {}", callId,
                        caller, queue, attempts, task.id(), Instant.ofEpochMilli(dueMs));
            } catch (RuntimeException e) {
                LOG.error("callback of call {} to {} ({}) not reached in {} tries, and could not be made a reply task:"
                        + " call the customer back by hand: {}", callId, caller, queue, attempts, e.getMessage(), e);
            }
        });
    }
}
