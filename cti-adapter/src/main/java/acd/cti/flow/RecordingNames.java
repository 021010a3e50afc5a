package acd.cti.flow;

import acd.core.engine.CallView;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The name a call's recording gets: {@code acd/<yyyyMMdd>/<call id>}, relative to Asterisk's
 * monitor directory ({@code /var/spool/asterisk/monitor/acd/20261207/1796649045.6.wav}). The call
 * id is the queue_log's (the caller's channel Uniqueid), as app_queue users name MixMonitor files,
 * so every queue_log line of a call leads to its recording; a call handed on to a second agent
 * is appended to the same file. The day (UTC, of the call's arrival) gives one folder a day for
 * retention.
 */
public final class RecordingNames {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private RecordingNames() {
    }

    /** The recording of the call, without the extension. */
    public static String of(CallView call) {
        return "acd/" + DAY.format(Instant.ofEpochMilli(call.arrivedAtMs())) + "/" + callId(call);
    }

    /**
     * The queue_log's call id, which names the recording: the caller's channel, or the server's
     * own id where there is none.
     */
    public static String callId(CallView call) {
        CharSequence channel = call.callerChannel();
        return channel == null ? Long.toString(call.callId()) : channel.toString();
    }
}
