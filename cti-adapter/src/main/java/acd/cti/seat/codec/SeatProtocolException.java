package acd.cti.seat.codec;

/**
 * A message that cannot be carried out, with the code and the text the desktop is sent. The
 * text never repeats what the desktop sent beyond names it chose (a type, a field): a login
 * secret must not travel back or into a log.
 */
public final class SeatProtocolException extends Exception {
    private final SeatErrorCode code;

    public SeatProtocolException(SeatErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public SeatErrorCode code() {
        return code;
    }
}
