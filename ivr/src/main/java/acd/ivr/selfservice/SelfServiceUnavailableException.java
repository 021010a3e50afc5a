package acd.ivr.selfservice;

/** The self-service store cannot be reached; the request changed nothing. */
public class SelfServiceUnavailableException extends RuntimeException {
    public SelfServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
