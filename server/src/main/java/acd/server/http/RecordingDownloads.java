package acd.server.http;

import acd.cti.audit.AuditEvent;
import acd.cti.audit.AuditTrail;
import acd.cti.qa.QualityDesk;
import acd.cti.qa.RecordingPasses;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * {@code GET /recordings/<pass>.wav}: a call's recording, for whoever holds a valid pass from
 * the desk ({@code hearRecording}). The pass was given only to someone allowed to hear the call;
 * every fetch is kept with who heard it, where from, in the store and the audit log. Without a
 * valid pass: 404, the same for a pass that never was and one that has expired, so nothing is
 * learnt by guessing.
 */
public final class RecordingDownloads implements HttpApi.Resource {
    private static final String WAV = "audio/wav";
    private static final String JSON = "application/json; charset=utf-8";

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
        byte[] body;
        try {
            body = Files.readAllBytes(held.file());
        } catch (NoSuchFileException e) {
            return error(404, "the recording of call " + held.callId() + " is gone (past its retention)");
        }
        quality.heard(held, request.from());
        audit.record(new AuditEvent(System.currentTimeMillis(), AuditEvent.RECORDING, held.role() + " " + held.who(),
                request.from(), "recording of call " + held.callId(), AuditEvent.DONE, "played"));
        return new HttpApi.Reply(WAV, body);
    }

    private static HttpApi.Reply error(int status, String message) throws java.io.IOException {
        return new HttpApi.Reply(JSON, HttpApi.jsonBytes(java.util.Map.of("error", message)), status);
    }
}
