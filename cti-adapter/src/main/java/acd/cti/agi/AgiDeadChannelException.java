package acd.cti.agi;

import acd.cti.agi.codec.AgiCommand;
import acd.cti.agi.codec.AgiReply;

/**
 * Asterisk answered {@code 511}: the channel is already hung up and the command needs a live one.
 * A hang-up, so scripts that stop on {@link AgiHangupException} stop here too.
 */
public class AgiDeadChannelException extends AgiHangupException {

    private static final long serialVersionUID = 1L;

    private final transient AgiCommand command;
    private final transient AgiReply reply;

    public AgiDeadChannelException(AgiCommand command, AgiReply reply) {
        super(AgiCommandException.describe(command, reply));
        this.command = command;
        this.reply = reply;
    }

    public AgiCommand command() {
        return command;
    }

    public AgiReply reply() {
        return reply;
    }
}
