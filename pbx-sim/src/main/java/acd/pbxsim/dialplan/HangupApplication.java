package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.HangupCause;

/** Hangup([cause]). */
final class HangupApplication implements Application {

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        HangupCause cause = HangupCause.NORMAL_CLEARING;
        if (!data.isBlank()) {
            try {
                cause = HangupCause.of(Integer.parseInt(data.strip()));
            } catch (NumberFormatException ignored) {
                // Asterisk also takes cause names; the ACD dialplan never passes one.
            }
        }
        in.pbx().hangupFromDialplan(channel, cause);
        return Flow.ENDED;
    }
}
