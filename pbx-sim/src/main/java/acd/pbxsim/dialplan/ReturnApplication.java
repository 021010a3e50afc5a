package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.HangupCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Return([value]): ends the innermost subroutine with GOSUB_RETVAL set to {@code value}. The
 * channel goes on after its Gosub, or, in a subroutine an application ran it through (Dial's U
 * option), goes back to that application. A Return with no subroutine to end hangs up, as
 * app_stack's does.
 */
final class ReturnApplication implements Application {

    private static final Logger log = LoggerFactory.getLogger(ReturnApplication.class);

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        Subroutines.Frame call = in.subroutines().leave(channel);
        if (call == null) {
            log.error("Return without Gosub on {}; hanging up", channel.name());
            in.pbx().hangupFromDialplan(channel, HangupCause.NORMAL_CLEARING);
            return Flow.ENDED;
        }
        channel.location(call.returnTo());
        in.pbx().setVariable(channel, "GOSUB_RETVAL", data);
        if (call.handBack() == null) {
            return Flow.JUMPED;
        }
        call.handBack().run();
        return Flow.WAIT;
    }
}
