package acd.cti.qa;

/** A desk asked to hear a recording it may not: the message says why; the ask is logged. */
public final class RecordingRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecordingRefusedException(String message) {
        super(message);
    }
}
