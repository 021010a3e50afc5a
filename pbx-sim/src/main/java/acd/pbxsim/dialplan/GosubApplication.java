package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Gosub([[context,]exten,]priority[(arg1[,...])]): runs the subroutine there with its arguments
 * as ARG1... and ARGC, until Return() brings the channel back to the next priority. A
 * destination that is not in the dialplan fails the application, which hangs the channel up.
 */
final class GosubApplication implements Application {

    private static final Logger log = LoggerFactory.getLogger(GosubApplication.class);

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        // the arguments sit in parentheses after the label, which is why Gosub cannot use the
        // ordinary comma split for them
        int open = data.indexOf('(');
        String label = open < 0 ? data : data.substring(0, open);
        List<String> args = List.of();
        if (open >= 0) {
            int close = data.lastIndexOf(')');
            args = Expressions.rawArguments(close > open ? data.substring(open + 1, close) : data.substring(open + 1));
        }
        Location start = in.resolve(channel, label.strip());
        if (start == null) {
            log.error("Gosub on {} to '{}', which is not in the dialplan; hanging up", channel.name(), label);
            in.pbx().hangupFromDialplan(channel, HangupCause.NORMAL_CLEARING);
            return Flow.ENDED;
        }
        in.subroutines().enter(channel, start, args, channel.location().next(), null);
        return Flow.JUMPED;
    }
}
