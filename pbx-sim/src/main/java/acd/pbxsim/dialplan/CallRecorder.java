package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.Pbx;

/**
 * What app_mixmonitor does as it starts on a channel, from the MixMonitor application or AMI's
 * MixMonitor action: the file under the monitor directory unless absolute, its full path in
 * MIXMONITOR_FILENAME, the recording kept ({@code Pbx#recordings}) until the channel hangs up,
 * and MixMonitorStart announced. No audio, so the options are taken as given.
 */
public final class CallRecorder {

    static final String MONITOR_DIR = "/var/spool/asterisk/monitor";

    private CallRecorder() {
    }

    /** Starts recording {@code channel} into {@code file}; false, with nothing started, when no file is named. */
    public static boolean start(Pbx pbx, Channel channel, String file) {
        String name = file.strip();
        if (name.isEmpty()) {
            return false;
        }
        String path = fullPath(name);
        pbx.setVariable(channel, "MIXMONITOR_FILENAME", path);
        pbx.startRecording(channel, path);
        pbx.events().mixMonitorStart(channel);
        return true;
    }

    /** app_mixmonitor's filename_parse: under the monitor directory unless absolute; .wav49 is written .WAV. */
    static String fullPath(String file) {
        String path = file.startsWith("/") ? file : MONITOR_DIR + "/" + file;
        return path.endsWith(".wav49") ? path.substring(0, path.length() - ".wav49".length()) + ".WAV" : path;
    }
}
