package acd.ivr.task;

import java.util.List;
import java.util.Optional;

/**
 * The voicemail reply tasks. Every step is recorded with who took it and when. Each method may
 * throw {@link acd.ivr.selfservice.SelfServiceUnavailableException} when the store cannot be
 * reached, and then changes nothing.
 */
public interface ReplyTasks {

    /** The message as a task; a message already reported (the same call) keeps its task. */
    ReplyTask leave(VoicemailMessage message);

    /** Open tasks, oldest message first. */
    List<ReplyTask> open();

    Optional<ReplyTask> task(long id);

    /**
     * An agent takes a task to call back. Taking one's own task again is harmless.
     *
     * @throws ReplyTaskException for an unknown or closed task, or one another agent has taken
     */
    ReplyTask take(long id, String agent, long nowMs);

    /**
     * The outcome of a callback by the agent who has the task: {@link ReplyOutcome#NOT_REACHED}
     * counts the try and lets the task go for another; the others close it.
     *
     * @throws ReplyTaskException for an unknown or closed task, or one the agent has not taken
     */
    ReplyTask record(long id, String agent, ReplyOutcome outcome, long nowMs);
}
