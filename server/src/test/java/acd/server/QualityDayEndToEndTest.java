package acd.server;

import acd.cti.qa.QaDays;
import acd.cti.seat.SecretHash;
import acd.ivr.qa.RecordingAccess;
import acd.pbxsim.PbxSettings;
import acd.pbxsim.pbx.CallRecording;
import acd.pbxsim.world.CallOutcome;
import acd.pbxsim.world.CallerScript;
import acd.pbxsim.world.Outcome;
import acd.pbxsim.world.SeatPhone;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A quality review day through the PBX simulator: two agents answer twelve calls, each recorded;
 * once the day is over its sample is drawn, one call of each agent; a reviewer scores one below
 * the mark and the team lead's desk is told at once; the reviewer hears a sampled call's
 * recording over HTTP, and the store knows who did.
 */
class QualityDayEndToEndTest {
    private static final int CALLS = 12;

    @Test
    void aDaysCallsAreSampledScoredFlaggedToTheTeamLeadAndHeardByTheReviewer(@TempDir Path dir) throws Exception {
        Path monitor = dir.resolve("monitor/acd");
        ServerSettings settings = ShippedConfig.in(dir).withRecordings(new ServerSettings.Recordings(monitor.toString(),
                90));
        Files.writeString(dir.resolve("seat-credentials.yaml"), "supervisors:\n  lead1: "
                + SecretHash.hash("lead-secret".toCharArray(), 1_000) + "\nreviewers:\n  qa1: "
                + SecretHash.hash("qa-secret".toCharArray(), 1_000) + "\n");
        try (AcdServer server = new AcdServer(dir, settings, null, PbxSettings.defaults().withSpeed(10))) {
            for (int i = 0; i < 200 && !server.ami().isConnected(); i++) {
                Thread.sleep(20);
            }
            List<CompletableFuture<String>> staffed = new ArrayList<>();
            for (SeatPhone seat : server.pbxSimulator().seats()) {
                String endpoint = seat.settings().endpoint();
                if (endpoint.equals("PJSIP/1001") || endpoint.equals("PJSIP/1002")) {
                    seat.update(seat.settings().withTalkTimeMs(3_000).withWrapUpDoneAfterMs(1_000));
                    staffed.add(seat.login().thenCompose(status -> seat.ready()));
                }
            }
            CompletableFuture.allOf(staffed.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            List<CompletableFuture<CallOutcome>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                calls.add(server.pbxSimulator().placeCall(new CallerScript("138000001" + (10 + i), "", "10086",
                        List.of("1", "0"), 600_000, i * 500L)).ended());
            }
            for (CompletableFuture<CallOutcome> call : calls) {
                assertEquals(Outcome.COMPLETED, call.get(120, TimeUnit.SECONDS).outcome());
            }
            // Asterisk would have written each recording; the simulator says where
            for (CallRecording recording : server.pbxSimulator().recordings()) {
                Path file = monitor.resolve(recording.file().substring("/var/spool/asterisk/monitor/acd/".length()));
                Files.createDirectories(file.getParent());
                Files.write(file, ("RIFF " + recording.uniqueid()).getBytes(StandardCharsets.US_ASCII));
            }
            Set<String> callIds = new HashSet<>();
            for (String line : Files.readAllLines(dir.resolve("queue_log"))) {
                if (line.contains("|CONNECT|")) {
                    callIds.add(line.split("\\|")[1]);
                }
            }
            assertEquals(CALLS, callIds.size());
            for (int i = 0; i < 200 && !callIds.stream().allMatch(id -> !server.store().qaReviews().call(id).isEmpty());
                 i++) {
                Thread.sleep(50);
            }
            for (String id : callIds) {
                assertEquals(1, server.store().qaReviews().call(id).size(), "call " + id + " kept for review");
            }

            // The next morning the day is drawn: one call of each agent (10% of six, rounded up).
            long tomorrow = server.pbxSimulator().nowMs() + 86_400_000L;
            new QaDays(server.store().qaReviews(), settings.quality(), () -> ZoneId.of("Asia/Shanghai"),
                    () -> tomorrow).run();
            String day = java.time.Instant.ofEpochMilli(server.pbxSimulator().nowMs()).atZone(ZoneId.of("Asia/Shanghai"))
                    .toLocalDate().toString();

            TestDesk lead = TestDesk.open(server, "{\"type\":\"login\",\"supervisor\":\"lead1\",\"secret\":\"lead-secret\"}");
            TestDesk qa = TestDesk.open(server, "{\"type\":\"login\",\"reviewer\":\"qa1\",\"secret\":\"qa-secret\"}");
            qa.send("{\"type\":\"qaSample\",\"day\":\"" + day + "\"}");
            JsonNode items = qa.await("qaSample").path("items");
            assertEquals(2, items.size(), items.toString());
            assertEquals(Set.of("1001", "1002"), Set.of(items.get(0).path("agent").asText(),
                    items.get(1).path("agent").asText()));

            long item = items.get(0).path("item").asLong();
            String call = items.get(0).path("call").asText();
            qa.send("{\"type\":\"qaScore\",\"item\":" + item + ",\"score\":62,\"note\":\"no PIN asked before the bill\"}");
            assertTrue(qa.await("qaItem").path("item").path("redo").asBoolean());
            JsonNode flagged = lead.await("qaRedo").path("item");
            assertEquals(call, flagged.path("call").asText());
            assertEquals("qa1", flagged.path("scoredBy").asText());
            // the wallboard's document and /metrics count the day's sample and the open redo
            server.quality().countQuality();
            HttpClient http = HttpClient.newHttpClient();
            JsonNode quality = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.httpPort() + "/api/queues")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("quality");
            assertEquals(day, quality.path("day").asText());
            assertEquals(2, quality.path("sampled").asLong());
            assertEquals(1, quality.path("scored").asLong());
            assertEquals(1, quality.path("openRedos").asLong());
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort()
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("acd_quality_redos_open 1.0") && metrics.contains(
                    "acd_quality_sample_calls{state=\"unscored\"} 1.0"), metrics);

            qa.send("{\"type\":\"hearRecording\",\"call\":\"" + call + "\"}");
            String url = qa.await("recording").path("url").asText();
            HttpResponse<byte[]> heard = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.httpPort() + url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, heard.statusCode());
            assertEquals("audio/wav", heard.headers().firstValue("content-type").orElse(""));
            assertArrayEquals(Files.readAllBytes(recordingOf(monitor, call)), heard.body());
            assertEquals("bytes", heard.headers().firstValue("accept-ranges").orElse(""));
            // a player seeking: the bytes it asks for, and no second hearing counted
            byte[] whole = Files.readAllBytes(recordingOf(monitor, call));
            HttpResponse<byte[]> seek = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.httpPort() + url)).header("Range", "bytes=2-").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(206, seek.statusCode());
            assertEquals("bytes 2-" + (whole.length - 1) + "/" + whole.length,
                    seek.headers().firstValue("content-range").orElse(""));
            assertArrayEquals(java.util.Arrays.copyOfRange(whole, 2, whole.length), seek.body());
            HttpResponse<String> guessed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.httpPort() + "/recordings/00112233445566778899aabbccddeeff.wav")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, guessed.statusCode());

            for (int i = 0; i < 100 && server.store().qaReviews().accesses(call).size() < 2; i++) {
                Thread.sleep(50);
            }
            List<String> accesses = server.store().qaReviews().accesses(call).stream()
                    .map(a -> a.role() + " " + a.who() + " " + a.outcome()).toList();
            assertEquals(List.of("reviewer qa1 " + RecordingAccess.GRANTED, "reviewer qa1 " + RecordingAccess.PLAYED),
                    accesses);
            lead.close();
            qa.close();
        }
    }

    /** The call's recording wherever its day folder is (the UTC day of its arrival). */
    private static Path recordingOf(Path monitor, String call) throws java.io.IOException {
        try (var files = Files.walk(monitor)) {
            return files.filter(f -> f.getFileName().toString().equals(call + ".wav")).findFirst().orElseThrow();
        }
    }
}
