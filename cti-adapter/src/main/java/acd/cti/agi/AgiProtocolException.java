package acd.cti.agi;

import acd.cti.agi.codec.AgiCommand;
import acd.cti.agi.codec.AgiDecodeError;

/** The peer answered a command with something that is not an AGI reply. */
public class AgiProtocolException extends AgiException {

    private static final long serialVersionUID = 1L;

    private final transient AgiDecodeError error;

    public AgiProtocolException(AgiCommand command, AgiDecodeError error) {
        super("unreadable answer to '" + command.line() + "': " + error);
        this.error = error;
    }

    public AgiDecodeError error() {
        return error;
    }
}
