package acd.cti.flow;

import acd.core.engine.CallState;
import acd.core.engine.CallView;
import acd.core.engine.HangupSide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecordingNamesTest {

    private static CallView call(long id, String channel, long arrivedAtMs) {
        return new CallView() {
            public long callId() { return id; }
            public int queueIndex() { return 0; }
            public int tierIndex() { return 0; }
            public int brandIndex() { return -1; }
            public int accountManagerIndex() { return -1; }
            public CharSequence callerNumber() { return ""; }
            public CharSequence ivrPath() { return ""; }
            public CharSequence callerChannel() { return channel; }
            public CharSequence seatChannel() { return null; }
            public HangupSide hungUpFirst() { return HangupSide.UNKNOWN; }
            public long arrivedAtMs() { return arrivedAtMs; }
            public long queuedAtMs() { return arrivedAtMs; }
            public CallState state() { return CallState.CONNECTED; }
        };
    }

    @Test
    void aRecordingIsNamedByTheQueueLogCallIdInAFolderForTheDayTheCallCame() {
        // 2026-12-07 23:59:59 UTC: still the 7th, whatever the server's own zone
        assertEquals("acd/20261207/1796687999.41", RecordingNames.of(call(12, "1796687999.41", 1_796_687_999_000L)));
    }

    @Test
    void aCallWithNoChannelIsNamedByTheServersIdAsTheQueueLogNamesIt() {
        assertEquals("acd/20261208/12", RecordingNames.of(call(12, null, 1_796_688_000_000L)));
    }
}
