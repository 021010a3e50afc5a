package acd.pbxsim.pbx;

/** The dialplan interpreter, as the PBX core needs it: run a channel from where it stands. */
public interface Program {

    void run(Channel channel);

    /**
     * Runs the {@code h} extension of the context a channel was in when it hung up, if there is
     * one, as Asterisk does before the channel goes: the dialplan's last word on the call.
     */
    default void runHangupExtension(Channel channel) {
    }
}
