package acd.ivr.qa;

/** A quality review step that cannot be taken: it names the item and why, and nothing was changed. */
public final class QaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QaException(String message) {
        super(message);
    }
}
