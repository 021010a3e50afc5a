package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.ChannelState;

/** Answer(): the channel goes Up. */
final class AnswerApplication implements Application {

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        in.pbx().newState(channel, ChannelState.UP);
        return Flow.NEXT;
    }
}
