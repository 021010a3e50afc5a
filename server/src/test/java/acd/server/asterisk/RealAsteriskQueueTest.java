package acd.server.asterisk;

import acd.core.metrics.TrafficFigures;
import acd.pbxlab.Sipp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue on a real Asterisk: 100 seeded SIPp callers onto 10 SIPp seats through the shipped
 * dialplan, some callers giving up. Every caller ends answered or abandoned by rule, and the
 * engine's figures, the queue_log and the phones' own logs agree call by call.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(AsteriskFloor.ASTERISK)
class RealAsteriskQueueTest {
    private static final int CALLERS = 100;
    private static final int SEATS = 10;
    private static final long SEED = 7;

    @TempDir
    Path dir;

    @Test
    void hundredCallersOnTenSeatsAreEachAnsweredOrAbandonedAndEveryRecordAgrees() throws Exception {
        // The general floor's seats with 3 s of wrap-up rather than 10, so the run takes a minute or two.
        Path config = AsteriskFloor.configWith(dir, "agents.yaml", agents -> agents.replace(
                "    name: \"普通坐席{id}\"\n", "    name: \"普通坐席{id}\"\n    wrapUpSeconds: 3\n"));
        // The post-call survey asked once, not twice: the run's tail is the last callers' survey.
        Path ivr = config.resolve("ivr.yaml");
        String menus = Files.readString(ivr);
        String once = menus.replace("    prompt: survey-rate\n", "    prompt: survey-rate\n    timeoutSeconds: 2\n")
                .replace("      5: {go: survey-store, set: {rating: 5}}\n    retries: 1\n",
                        "      5: {go: survey-store, set: {rating: 5}}\n    retries: 0\n");
        assertNotEquals(menus, once, "the survey's retries, as the shipped ivr.yaml has them");
        Files.writeString(ivr, once);
        try (AsteriskFloor floor = AsteriskFloor.open("queue", dir.resolve("data"), config, etc -> { })) {
            Random random = new Random(SEED);
            List<AsteriskFloor.Seat> staffing = new ArrayList<>();
            for (int s = 0; s < SEATS; s++) {
                staffing.add(new AsteriskFloor.Seat(Integer.toString(2001 + s), Sipp.seatPort(s),
                        200 + random.nextInt(800), 2_000 + random.nextInt(4_000)));
            }
            List<Sipp.Phone> seats = floor.staffTogether(staffing);
            Map<String, Sipp.Phone> callers = new LinkedHashMap<>();
            long start = System.currentTimeMillis();
            long at = 0;
            for (int c = 0; c < CALLERS; c++) {
                at += (long) (-Math.log(1 - random.nextDouble()) * 500);
                long sleep = start + at - System.currentTimeMillis();
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
                // Three in ten give up after 4 to 20 s on hold; the others wait as long as it takes.
                long patience = random.nextInt(10) < 3 ? 4_000 + random.nextInt(16_000) : 300_000;
                String number = "1380000" + String.format("%04d", c);
                callers.put(number, floor.phones.caller(number, "10086", List.of(new Sipp.Key(800, '0')), patience));
            }
            for (Map.Entry<String, Sipp.Phone> caller : callers.entrySet()) {
                assertTrue(caller.getValue().waitFor(240_000), "caller " + caller.getKey() + " still on the line");
            }
            floor.awaitSettled();

            Map<String, String> lived = new HashMap<>();
            for (Map.Entry<String, Sipp.Phone> caller : callers.entrySet()) {
                Sipp.Phone phone = caller.getValue();
                assertEquals(0, phone.exitCode(), caller.getKey() + ": " + phone.errors());
                List<String> events = phone.events();
                lived.put(caller.getKey(), events.get(events.size() - 1));
            }
            // What the HTTP API serves, before the server stops.
            JsonNode api = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + floor.server.httpPort() + "/api/queues")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            floor.server.close();
            Map<String, List<String>> logged = QueueLogCalls.byCaller(Files.readAllLines(
                    dir.resolve("data").resolve("queue_log")));

            // What each seat lived, by caller: answered, seat-hung-up or caller-hung-up.
            Map<String, List<String>> atSeats = new HashMap<>();
            for (Sipp.Phone seat : seats) {
                for (Sipp.Logged l : seat.logged()) {
                    String[] what = l.what().split(" ");
                    atSeats.computeIfAbsent(what[1], n -> new ArrayList<>()).add(what[0]);
                }
            }
            int answered = 0;
            int abandoned = 0;
            int released = 0;
            for (Map.Entry<String, String> caller : lived.entrySet()) {
                String number = caller.getKey();
                List<String> events = logged.get(number);
                List<String> seat = atSeats.getOrDefault(number, List.of());
                java.util.function.Supplier<String> who = () -> number + " lived " + caller.getValue() + ", queue_log "
                        + events + ", seat " + seat + "\n" + floor.callerStory(number);
                assertTrue(events != null && events.get(0).equals("ENTERQUEUE"), who);
                String last = events.get(events.size() - 1);
                switch (last) {
                    case "ABANDON" -> {
                        // Gave up on hold: never connected, no seat answered them.
                        assertEquals("hung-up", caller.getValue(), who);
                        assertTrue(!events.contains("CONNECT") && !seat.contains("answered"), who);
                        abandoned++;
                    }
                    case "COMPLETECALLER" -> {
                        // Hung up while talking: the seat heard the caller go.
                        assertEquals("hung-up", caller.getValue(), who);
                        assertTrue(seat.contains("answered") && seat.contains("caller-hung-up"), who);
                        answered++;
                    }
                    case "COMPLETEAGENT" -> {
                        // The seat ended the talk; the caller then went on to the survey, where
                        // Asterisk ended the call or the caller hung up.
                        assertTrue(seat.contains("answered") && seat.contains("seat-hung-up"), who);
                        answered++;
                    }
                    case "EXITEMPTY", "EXITWITHTIMEOUT" -> {
                        // Released by the queue's rule (nobody logged in who speaks the caller's
                        // language, or the longest wait): Asterisk ended the call.
                        assertEquals("released", caller.getValue(), who);
                        released++;
                    }
                    default -> throw new AssertionError("a call that ended neither answered nor abandoned: " + who.get());
                }
            }
            long offered = 0;
            long engineAnswered = 0;
            long engineAbandoned = 0;
            for (int q = 0; q < floor.server.engine().queueCount(); q++) {
                TrafficFigures figures = floor.server.engine().board().queue(q);
                offered += figures.offered();
                engineAnswered += figures.answered();
                engineAbandoned += figures.abandoned();
            }
            long apiOffered = 0;
            long apiAnswered = 0;
            long apiAbandoned = 0;
            for (JsonNode queue : api.path("queues")) {
                apiOffered += queue.path("offered").asLong();
                apiAnswered += queue.path("answered").asLong();
                apiAbandoned += queue.path("abandoned").asLong();
            }
            assertEquals(List.of(offered, engineAnswered, engineAbandoned), List.of(apiOffered, apiAnswered, apiAbandoned),
                    "/api/queues");
            assertEquals(CALLERS, offered);
            assertEquals(CALLERS, answered + abandoned + released);
            assertEquals(answered, engineAnswered);
            assertEquals(abandoned, engineAbandoned);
            long seatAnswers = atSeats.values().stream().filter(e -> e.contains("answered")).count();
            assertEquals(answered, seatAnswers, "every answer the engine counted rang at a seat that answered it");
            assertTrue(abandoned > 0 && answered > abandoned, "answered " + answered + ", abandoned " + abandoned);
        }
    }
}
