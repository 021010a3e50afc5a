package acd.cti.agi;

/** Something ended a command short of a successful reply. */
public class AgiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AgiException(String message) {
        super(message);
    }

    public AgiException(String message, Throwable cause) {
        super(message, cause);
    }
}
