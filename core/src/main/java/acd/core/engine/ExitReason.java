package acd.core.engine;

/** Why the engine let a caller go without a person. */
public enum ExitReason {
    /** Nobody who could take the call was logged in (queue_log EXITEMPTY). */
    NO_AGENTS,
    /** The call waited the queue's maximum (queue_log EXITWITHTIMEOUT). */
    MAX_WAIT,
    /** The call overflowed more times than there are queues: a loop in the overflow targets. */
    OVERFLOW_LOOP,
    /** The queue was closed when the call came (its calendar): the call never entered it. */
    CLOSED
}
