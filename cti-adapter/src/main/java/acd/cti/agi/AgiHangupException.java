package acd.cti.agi;

/**
 * The caller is gone: Asterisk sent {@code HANGUP}, or the connection closed, before the command
 * got its reply. Scripts usually just stop.
 */
public class AgiHangupException extends AgiException {

    private static final long serialVersionUID = 1L;

    public AgiHangupException(String message) {
        super(message);
    }

    public AgiHangupException(String message, Throwable cause) {
        super(message, cause);
    }
}
