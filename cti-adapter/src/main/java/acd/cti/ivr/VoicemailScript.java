package acd.cti.ivr;

import acd.cti.agi.AgiChannel;
import acd.cti.agi.AgiScript;
import acd.cti.agi.codec.AgiRequest;
import acd.core.model.BusinessHours;
import acd.ivr.customer.CallerNumbers;
import acd.ivr.customer.CustomerDirectory;
import acd.ivr.customer.CustomerProfile;
import acd.ivr.task.ReplyTask;
import acd.ivr.task.ReplyTasks;
import acd.ivr.task.VoicemailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code AGI(agi://acd/voicemail,<message file>,<VMSTATUS>,<call id>,<box>)}, run by the
 * dialplan as a voicemail call ends (the caller's hang-up included): the message becomes a
 * reply task, due by the reply-by time of its queue's next working day, with the caller's tier
 * and brand for the desk's order. The channel is usually gone by then, so everything comes in
 * the arguments and no command is sent.
 *
 * <p>A task that cannot be written (the store is down) is logged as an error naming the caller
 * and the message, which stays in the box: nothing pretends the message has an owner.
 */
public final class VoicemailScript implements AgiScript {
    private static final Logger LOG = LoggerFactory.getLogger(VoicemailScript.class);

    private final ReplyTasks tasks;
    private final CustomerDirectory directory;
    private final CallerNumbers callerNumbers;
    private final Supplier<BusinessHours> hours;
    private final Executor blocking;
    private final LongSupplier clockMs;

    /** @param blocking where the store is written, which may block */
    public VoicemailScript(ReplyTasks tasks, CustomerDirectory directory, CallerNumbers callerNumbers,
                           Supplier<BusinessHours> hours, Executor blocking, LongSupplier clockMs) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.callerNumbers = Objects.requireNonNull(callerNumbers, "callerNumbers");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
    }

    @Override
    public void start(AgiRequest request, AgiChannel channel) {
        List<String> args = request.arguments();
        String file = argument(args, 0);
        String status = argument(args, 1);
        String callId = argument(args, 2).isEmpty() ? request.uniqueId() : argument(args, 2);
        String box = argument(args, 3);
        String caller = callerNumbers.normalise(request.callerId());
        if (file.isEmpty() && "FAILED".equals(status)) {
            LOG.error("the voicemail message of caller {} (call {}, box {}) could not be saved; the caller was told",
                    caller, callId, box);
            channel.close();
            return;
        }
        if (file.isEmpty() || box.isEmpty()) {
            LOG.warn("voicemail report for call {} from {} names no {}; no reply task", callId, caller,
                    file.isEmpty() ? "message file" : "box");
            channel.close();
            return;
        }
        String queue = box.contains("@") ? box.substring(0, box.indexOf('@')) : box;
        CompletableFuture.runAsync(() -> leave(callId, caller, queue, file, status), blocking)
                .whenComplete((done, failure) -> channel.close());
    }

    private void leave(String callId, String caller, String queue, String file, String status) {
        long leftMs = clockMs.getAsLong();
        try {
            CustomerProfile profile = directory.find(caller);
            long dueMs = hours.get().replyDueMs(queue, leftMs);
            ReplyTask task = tasks.leave(new VoicemailMessage(callId, caller, queue, profile.tier(), profile.brand(),
                    file, leftMs, dueMs));
            LOG.info("voicemail from {} for {} ({}): reply task {} due at {}", caller, queue, status, task.id(),
                    java.time.Instant.ofEpochMilli(dueMs));
        } catch (RuntimeException e) {
            LOG.error("voicemail from {} for {} in {} could not be made a reply task; the message stays in the box: {}",
                    caller, queue, file, e.getMessage(), e);
        }
    }

    private static String argument(List<String> args, int i) {
        return i < args.size() && args.get(i) != null ? args.get(i).strip() : "";
    }
}
