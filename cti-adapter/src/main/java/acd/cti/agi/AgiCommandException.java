package acd.cti.agi;

import acd.cti.agi.codec.AgiCommand;
import acd.cti.agi.codec.AgiReply;

/**
 * Asterisk refused a command: {@code 510} (no such command), {@code 520} (bad syntax; the usage
 * text is in the message) or another status that is not a success.
 */
public class AgiCommandException extends AgiException {

    private static final long serialVersionUID = 1L;

    private final transient AgiCommand command;
    private final transient AgiReply reply;

    public AgiCommandException(AgiCommand command, AgiReply reply) {
        super(describe(command, reply));
        this.command = command;
        this.reply = reply;
    }

    public AgiCommand command() {
        return command;
    }

    public AgiReply reply() {
        return reply;
    }

    static String describe(AgiCommand command, AgiReply reply) {
        String usage = reply.usage();
        return "Asterisk answered '" + command.line() + "' with " + reply.status() + " " + reply.text()
                + (usage.isEmpty() ? "" : "\n" + usage);
    }
}
