package acd.ivr.order;

/** A step on a work order that cannot be taken: it names the order and why, and nothing was changed. */
public final class WorkOrderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorkOrderException(String message) {
        super(message);
    }
}
