package acd.server.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The byte ranges a player asks for when it seeks in a recording. */
class RecordingRangeTest {
    private static final long SIZE = 1000;

    @Test
    void noRangeOrOneNotServedIsTheWholeFile() {
        RecordingDownloads.Span whole = new RecordingDownloads.Span(0, SIZE, false);
        assertEquals(whole, RecordingDownloads.span("", SIZE));
        assertEquals(whole, RecordingDownloads.span("bytes=0-9,20-29", SIZE), "several ranges");
        assertEquals(whole, RecordingDownloads.span("seconds=1-2", SIZE));
        assertEquals(whole, RecordingDownloads.span("bytes=-", SIZE));
        assertEquals(whole, RecordingDownloads.span("bytes=9-1", SIZE), "backwards");
        assertEquals(whole, RecordingDownloads.span("bytes=99999999999999999999-", SIZE), "too long a number");
    }

    @Test
    void aRangeIsTheBytesItNamesCutAtTheEnd() {
        assertEquals(new RecordingDownloads.Span(0, 10, true), RecordingDownloads.span("bytes=0-9", SIZE));
        assertEquals(new RecordingDownloads.Span(500, 500, true), RecordingDownloads.span("bytes=500-", SIZE));
        assertEquals(new RecordingDownloads.Span(900, 100, true), RecordingDownloads.span("bytes=900-5000", SIZE));
        assertEquals(new RecordingDownloads.Span(800, 200, true), RecordingDownloads.span("bytes=-200", SIZE));
        assertEquals(new RecordingDownloads.Span(0, SIZE, true), RecordingDownloads.span("bytes=-5000", SIZE));
    }

    @Test
    void aRangeStartingPastTheEndCannotBeServed() {
        assertNull(RecordingDownloads.span("bytes=1000-", SIZE));
    }
}
