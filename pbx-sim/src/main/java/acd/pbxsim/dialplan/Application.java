package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Channel;

/** A dialplan application (Answer, Dial, AGI...), run on the PBX thread. */
public interface Application {

    /** What the interpreter does after the application returns. */
    enum Flow {
        /** Go on with the next priority. */
        NEXT,
        /** The application moved the channel (Goto); run from its new location. */
        JUMPED,
        /** The application set an activity and will resume the channel itself. */
        WAIT,
        /** The channel is gone. */
        ENDED
    }

    Flow execute(Channel channel, String data, Interpreter interpreter);
}
