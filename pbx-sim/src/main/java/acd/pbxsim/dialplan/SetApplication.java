package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Channel;

/** Set(NAME=value). */
final class SetApplication implements Application {

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        int eq = data.indexOf('=');
        if (eq > 0) {
            in.pbx().setVariable(channel, data.substring(0, eq).strip(), data.substring(eq + 1));
        }
        return Flow.NEXT;
    }
}
