package acd.ivr.task;

/** A step on a task that cannot be taken: it names the task and why, and nothing was changed. */
public final class ReplyTaskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReplyTaskException(String message) {
        super(message);
    }
}
