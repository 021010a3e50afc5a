package acd.pbxsim;

import acd.pbxsim.ami.AmiUser;
import acd.pbxsim.pbx.CallRecording;
import acd.pbxsim.pbx.Prompts;
import acd.pbxsim.testing.AmiTestClient;
import acd.pbxsim.testing.AmiTestClient.Received;
import acd.pbxsim.testing.FakeAgiServer;
import acd.pbxsim.testing.Teardown;
import acd.pbxsim.world.CallOutcome;
import acd.pbxsim.world.CallerScript;
import acd.pbxsim.world.Outcome;
import acd.pbxsim.world.Registration;
import acd.pbxsim.world.SeatSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static acd.pbxsim.testing.AmiTestClient.Received.event;
import static acd.pbxsim.testing.AmiTestClient.Received.indexOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls through the simulator on loopback: a fake ACD script server over FastAGI, a plain
 * socket AMI client doing what the ACD server does (Setvar, Setvar, Redirect).
 */
class CallFlowTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    private FakeAgiServer agi;
    private PbxSimulator sim;
    private AmiTestClient ami;

    @BeforeEach
    void scripts() throws Exception {
        agi = new FakeAgiServer()
                .script("ivr", s -> {
                    s.command("ANSWER");
                    s.command("SET VARIABLE ACD_CALL_ID c-" + s.env("agi_uniqueid"));
                    s.command("SET VARIABLE ACD_QUEUED 1");
                })
                .script("survey", s -> s.command("GET DATA survey-rate 3000 1"))
                .script("seat", s -> s.command("STREAM FILE agent-loginok \"\""));
    }

    @AfterEach
    void stop() throws Exception {
        Teardown.close(ami, sim, agi);
    }

    private void start(UnaryOperator<PbxSettings> tweak) throws Exception {
        PbxSettings s = PbxSettings.defaults()
                .withAmi("127.0.0.1", 0)
                .withAmiUsers(List.of(new AmiUser("acd", "acdsecret")))
                .withAgi("127.0.0.1", agi.port())
                .withSpeed(10)
                .withStartEpochMs(1_795_443_115_000L)
                .withAuthFailureWallMs(100)
                .withSeat(SeatSettings.of("PJSIP/1001").withRingMs(1000));
        sim = new PbxSimulator(tweak.apply(s)).start();
        ami = new AmiTestClient(sim.amiPort());
        assertEquals("Success", ami.login("acd", "acdsecret").get("Response"));
    }

    private Received heldCaller(PlacedCall call) throws InterruptedException {
        return ami.await(r -> r.isEvent("MusicOnHoldStart") && call.channel().equals(r.get("Channel")), WAIT);
    }

    private void deliver(PlacedCall call, String endpoint, int ringSeconds) throws Exception {
        ami.send("Action", "Setvar", "Channel", call.channel(), "Variable", "ACD_ENDPOINT", "Value", endpoint,
                "ActionID", "sv-1");
        assertEquals("Variable Set", ami.awaitResponse("sv-1", WAIT).get("Message"));
        ami.send("Action", "Setvar", "Channel", call.channel(), "Variable", "ACD_RING_TIMEOUT",
                "Value", Integer.toString(ringSeconds), "ActionID", "sv-2");
        ami.awaitResponse("sv-2", WAIT);
        ami.send("Action", "Redirect", "Channel", call.channel(), "Context", "acd-deliver", "Exten", "s",
                "Priority", "1", "ActionID", "rd-1");
        assertEquals("Redirect successful", ami.awaitResponse("rd-1", WAIT).get("Message"));
    }

    private void setvar(PlacedCall call, String variable, String value) throws Exception {
        ami.send("Action", "Setvar", "Channel", call.channel(), "Variable", variable, "Value", value,
                "ActionID", "sv-" + variable);
        assertEquals("Variable Set", ami.awaitResponse("sv-" + variable, WAIT).get("Message"));
    }

    @Test
    void aHeldCallerRedirectedToASeatIsDialledAnsweredBridgedAndHungUp() throws Exception {
        start(s -> s);
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000001").withTalkTimeMs(2000));
        heldCaller(call);
        deliver(call, "PJSIP/1001", 15);

        Received begin = ami.awaitEvent("DialBegin", WAIT);
        assertEquals(call.channel(), begin.get("Channel"));
        assertTrue(begin.get("DestChannel").startsWith("PJSIP/1001-"), begin.toString());
        assertEquals("1001", begin.get("DialString"));
        Received end = ami.awaitEvent("DialEnd", WAIT);
        assertEquals("ANSWER", end.get("DialStatus"));
        assertEquals(begin.get("DestChannel"), end.get("DestChannel"));
        ami.awaitEvent("BridgeEnter", WAIT);
        ami.awaitEvent("BridgeEnter", WAIT);
        Received hangup = ami.await(r -> r.isEvent("Hangup") && call.channel().equals(r.get("Channel")), WAIT);
        assertEquals("16", hangup.get("Cause"));
        assertEquals("Normal Clearing", hangup.get("Cause-txt"));
        ami.await(r -> r.isEvent("Hangup") && begin.get("DestChannel").equals(r.get("Channel")), WAIT);

        List<Received> all = ami.received();
        int iBegin = indexOf(all, r -> r.isEvent("DialBegin"));
        int iEnd = indexOf(all, r -> r.isEvent("DialEnd"));
        int iEnter = indexOf(all, r -> r.isEvent("BridgeEnter"));
        int iHangup = indexOf(all, r -> r.isEvent("Hangup"));
        assertTrue(iBegin < iEnd && iEnd < iEnter && iEnter < iHangup, "order: " + all);
        Received firstEnter = all.get(iEnter);
        assertEquals(begin.get("DestChannel"), firstEnter.get("Channel"), "the seat enters the bridge first");

        CallOutcome o = call.ended().get(5, TimeUnit.SECONDS);
        assertEquals(Outcome.COMPLETED, o.outcome());
        assertEquals("PJSIP/1001", o.seat());
        assertTrue(o.answerWaitMs() >= 1000, "waited at least the ring time: " + o);
        assertTrue(o.queuedAfterMs() >= 0);
        assertTrue(o.callerHungUp());
        assertEquals(1, sim.outcomes().completed());
        assertEquals(1, sim.outcomes().answered());
    }

    @Test
    void aDeliveredCallIsRecordedOnTheSeatsChannelFromItsAnswerToItsHangUp() throws Exception {
        start(s -> s);
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000017").withTalkTimeMs(60_000));
        heldCaller(call);
        String name = "acd/20261123/" + call.uniqueid();
        setvar(call, "ACD_RECORDING", name);
        long delivered = sim.nowMs();
        deliver(call, "PJSIP/1001", 15);

        Received begin = ami.awaitEvent("DialBegin", WAIT);
        String seat = begin.get("DestChannel");
        Received started = ami.awaitEvent("MixMonitorStart", WAIT);
        assertEquals(seat, started.get("Channel"), "the seat's channel is recorded");
        assertEquals("acd-record", started.get("Context"));
        assertEquals("ANSWER", ami.awaitEvent("DialEnd", WAIT).get("DialStatus"));
        ami.await(event("BridgeEnter", call.channel()), WAIT);
        List<Received> all = ami.received();
        assertTrue(indexOf(all, r -> r.isEvent("MixMonitorStart")) < indexOf(all, r -> r.isEvent("DialEnd")),
                "recording starts as the seat answers, before the bridge: " + all);

        String file = "/var/spool/asterisk/monitor/" + name + ".wav";
        ami.send("Action", "Getvar", "Channel", seat, "Variable", "MIXMONITOR_FILENAME", "ActionID", "gv-1");
        assertEquals(file, ami.awaitResponse("gv-1", WAIT).get("Value"));
        List<CallRecording> during = sim.recordings();
        assertEquals(1, during.size(), during.toString());
        CallRecording recording = during.get(0);
        assertEquals(file, recording.file());
        assertEquals(seat, recording.channel());
        assertEquals(begin.get("DestUniqueid"), recording.uniqueid());
        assertTrue(recording.startedAtMs() >= delivered + 1000, "from the answer, after the ring: " + recording);
        assertFalse(recording.stopped(), "still recording while the two talk");

        call.hangUp();
        ami.await(r -> r.isEvent("Hangup") && seat.equals(r.get("Channel")), WAIT);
        CallRecording done = sim.recordings().get(0);
        assertTrue(done.stopped());
        assertEquals(recording.startedAtMs(), done.startedAtMs());
        assertTrue(done.stoppedAtMs() >= done.startedAtMs() && done.stoppedAtMs() <= sim.nowMs(), done.toString());
        assertEquals(Outcome.COMPLETED, call.ended().get(5, TimeUnit.SECONDS).outcome());
    }

    @Test
    void aCallTheServerNamesNoRecordingForIsConnectedAndNothingIsRecorded() throws Exception {
        start(s -> s);
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000018").withTalkTimeMs(2000));
        heldCaller(call);
        setvar(call, "ACD_RECORDING", "");
        deliver(call, "PJSIP/1001", 15);

        String seat = ami.awaitEvent("DialBegin", WAIT).get("DestChannel");
        assertEquals("ANSWER", ami.awaitEvent("DialEnd", WAIT).get("DialStatus"));
        ami.await(event("BridgeEnter", seat), WAIT);
        ami.await(event("BridgeEnter", call.channel()), WAIT);
        assertEquals(Outcome.COMPLETED, call.ended().get(5, TimeUnit.SECONDS).outcome());

        List<Received> all = ami.received();
        assertEquals(-1, indexOf(all, r -> r.isEvent("MixMonitorStart")), all.toString());
        assertEquals(List.of(), sim.recordings());
    }

    @Test
    void theIvrScriptSeesTheCallerAndTheHotline() throws Exception {
        start(s -> s);
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000002").withName("Li Na").dialling("10010"));
        heldCaller(call);
        FakeAgiServer.Session s = agi.session(1, 5000);
        assertEquals("ivr", s.env("agi_network_script"));
        assertEquals(call.channel(), s.env("agi_channel"));
        assertEquals(call.uniqueid(), s.env("agi_uniqueid"));
        assertEquals("13800000002", s.env("agi_callerid"));
        assertEquals("Li Na", s.env("agi_calleridname"));
        assertEquals("10010", s.env("agi_dnid"));
        assertEquals("acd-inbound", s.env("agi_context"));
        assertEquals("10010", s.env("agi_extension"));
        assertEquals("3", s.env("agi_priority"));
        assertEquals("PJSIP", s.env("agi_type"));
        long seconds = Long.parseLong(call.uniqueid().substring(0, call.uniqueid().indexOf('.')));
        assertTrue(seconds >= 1_795_443_115L && seconds < 1_795_443_115L + 120, "seconds of the simulated clock: "
                + call.uniqueid());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (s.hangupLines() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, s.hangupLines(), "the final HANGUP after the script closed");
    }

    @Test
    void aSeatThatLetsItRingSendsTheCallerBackToHoldWithNoAnswer() throws Exception {
        start(s -> s.withSeats(List.of(SeatSettings.of("PJSIP/1001").withNoAnswerProbability(1))));
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000003"));
        heldCaller(call);
        deliver(call, "PJSIP/1001", 2);
        assertEquals("NOANSWER", ami.awaitEvent("DialEnd", WAIT).get("DialStatus"));
        heldCaller(call);
        assertEquals(Outcome.IN_PROGRESS, call.outcome().outcome());
        assertEquals(List.of("PJSIP/1001"), call.outcome().seatsRung());
    }

    @Test
    void aBusySeatAnswersBusy() throws Exception {
        start(s -> s.withSeats(List.of(SeatSettings.of("PJSIP/1001").withBusy(true))));
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000004"));
        heldCaller(call);
        deliver(call, "PJSIP/1001", 15);
        ami.awaitEvent("DialBegin", WAIT);
        assertEquals("BUSY", ami.awaitEvent("DialEnd", WAIT).get("DialStatus"));
        Received seatHangup = ami.awaitEvent("Hangup", WAIT);
        assertEquals("17", seatHangup.get("Cause"));
        heldCaller(call);
    }

    @Test
    void anUnregisteredSeatFailsAtOnceWithoutDialEventsAndTheCallerIsBackOnHold() throws Exception {
        start(s -> s.withSeats(List.of(SeatSettings.of("PJSIP/1001").withRegistration(Registration.UNREGISTERED))));
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000005"));
        heldCaller(call);
        deliver(call, "PJSIP/1001", 15);
        heldCaller(call);
        assertEquals(-1, indexOf(ami.received(), r -> r.isEvent("DialBegin") || r.isEvent("DialEnd")));
        assertEquals("UNAVAILABLE", sim.deviceState("PJSIP/1001"));
    }

    @Test
    void anUnreachableSeatEndsTheDialWithChanunavail() throws Exception {
        start(s -> s.withSeats(List.of(SeatSettings.of("PJSIP/1001").withRegistration(Registration.UNREACHABLE))));
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000006"));
        heldCaller(call);
        deliver(call, "PJSIP/1001", 15);
        ami.awaitEvent("DialBegin", WAIT);
        assertEquals("CHANUNAVAIL", ami.awaitEvent("DialEnd", WAIT).get("DialStatus"));
        heldCaller(call);
    }

    @Test
    void aCallerWhoHangsUpWhileTheSeatRingsCancelsTheDial() throws Exception {
        start(s -> s.withSeats(List.of(SeatSettings.of("PJSIP/1001").withRingMs(20_000))));
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000007"));
        heldCaller(call);
        deliver(call, "PJSIP/1001", 30);
        ami.awaitEvent("DialBegin", WAIT);
        ami.await(r -> r.isEvent("DeviceStateChange") && "RINGING".equals(r.get("State")), WAIT);
        call.hangUp();
        assertEquals("CANCEL", ami.awaitEvent("DialEnd", WAIT).get("DialStatus"));
        ami.await(r -> r.isEvent("Hangup") && call.channel().equals(r.get("Channel")), WAIT);
        CallOutcome o = call.ended().get(5, TimeUnit.SECONDS);
        assertEquals(Outcome.ABANDONED, o.outcome());
        assertTrue(o.abandonWaitMs() > 0);
    }

    @Test
    void theServerTakingTheCallerBackToHoldWhileTheSeatRingsEndsTheDialWithCancel() throws Exception {
        start(s -> s.withSeats(List.of(SeatSettings.of("PJSIP/1001").withRingMs(20_000))));
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000016"));
        heldCaller(call);
        deliver(call, "PJSIP/1001", 30);
        String seatChannel = ami.awaitEvent("DialBegin", WAIT).get("DestChannel");
        ami.send("Action", "Redirect", "Channel", call.channel(), "Context", "acd-hold", "Exten", "s",
                "Priority", "1", "ActionID", "back");
        ami.awaitResponse("back", WAIT);
        assertEquals("CANCEL", ami.awaitEvent("DialEnd", WAIT).get("DialStatus"));
        ami.await(r -> r.isEvent("Hangup") && seatChannel.equals(r.get("Channel")), WAIT);
        heldCaller(call);
        assertEquals("NOT_INUSE", sim.deviceState("PJSIP/1001"));
    }

    @Test
    void aCallerWhosePatienceRunsOutAbandonsTheQueue() throws Exception {
        start(s -> s);
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000008").withPatienceMs(3000));
        heldCaller(call);
        Received hangupRequest = ami.await(r -> r.isEvent("HangupRequest") && call.channel().equals(r.get("Channel")),
                WAIT);
        assertEquals("16", hangupRequest.get("Cause"));
        ami.awaitEvent("MusicOnHoldStop", WAIT);
        ami.await(r -> r.isEvent("Hangup") && call.channel().equals(r.get("Channel")), WAIT);
        CallOutcome o = call.ended().get(5, TimeUnit.SECONDS);
        assertEquals(Outcome.ABANDONED, o.outcome());
        assertTrue(o.abandonWaitMs() >= 3000 && o.abandonWaitMs() < 6000, o.toString());
        assertEquals(1, sim.outcomes().abandoned());
        assertEquals(1, sim.outcomes().abandonWaitsMs().length);
    }

    @Test
    void theSeatHangingUpFirstSendsTheCallerToTheSurvey() throws Exception {
        start(s -> s.withSeats(List.of(SeatSettings.of("PJSIP/1001").withRingMs(500).withTalkTimeMs(1000))));
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000009").withTalkTimeMs(60_000).pressing("5"));
        heldCaller(call);
        ami.send("Action", "Setvar", "Channel", call.channel(), "Variable", "ACD_SURVEY", "Value", "1",
                "ActionID", "sv-0");
        ami.awaitResponse("sv-0", WAIT);
        deliver(call, "PJSIP/1001", 15);
        String seatChannel = ami.awaitEvent("DialBegin", WAIT).get("DestChannel");
        ami.await(r -> r.isEvent("HangupRequest") && seatChannel.equals(r.get("Channel")), WAIT);
        ami.await(r -> r.isEvent("Hangup") && call.channel().equals(r.get("Channel")), WAIT);
        FakeAgiServer.Session survey = agi.session(2, 5000);
        assertEquals("survey", survey.env("agi_network_script"));
        assertTrue(survey.transcript().contains("< 200 result=5"), survey.transcript().toString());
        CallOutcome o = call.ended().get(5, TimeUnit.SECONDS);
        assertEquals(Outcome.COMPLETED, o.outcome());
        assertTrue(o.surveyed());
        assertFalse(o.callerHungUp());
    }

    @Test
    void aCallerHangingUpInTheIvrLeavesTheScriptADeadChannelUntilItCloses() throws Exception {
        agi.script("ivr", s -> {
            s.command("ANSWER");
            String played = s.command("STREAM FILE long-menu \"\"");
            String noop = s.command("NOOP");
            String denied = s.command("STREAM FILE goodbye \"\"");
            s.command("VERBOSE \"" + played + "|" + noop + "|" + denied + "\" 1");
        });
        start(s -> s.withPrompts(Prompts.defaults().withLength("long-menu", 10_000)));
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000015").withPatienceMs(2000));
        CallOutcome o = call.ended().get(5, TimeUnit.SECONDS);
        assertEquals(Outcome.IVR_ABANDONED, o.outcome());
        FakeAgiServer.Session s = agi.session(1, 5000);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (s.hangupLines() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<String> t = s.transcript();
        assertEquals(2, s.hangupLines(), t.toString());
        assertTrue(t.stream().anyMatch(l -> l.matches("< 200 result=-1 endpos=\\d+")), t.toString());
        assertTrue(t.contains("< 511 Command Not Permitted on a dead channel or intercept routine"), t.toString());
        assertEquals("< HANGUP", t.get(t.size() - 1), "HANGUP again after the script closed: " + t);
    }

    @Test
    void featureCodesReachTheSeatScriptAsTheSeatNumber() throws Exception {
        start(s -> s);
        assertEquals("SUCCESS", sim.seat("PJSIP/1001").login().get(5, TimeUnit.SECONDS));
        FakeAgiServer.Session login = agi.session(1, 5000);
        assertEquals("seat", login.env("agi_network_script"));
        assertEquals("login", login.env("agi_arg_1"));
        assertEquals("1001", login.env("agi_callerid"));
        assertEquals("*21", login.env("agi_extension"));
        assertEquals("seats", login.env("agi_context"));
        assertTrue(login.env("agi_channel").startsWith("PJSIP/1001-"));

        sim.seat("PJSIP/1001").notReady(2).get(5, TimeUnit.SECONDS);
        FakeAgiServer.Session notReady = agi.session(2, 5000);
        assertEquals("notready", notReady.env("agi_arg_1"));
        assertEquals("2", notReady.env("agi_arg_2"));
        assertEquals("agi://127.0.0.1:" + agi.port() + "/seat", notReady.env("agi_request"));
    }

    @Test
    void anAgiServerNobodyListensOnFailsTheCall() throws Exception {
        start(s -> s.withAgi("127.0.0.1", 1));
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000010"));
        CallOutcome o = call.ended().get(10, TimeUnit.SECONDS);
        assertEquals(Outcome.FAILED, o.outcome());
        assertEquals(1, sim.outcomes().failed());
    }

    @Test
    void theEngineEndingAWaitSendsTheCallerToVoicemailAndTheMessageLeftIsReportedAsTheCallEnds() throws Exception {
        start(s -> s.withVoicemailMessageMs(1000));
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000011"));
        heldCaller(call);
        ami.send("Action", "Setvar", "Channel", call.channel(), "Variable", "ACD_EXIT", "Value", "voicemail",
                "ActionID", "sv-x");
        ami.awaitResponse("sv-x", WAIT);
        ami.send("Action", "Setvar", "Channel", call.channel(), "Variable", "ACD_VOICEMAIL_BOX", "Value", "general@acd",
                "ActionID", "sv-b");
        ami.awaitResponse("sv-b", WAIT);
        ami.send("Action", "Redirect", "Channel", call.channel(), "Context", "acd-exit", "Exten", "s",
                "Priority", "1", "ActionID", "rd-x");
        ami.awaitResponse("rd-x", WAIT);
        assertEquals(Outcome.VOICEMAIL, call.ended().get(5, TimeUnit.SECONDS).outcome());
        // the shipped dialplan's h extension hands the message to the server's /voicemail script
        FakeAgiServer.Session report = agi.session(2, 5000);
        assertEquals("voicemail", report.env("agi_network_script"));
        assertEquals("/var/spool/asterisk/voicemail/acd/general/INBOX/msg0000", report.env("agi_arg_1"));
        assertEquals("SUCCESS", report.env("agi_arg_2"));
        assertEquals("general@acd", report.env("agi_arg_4"));
        assertEquals("13800000011", report.env("agi_callerid"));
        assertEquals("h", report.env("agi_extension"));
    }

    @Test
    void amiHangupOfAWaitingCallerDisconnectsIt() throws Exception {
        start(s -> s);
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000012"));
        heldCaller(call);
        ami.send("Action", "Hangup", "Channel", call.channel(), "Cause", "16", "ActionID", "h-1");
        assertEquals("Channel Hungup", ami.awaitResponse("h-1", WAIT).get("Message"));
        assertEquals(Outcome.DISCONNECTED, call.ended().get(5, TimeUnit.SECONDS).outcome());
    }

    @Test
    void aRedirectOfAnUnknownChannelSaysSo() throws Exception {
        start(s -> s);
        ami.send("Action", "Redirect", "Channel", "PJSIP/nobody-00000000", "Context", "acd-deliver", "Exten", "s",
                "Priority", "1", "ActionID", "rd-9");
        Received r = ami.awaitResponse("rd-9", WAIT);
        assertEquals("Error", r.get("Response"));
        assertEquals("Channel does not exist: PJSIP/nobody-00000000", r.get("Message"));
    }

    @Test
    void everyCallEndsUpCounted() throws Exception {
        start(s -> s);
        PlacedCall a = sim.placeCall(CallerScript.caller("13800000013").withPatienceMs(500));
        PlacedCall b = sim.placeCall(CallerScript.caller("13800000014").withPatienceMs(500));
        a.ended().get(5, TimeUnit.SECONDS);
        b.ended().get(5, TimeUnit.SECONDS);
        assertTrue(sim.awaitSettled(WAIT));
        var outcomes = sim.outcomes();
        assertEquals(2, outcomes.placed());
        assertEquals(0, outcomes.inProgress());
        assertEquals(0, outcomes.stuck(0));
        assertNotNull(outcomes.byNumber("13800000014"));
    }
}
