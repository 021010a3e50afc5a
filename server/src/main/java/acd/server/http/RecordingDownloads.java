package acd.server.http;

import acd.cti.audit.AuditEvent;
import acd.cti.audit.AuditTrail;
import acd.cti.qa.QualityDesk;
import acd.cti.qa.RecordingPasses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /recordings/<pass>.wav}: a call's recording, for whoever holds a valid pass from
 * the desk ({@code hearRecording}). The pass was given only to someone allowed to hear the call.
 * The file goes straight from the disk, whole or the one byte range a player asks for to seek
 * ({@code Range: bytes=...}, 206). Every hearing from the start is kept with who heard it, where
 * from, in the store and the audit log; a player's seeks within it are not counted again. Without
 * a valid pass: 404, the same for a pass that never was and one that has expired, so nothing is
 * learnt by guessing.
 */
public final class RecordingDownloads implements HttpApi.Resource {
    private static final String WAV = "audio/wav";
    private static final String JSON = "application/json; charset=utf-8";
    /** One range: {@code bytes=first-last}, {@code bytes=first-} or the last n bytes, {@code bytes=-n}. */
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final QualityDesk quality;
    private final AuditTrail audit;

    public RecordingDownloads(QualityDesk quality, AuditTrail audit) {
        this.quality = quality;
        this.audit = audit;
    }

    @Override
    public HttpApi.Reply get(HttpApi.Request request) throws Exception {
        Optional<RecordingPasses.Pass> pass = quality.pass(request.path());
        if (pass.isEmpty()) {
            return error(404, "no such recording pass, or it has expired: ask the desk again");
        }
        RecordingPasses.Pass held = pass.get();
        long size;
        try {
            size = Files.size(held.file());
        } catch (NoSuchFileException e) {
            return error(404, "the recording of call " + held.callId() + " is gone (past its retention)");
        }
        Span span = span(request.range(), size);
        if (span == null) {
            return error(416, "the range asked for is past the recording's " + size + " bytes");
        }
        if (span.first() == 0) {
            quality.heard(held, request.from());
            audit.record(new AuditEvent(System.currentTimeMillis(), AuditEvent.RECORDING, held.role() + " "
                    + held.who(), request.from(), "recording of call " + held.callId(), AuditEvent.DONE, "played"));
        }
        return HttpApi.Reply.file(WAV, new HttpApi.FilePart(held.file(), span.first(), span.length(), size),
                span.partial() ? 206 : 200);
    }

    /** The bytes to send: {@code length} from {@code first}; {@code partial} when a range asked for them. */
    record Span(long first, long length, boolean partial) {
    }

    /**
     * The bytes a {@code Range} header asks for: the whole file when there is none, or one this
     * does not serve (several ranges, another unit: RFC 9110 lets a server ignore it); null when
     * it starts past the end.
     */
    static Span span(String header, long size) {
        Span whole = new Span(0, size, false);
        Matcher m = RANGE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return whole;
        }
        try {
            long first;
            long last;
            if (m.group(1).isEmpty()) {
                first = Math.max(0, size - Long.parseLong(m.group(2)));
                last = size - 1;
            } else {
                first = Long.parseLong(m.group(1));
                last = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
            }
            if (first >= size) {
                return null;
            }
            return last < first ? whole : new Span(first, last - first + 1, true);
        } catch (NumberFormatException tooLong) {
            return whole;
        }
    }

    private static HttpApi.Reply error(int status, String message) throws IOException {
        return new HttpApi.Reply(JSON, HttpApi.jsonBytes(Map.of("error", message)), status);
    }
}
