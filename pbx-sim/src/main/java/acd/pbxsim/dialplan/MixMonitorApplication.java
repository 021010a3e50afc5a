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

    static final String MONITOR_DIR = "/var/spool/asterisk/monitor";

    private static final Logger log = LoggerFactory.getLogger(MixMonitorApplication.class);

    @Override
    public Flow execute(Channel channel, String data, Interpreter in) {
        List<String> args = Expressions.arguments(data);
        String file = args.isEmpty() ? "" : args.get(0).strip();
        if (file.isEmpty()) {
            log.warn("MixMonitor on {} names no file; hanging up", channel.name());
            in.pbx().hangupFromDialplan(channel, HangupCause.NORMAL_CLEARING);
            return Flow.ENDED;
        }
        String path = fullPath(file);
        in.pbx().setVariable(channel, "MIXMONITOR_FILENAME", path);
        in.pbx().startRecording(channel, path);
        in.pbx().events().mixMonitorStart(channel);
        return Flow.NEXT;
    }

    /** app_mixmonitor's filename_parse: under the monitor directory unless absolute; .wav49 is written .WAV. */
    static String fullPath(String file) {
        String path = file.startsWith("/") ? file : MONITOR_DIR + "/" + file;
        return path.endsWith(".wav49") ? path.substring(0, path.length() - ".wav49".length()) + ".WAV" : path;
    }
}
