package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Goto(destination) and GotoIf(condition?iftrue[:iffalse]). */
final class GotoApplication implements Application {

    private static final Logger log = LoggerFactory.getLogger(GotoApplication.class);

    private final boolean conditional;

    GotoApplication(boolean conditional) {
        this.conditional = conditional;
    }

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        String destination = data;
        if (conditional) {
            int q = data.indexOf('?');
            if (q < 0) {
                log.warn("GotoIf without '?' on {}: {}", channel.name(), data);
                return Flow.NEXT;
            }
            String branches = data.substring(q + 1);
            int colon = branches.indexOf(':');
            String ifTrue = colon < 0 ? branches : branches.substring(0, colon);
            String ifFalse = colon < 0 ? "" : branches.substring(colon + 1);
            destination = Expressions.isTrue(data.substring(0, q)) ? ifTrue : ifFalse;
            if (destination.isBlank()) {
                return Flow.NEXT;
            }
        }
        Location target = in.resolve(channel, destination.strip());
        if (target == null) {
            log.warn("{} jumps to '{}', which is not in the dialplan; hanging up", channel.name(), destination);
            in.pbx().hangupFromDialplan(channel, HangupCause.NORMAL_CLEARING);
            return Flow.ENDED;
        }
        channel.location(target);
        return Flow.JUMPED;
    }
}
