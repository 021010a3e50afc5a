package acd.server.asterisk;

import acd.core.engine.AcdEngine;
import acd.core.engine.AgentState;
import acd.core.engine.EngineEvent;
import acd.core.model.BusinessHours;
import acd.cti.task.ReplyTaskDesk;
import acd.ivr.store.FollowUp;
import acd.ivr.task.ReplyOutcome;
import acd.ivr.task.ReplyTask;
import acd.pbxlab.RealAsterisk;
import acd.pbxlab.Sipp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Callers through the shipped dialplan on a real Asterisk: to a seat and the survey, and to voicemail. */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(AsteriskFloor.ASTERISK)
class RealAsteriskCallTest {
    @TempDir
    Path dir;

    @Test
    void aCallerReachesASeatAndAfterTheSeatHangsUpRatesTheCallInTheSurvey() throws Exception {
        try (AsteriskFloor floor = AsteriskFloor.open("one-call", dir)) {
            Sipp.Phone seat = floor.staff("2001", Sipp.seatPort(0), 500, 2_000);
            // 0 for a person during the language menu; the transfer prompt, the seat's 2 s; then
            // 1 (not at all satisfied) during the survey's question.
            long surveyAtMs = RealAsterisk.soundMs("acd/zh/transferring") + 5_000;
            // The caller speaks throughout, so that the recording has a voice in it.
            Sipp.Phone caller = floor.phones.caller("13800000000", "10086",
                    List.of(new Sipp.Key(800, '0'), new Sipp.Key(surveyAtMs, '1')), 60_000, true);

            floor.await("the call answered", 20_000, () -> floor.server.engine().board().queue(0).answered() == 1);
            assertTrue(caller.waitFor(60_000), "the caller's call ended");
            floor.await("the seat free", 20_000, () -> floor.server.engine().board().agents(AgentState.TALKING) == 0);
            assertTrue(seat.events().containsAll(List.of("answered", "seat-hung-up")), seat.events().toString());
            assertEquals("released", caller.events().get(caller.events().size() - 1), caller.events().toString());
            floor.await("the survey answer stored", 10_000,
                    () -> !floor.server.store().surveys().followUpList().isEmpty());
            FollowUp followUp = floor.server.store().surveys().followUpList().get(0);
            assertEquals(1, followUp.response().rating());
            assertEquals("13800000000", followUp.response().callerNumber());
            assertEquals("general", followUp.response().queue());
            // The conversation was recorded from the seat's answer, in the file named by the call's
            // queue_log call id; 2 s of the caller's voice, 8 kHz 16-bit, is some 32 kB.
            Path monitor = floor.asterisk.dir().resolve("spool/monitor/acd");
            floor.await("the recording", 10_000, () -> recordings(monitor).size() == 1);
            Path recording = recordings(monitor).get(0);
            assertTrue(Files.size(recording) > 16_000, recording + " is " + Files.size(recording) + " bytes");
            assertTrue(floor.fullLog().contains("MixMonitor(\"PJSIP/2001-"), "recorded on the seat's channel");
            // A team lead hears it over the server's HTTP port, as Asterisk wrote it.
            String callId = recording.getFileName().toString().replace(".wav", "");
            floor.await("the answered call kept for review", 10_000,
                    () -> !floor.server.store().qaReviews().call(callId).isEmpty());
            String url = floor.server.quality().hear(callId, acd.cti.seat.codec.SeatRequest.Role.SUPERVISOR, "lead1")
                    .toCompletableFuture().get(10, TimeUnit.SECONDS).url();
            java.net.http.HttpResponse<byte[]> heard = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                            + floor.server.httpPort() + url)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, heard.statusCode());
            // The rating of 1 opened a follow-up work order about this call: its agent, and the
            // queue_log call id its recording is named by, for whoever calls the customer back.
            acd.ivr.order.Order order = floor.server.store().workOrders().open().stream()
                    .filter(o -> o.kind() == acd.ivr.order.OrderKind.FOLLOW_UP).findFirst().orElseThrow();
            assertEquals("13800000000", order.customer());
            assertEquals(callId, order.about().callId());
            assertEquals("2001", order.about().agent());
            assertEquals("Rated 1 of 5 in the post-call survey", order.summary());
            // The rating counts for the agent who took the call, in the reports' satisfaction by agent.
            List<acd.ivr.report.SurveyTally> rated = floor.server.store().intervals().surveys(0, Long.MAX_VALUE);
            assertEquals(List.of("2001 1 1 0 1"), rated.stream().map(t -> t.agent() + " " + t.offered() + " "
                    + t.answered() + " " + t.satisfied() + " " + t.ratingSum()).toList());
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(recording), heard.body()), "the recording, byte for byte");
            assertEquals("RIFF", new String(heard.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
            floor.assertNoPromptMissing();
            floor.server.close();
            assertEquals(QueueLogCalls.callerChannel(dir.resolve("queue_log"), "2001") + ".wav", recording.getFileName().toString(),
                    "named by the call's queue_log call id");
        }
    }

    /** The recordings under the monitor folder. */
    private static List<Path> recordings(Path monitor) {
        try (java.util.stream.Stream<Path> files = Files.walk(monitor)) {
            return files.filter(f -> f.toString().endsWith(".wav")).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    @Test
    void aTeamLeadWhispersToAnAgentFromTheirOwnPhoneUntilTheCallEnds() throws Exception {
        Path config = AsteriskFloor.configWith(dir, "seat-credentials.yaml", text -> text.replace("supervisors: {}",
                "supervisors:\n  lead1: " + acd.cti.seat.SecretHash.hash("lead-secret".toCharArray(), 1_000)));
        try (AsteriskFloor floor = AsteriskFloor.open("listen-in", dir, config, etc -> { })) {
            Sipp.Phone seat = floor.staff("2001", Sipp.seatPort(0), 300, 60_000);
            // the shipped server.yaml gives lead1 the phone 9001, a (lead) endpoint of pjsip.conf
            Sipp.Phone lead = floor.phones.seat("9001", Sipp.seatPort(1), 300, 60_000);
            Sipp.Phone caller = floor.phones.caller("13800006666", "10086", List.of(new Sipp.Key(800, '0')), 14_000,
                    true);
            floor.await("the seat talking", 20_000, () -> AsteriskFloor.events(seat).contains("answered 13800006666"));
            floor.await("the engine's agent talking", 10_000,
                    () -> floor.server.engine().board().agents(AgentState.TALKING) == 1);
            try (acd.server.TestDesk desk = acd.server.TestDesk.open(floor.server,
                    "{\"type\":\"login\",\"supervisor\":\"lead1\",\"secret\":\"lead-secret\"}")) {
                desk.send("{\"type\":\"listenIn\",\"agent\":\"2001\",\"mode\":\"whisper\"}");
                assertEquals("2001", desk.await("ack").path("agent").asText());
            }
            floor.await("the lead's phone answered", 10_000, () -> AsteriskFloor.events(lead).contains("answered 2001"));
            floor.await("ChanSpy on the seat", 10_000, () -> floor.fullLog().contains("Spying on channel PJSIP/2001-"));
            assertTrue(floor.fullLog().contains("\"PJSIP/2001-,qwE\")"), "whispering, until the seat's call ends");

            // the caller hangs up: the seat's call ends, and with it the lead's
            assertTrue(caller.waitFor(30_000), "the caller's call ended");
            floor.await("the lead's phone hung up", 10_000, () -> AsteriskFloor.events(lead).contains("caller-hung-up 2001"));
            assertTrue(floor.fullLog().contains("@acd-listen:3] Hangup(\"PJSIP/9001-"), "ChanSpy ended with the call");
            assertTrue(AsteriskFloor.events(seat).contains("caller-hung-up 13800006666"), AsteriskFloor.events(seat).toString());
        }
    }

    /** When Asterisk's full log says it ran {@code what}: the first such line's time, or -1. */
    private static long loggedAtMs(List<String> log, String what) {
        for (String line : log) {
            if (line.contains(what)) {
                return java.time.LocalDateTime.parse(line.substring(1, 24).replace(' ', 'T'))
                        .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
            }
        }
        return -1;
    }

    @Test
    void aCallerHearingTheirPlaceInLineGoesToASeatThatFreesAtOnceNotAfterTheAnnouncement() throws Exception {
        try (AsteriskFloor floor = AsteriskFloor.open("announce", dir)) {
            floor.phones.seat("2001", Sipp.seatPort(0), 300, 1_000);
            floor.phones.featureCode("2001", "*21");
            // Nobody is ready: the caller joins the line and hears their place at once. Answered some
            // 10 s in, the caller hangs up at 25 s rather than sit through the survey.
            Sipp.Phone caller = floor.phones.caller("13800006666", "10086", List.of(new Sipp.Key(800, '0')), 25_000);
            floor.await("the announcement playing", 20_000, () -> {
                try {
                    return Files.readString(floor.asterisk.fullLog()).contains("[s@acd-announce:2] Playback");
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            floor.phones.featureCode("2001", "*23");
            floor.await("the call answered", 20_000, () -> floor.server.engine().board().queue(0).answered() == 1);
            assertTrue(caller.waitFor(60_000));

            List<String> log = Files.readAllLines(floor.asterisk.fullLog());
            long announced = loggedAtMs(log, "[s@acd-announce:2] Playback");
            long ready = loggedAtMs(log, "/seat,ready");
            long dialled = loggedAtMs(log, "[s@acd-deliver:2] Dial");
            long announcementMs = RealAsterisk.soundsMs(List.of("acd/zh/queue/position", "acd/zh/digits/1",
                    "acd/zh/queue/in-line", "acd/zh/queue/thank-you-for-waiting"));
            assertTrue(dialled - ready < 1_000, "the seat rang " + (dialled - ready) + " ms after it was ready");
            assertTrue(dialled < announced + announcementMs, "the announcement was cut short, not waited out: began "
                    + announced + ", " + announcementMs + " ms long, Dial at " + dialled);
            floor.assertNoPromptMissing();
        }
    }

    @Test
    void aCallerInPeakModeHearsSoAndAtItsShorterWaitLeavesAMessageInTheQueuesBox() throws Exception {
        // In peak mode the general line sends callers to its voicemail after 5 s, not 5 minutes.
        String peak = "peak: {announcement: peak-busy, maxWait: {seconds: 300, action: voicemail}}";
        Path config = AsteriskFloor.configWith(dir, "routing.yaml", routing -> {
            assertTrue(routing.contains(peak), "the general line's peak mode, as routing.yaml has it");
            return routing.replace(peak, peak.replace("seconds: 300", "seconds: 5"));
        });

        try (AsteriskFloor floor = AsteriskFloor.open("voicemail", dir.resolve("data"), config, etc -> { })) {
            // A team lead has switched the line into peak mode.
            int general = floor.server.engine().config().queueIndex("general");
            floor.server.ring().publish(e -> e.peakModeChanged(System.currentTimeMillis(), general, true));
            floor.await("peak mode", 5_000, () -> floor.server.engine().board().inPeakMode(general));
            // Nobody is logged in: the caller waits, then speaks for a few seconds after the tone.
            long messageAtMs = 800 + RealAsterisk.soundMs("acd/zh/transferring") + 5_000
                    + RealAsterisk.soundMs("acd/zh/voicemail-intro") + 1_000;
            Sipp.Phone caller = floor.phones.caller("13800007777", "10086", List.of(new Sipp.Key(800, '0')),
                    messageAtMs + 4_000, true);
            assertTrue(caller.waitFor(60_000));

            // The first thing the caller heard in line was the peak message, then their place.
            assertTrue(floor.fullLog().contains("acd/zh/queue/peak-busy&acd/zh/queue/position"),
                    "the peak announcement before the place in line");
            floor.assertNoPromptMissing();

            Path inbox = floor.asterisk.dir().resolve("spool/voicemail/acd/general/INBOX");
            floor.await("the message kept", 10_000, () -> Files.exists(inbox.resolve("msg0000.txt")));
            String info = Files.readString(inbox.resolve("msg0000.txt"));
            assertTrue(info.contains("13800007777"), info);
            assertTrue(Files.size(inbox.resolve("msg0000.wav")) > 1_000, "a recording, not an empty file");
            // The caller hung up while speaking, and the message became a reply task all the same,
            // due at 08:00 on the next working day of the general line (open every day).
            floor.await("the reply task", 10_000, () -> !floor.server.store().replyTasks().open().isEmpty());
            ReplyTask task = floor.server.store().replyTasks().open().get(0);
            assertEquals("13800007777", task.message().callerNumber());
            assertEquals("general", task.message().queue());
            assertTrue(task.message().messageFile().endsWith("/voicemail/acd/general/INBOX/msg0000"),
                    task.message().messageFile());
            assertEquals(BusinessHours.ALWAYS_OPEN.replyDueMs("general", task.message().leftMs()), task.message().dueMs());

            // The agent at seat 1001 takes the task, hears the message on the seat's phone, then
            // calls back: the seat rings first, and only once it answers is the customer dialled,
            // over the carrier, seeing the hotline's number.
            Sipp.Phone customers = floor.phones.customers(300, 3_000);
            Sipp.Phone seat = floor.phones.seat("1001", Sipp.seatPort(0), 300, 8_000);
            ReplyTaskDesk desk = floor.server.replyTasks();
            desk.take(task.id(), "1001").toCompletableFuture().get(10, TimeUnit.SECONDS);
            desk.playMessage(task.id(), "1001").toCompletableFuture().get(10, TimeUnit.SECONDS);
            floor.await("the message played to the seat", 20_000, () -> floor.fullLog().contains(
                    "Playing '" + task.message().messageFile()));
            floor.await("the message's call over", 20_000, () -> AsteriskFloor.events(seat).contains("caller-hung-up 13800007777"));
            desk.callBack(task.id(), "1001").toCompletableFuture().get(10, TimeUnit.SECONDS);
            floor.await("the customer reached", 30_000, () -> AsteriskFloor.events(customers).contains("seat-hung-up 10086"));
            List<String> seatHeard = AsteriskFloor.events(seat);
            assertEquals(List.of("offered 13800007777", "answered 13800007777", "caller-hung-up 13800007777",
                    "offered 13800007777", "answered 13800007777"), seatHeard.subList(0, 5), seatHeard.toString());
            assertEquals(List.of("offered 10086", "answered 10086", "seat-hung-up 10086"), AsteriskFloor.events(customers));
            long seatAnswered = seat.logged().stream().filter(l -> l.what().equals("answered 13800007777"))
                    .reduce((a, b) -> b).orElseThrow().clockMs();
            long customerOffered = customers.logged().get(0).clockMs();
            assertTrue(seatAnswered <= customerOffered, "the seat first, then the customer");
            ReplyTask reached = desk.outcome(task.id(), "1001", ReplyOutcome.REACHED).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertFalse(reached.isOpen());
            // The place-in-line announcement, the voicemail prompt: all there.
            floor.assertNoPromptMissing();
        }
    }

    @Test
    void aCallerWhileTheLineIsClosedHearsTheHoursLeavesAMessageAndIsNotOffered() throws Exception {
        // The general line keeps a calendar open all day but for today and tomorrow, holidays.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Path config = AsteriskFloor.configWith(dir, "hours.yaml", hours -> hours
                .replace("  always: 24h\n", "  always: 24h\n  closed-today:\n    monday-sunday: 24h\n    holidays: ["
                        + today + ", " + today.plusDays(1) + "]\n")
                .replace("general: {calendar: always}", "general: {calendar: closed-today, whenClosed: voicemail}"));

        try (AsteriskFloor floor = AsteriskFloor.open("closed", dir.resolve("data"), config, etc -> { })) {
            Sipp.Phone caller = floor.phones.caller("13800006666", "10086", List.of(new Sipp.Key(800, '0')), 40_000,
                    true);
            assertTrue(caller.waitFor(60_000));

            Path inbox = floor.asterisk.dir().resolve("spool/voicemail/acd/general/INBOX");
            floor.await("the message kept", 10_000, () -> Files.exists(inbox.resolve("msg0000.txt")));
            assertTrue(Files.readString(inbox.resolve("msg0000.txt")).contains("13800006666"));
            int general = floor.server.engine().queueIndex("general");
            assertEquals(1, floor.server.engine().board().queue(general).closed());
            assertEquals(0, floor.server.engine().board().queue(general).offered(), "never offered: outside the hours");
            // What the caller heard: the hours first, then the voicemail prompt.
            String log = Files.readString(floor.asterisk.fullLog());
            assertTrue(log.indexOf("acd/zh/hours/service-hours-are") >= 0
                    && log.indexOf("acd/zh/hours/service-hours-are") < log.lastIndexOf("acd/zh/voicemail-intro"),
                    "the hours, then the voicemail prompt");
            floor.assertNoPromptMissing();
        }
    }
}
