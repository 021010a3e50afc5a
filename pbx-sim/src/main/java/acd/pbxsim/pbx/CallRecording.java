package acd.pbxsim.pbx;

/**
 * A recording MixMonitor made of a channel. The simulator carries no audio, so no file is
 * written: this is the file Asterisk would write and the stretch of the call in it.
 *
 * @param file        the full path, as MIXMONITOR_FILENAME has it
 *                    ({@code /var/spool/asterisk/monitor/acd/20261207/1796649045.6.wav})
 * @param channel     the channel recorded ({@code PJSIP/1001-00000004})
 * @param uniqueid    its Uniqueid
 * @param startedAtMs when MixMonitor ran, in simulated epoch milliseconds
 * @param stoppedAtMs when the channel hung up, which ends the recording; -1 while it goes on
 */
public record CallRecording(String file, String channel, String uniqueid, long startedAtMs, long stoppedAtMs) {

    /** The {@code stoppedAtMs} of a recording still going on. */
    public static final long RECORDING = -1;

    public boolean stopped() {
        return stoppedAtMs != RECORDING;
    }

    CallRecording stoppedAt(long epochMs) {
        return new CallRecording(file, channel, uniqueid, startedAtMs, epochMs);
    }
}
