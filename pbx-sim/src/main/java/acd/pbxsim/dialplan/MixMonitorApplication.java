package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.HangupCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * MixMonitor(file[,options]): records the channel, both directions in one file, from now until
 * it hangs up, and goes straight on. The simulator keeps the fact of it ({@code Pbx#recordings})
 * instead of audio. As Asterisk does, a relative name is under the monitor directory, the full
 * path goes into MIXMONITOR_FILENAME, and MixMonitorStart is announced. The options (append,
 * volumes, beeps...) change only the audio and are taken as given. No file name fails the
 * application, which hangs the channel up.
 */
final class MixMonitorApplication implements Application {

    private static final Logger log = LoggerFactory.getLogger(MixMonitorApplication.class);

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        List<String> args = Expressions.arguments(data);
        String file = args.isEmpty() ? "" : args.get(0);
        if (!CallRecorder.start(in.pbx(), channel, file)) {
            log.warn("MixMonitor on {} names no file; hanging up", channel.name());
            in.pbx().hangupFromDialplan(channel, HangupCause.NORMAL_CLEARING);
            return Flow.ENDED;
        }
        return Flow.NEXT;
    }
}
