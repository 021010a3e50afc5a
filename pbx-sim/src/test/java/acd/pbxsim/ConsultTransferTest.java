package acd.pbxsim;

import acd.pbxsim.ami.AmiUser;
import acd.pbxsim.testing.AmiTestClient;
import acd.pbxsim.testing.AmiTestClient.Received;
import acd.pbxsim.testing.FakeAgiServer;
import acd.pbxsim.testing.Teardown;
import acd.pbxsim.world.CallOutcome;
import acd.pbxsim.world.CallerScript;
import acd.pbxsim.world.SeatSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import static acd.pbxsim.testing.AmiTestClient.Received.event;
import static acd.pbxsim.testing.AmiTestClient.Received.indexOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consultative transfer through the shipped dialplan, driven over AMI as the ACD server does:
 * the caller and the agent's channel redirected together (the caller to music in
 * acd-consult-hold, the agent's channel to acd-consult, where it rings the colleague), then the
 * caller joined by AMI Bridge to the colleague (hand-over) or back to the agent (cancel), or
 * handed over by the agent hanging up (Dial's F option).
 */
class ConsultTransferTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final String CALL_ID = "42";

    private FakeAgiServer agi;
    private PbxSimulator sim;
    private AmiTestClient ami;
    private int actions;

    @AfterEach
    void stop() throws Exception {
        Teardown.close(ami, sim, agi);
    }

    /** The caller (C), the agent's seat channel (S) and the colleague's (K). */
    private record Consultation(PlacedCall call, String caller, String agent, String colleague, Received colleagueRings) {
    }

    private void start(UnaryOperator<SeatSettings> colleague) throws Exception {
        agi = new FakeAgiServer()
                .script("ivr", s -> {
                    s.command("ANSWER");
                    s.command("SET VARIABLE ACD_CALL_ID " + CALL_ID);
                    s.command("SET VARIABLE ACD_QUEUED 1");
                })
                .script("survey", s -> s.command("GET DATA survey-rate 1000 1"));
        sim = new PbxSimulator(PbxSettings.defaults()
                .withAmi("127.0.0.1", 0)
                .withAmiUsers(List.of(new AmiUser("acd", "acdsecret", "all", "all")))
                .withAgi("127.0.0.1", agi.port())
                .withSpeed(10)
                .withSeat(SeatSettings.of("PJSIP/1001").withRingMs(500))
                .withSeat(colleague.apply(SeatSettings.of("PJSIP/1002").withRingMs(500))))
                .start();
        ami = new AmiTestClient(sim.amiPort());
        assertEquals("Success", ami.login("acd", "acdsecret").get("Response"));
    }

    private Received action(String... headerPairs) throws Exception {
        String id = "a-" + (++actions);
        String[] withId = new String[headerPairs.length + 2];
        System.arraycopy(headerPairs, 0, withId, 0, headerPairs.length);
        withId[headerPairs.length] = "ActionID";
        withId[headerPairs.length + 1] = id;
        ami.send(withId);
        return ami.awaitResponse(id, WAIT);
    }

    private void setvar(String channel, String variable, String value) throws Exception {
        assertEquals("Variable Set", action("Action", "Setvar", "Channel", channel, "Variable", variable,
                "Value", value).get("Message"));
    }

    private Received bridge(String channel1, String channel2) throws Exception {
        return action("Action", "Bridge", "Channel1", channel1, "Channel2", channel2, "Tone", "no");
    }

    /** A caller talking with seat 1001, as acd-deliver bridges them. */
    private Consultation talkingWithTheAgent() throws Exception {
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000001").withTalkTimeMs(600_000));
        ami.await(r -> r.isEvent("MusicOnHoldStart") && call.channel().equals(r.get("Channel")), WAIT);
        setvar(call.channel(), "ACD_ENDPOINT", "PJSIP/1001");
        setvar(call.channel(), "ACD_RING_TIMEOUT", "15");
        assertEquals("Success", action("Action", "Redirect", "Channel", call.channel(), "Context", "acd-deliver",
                "Exten", "s", "Priority", "1").get("Response"));
        String agent = ami.await(event("DialBegin", call.channel()), WAIT).get("DestChannel");
        ami.await(event("BridgeEnter", call.channel()), WAIT);
        return new Consultation(call, call.channel(), agent, null, null);
    }

    /** The agent asks the colleague at seat 1002: both channels redirected together; S dials K. */
    private Consultation consulting(String ringTimeout) throws Exception {
        Consultation c = talkingWithTheAgent();
        setvar(c.agent(), "ACD_CALL_ID", CALL_ID);
        setvar(c.agent(), "ACD_CONSULT_ENDPOINT", "PJSIP/1002");
        setvar(c.agent(), "ACD_RING_TIMEOUT", ringTimeout);
        Received redirect = action("Action", "Redirect", "Channel", c.caller(), "Context", "acd-consult-hold",
                "Exten", "s", "Priority", "1", "ExtraChannel", c.agent(), "ExtraContext", "acd-consult",
                "ExtraExten", "s", "ExtraPriority", "1");
        assertEquals("Dual Redirect successful", redirect.get("Message"));
        Received rings = ami.await(event("DialBegin", c.agent()), WAIT);
        return new Consultation(c.call(), c.caller(), c.agent(), rings.get("DestChannel"), rings);
    }

    private Consultation talkingWithTheColleague() throws Exception {
        Consultation c = consulting("20");
        ami.await(event("BridgeEnter", c.colleague()), WAIT);
        return c;
    }

    private static Predicate<Received> newexten(String channel, String context, String priority) {
        return r -> r.isEvent("Newexten") && channel.equals(r.get("Channel")) && context.equals(r.get("Context"))
                && priority.equals(r.get("Priority"));
    }

    private static Predicate<Received> music(String eventName, String channel, String context) {
        return r -> event(eventName, channel).test(r) && context.equals(r.get("Context"));
    }

    private static Predicate<Received> userEvent(String name) {
        return r -> r.isEvent("UserEvent") && name.equals(r.get("UserEvent"));
    }

    private static Predicate<Received> inBridge(String eventName, String channel, String bridgeId) {
        return r -> event(eventName, channel).test(r) && bridgeId.equals(r.get("BridgeUniqueid"));
    }

    private static boolean hungUp(List<Received> all, String channel) {
        return indexOf(all, event("Hangup", channel)) >= 0;
    }

    private static void assertInOrder(List<Received> all, List<Predicate<Received>> steps, String what) {
        int last = -1;
        for (int i = 0; i < steps.size(); i++) {
            int at = indexOf(all, steps.get(i));
            assertTrue(at > last, what + ": step " + (i + 1) + " at " + at + " after " + last + " in\n" + summary(all));
            last = at;
        }
    }

    private static String summary(List<Received> all) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            Received r = all.get(i);
            sb.append(i).append(' ').append(r.event() != null ? r.event() : "Response " + r.get("Message"));
            for (String h : List.of("Channel", "BridgeUniqueid", "Context", "Priority", "UserEvent")) {
                if (r.get(h) != null) {
                    sb.append(' ').append(h).append('=').append(r.get(h));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void theDualRedirectKeepsBothChannelsUpAndTheAgentsChannelRingsTheColleague() throws Exception {
        start(s -> s);
        Consultation c = consulting("20");

        Received rings = c.colleagueRings();
        assertTrue(c.colleague().startsWith("PJSIP/1002-"), c.colleague());
        assertEquals("acd-consult", rings.get("Context"), "the agent's channel runs the dialplan at acd-consult");
        assertEquals("1001", rings.get("DestConnectedLineNum"), "the colleague's phone shows the agent's seat");
        assertEquals("1001", rings.get("CallerIDNum"));
        String agentId = ami.received().stream().filter(event("Newchannel", c.agent())).findFirst().orElseThrow()
                .get("Uniqueid");
        assertEquals(agentId, rings.get("Uniqueid"));
        assertNotEquals(agentId, rings.get("DestUniqueid"));
        assertEquals("ANSWER", ami.await(event("DialEnd", c.agent()), WAIT).get("DialStatus"));
        ami.await(event("BridgeEnter", c.colleague()), WAIT);
        ami.await(event("BridgeEnter", c.agent()), WAIT);

        List<Received> all = ami.received();
        assertFalse(hungUp(all, c.caller()), "the caller stays up");
        assertFalse(hungUp(all, c.agent()), "the agent's channel stays up");
        assertInOrder(all, List.of(event("BridgeLeave", c.caller()), event("BridgeLeave", c.agent()),
                        r -> r.isEvent("BridgeDestroy"), newexten(c.caller(), "acd-consult-hold", "1"),
                        music("MusicOnHoldStart", c.caller(), "acd-consult-hold"),
                        newexten(c.agent(), "acd-consult", "1"), event("DialBegin", c.agent())),
                "both leave the bridge, the caller to music, the agent's channel to the Dial");
        assertTrue(all.stream().anyMatch(r -> r.isEvent("Newexten") && c.agent().equals(r.get("Channel"))
                        && "PJSIP/1002,20,gF(acd-consult-taken^42^1)".equals(r.get("AppData"))),
                "the Dial with its variables substituted");
    }

    @Test
    void aHandOverFromTheDeskJoinsTheCallerToTheColleagueAndTheCallerGoesOnWhenTheColleagueHangsUp()
            throws Exception {
        start(s -> s);
        Consultation c = talkingWithTheColleague();
        String consultBridge = ami.await(event("BridgeEnter", c.agent()), WAIT).get("BridgeUniqueid");
        setvar(c.caller(), "ACD_SURVEY", "1");
        setvar(c.agent(), "ACD_CONSULT_DONE", "1");

        Received bridged = bridge(c.caller(), c.colleague());
        assertEquals("Success", bridged.get("Response"));
        assertEquals("Channels have been bridged", bridged.get("Message"));
        String handOver = ami.await(event("BridgeEnter", c.colleague()), WAIT).get("BridgeUniqueid");
        assertNotEquals(consultBridge, handOver);
        ami.await(event("Hangup", c.agent()), WAIT);

        List<Received> all = ami.received();
        assertInOrder(all, List.of(r -> r.isEvent("BridgeCreate") && handOver.equals(r.get("BridgeUniqueid")),
                        music("MusicOnHoldStop", c.caller(), "acd-consult-hold"),
                        inBridge("BridgeEnter", c.caller(), handOver),
                        inBridge("BridgeLeave", c.colleague(), consultBridge),
                        inBridge("BridgeEnter", c.colleague(), handOver),
                        inBridge("BridgeLeave", c.agent(), consultBridge),
                        r -> r.isEvent("BridgeDestroy") && consultBridge.equals(r.get("BridgeUniqueid")),
                        newexten(c.agent(), "acd-consult", "2"), newexten(c.agent(), "acd-consult", "5"),
                        event("Hangup", c.agent())),
                "the caller and the colleague bridged, the agent's Dial over and its channel done");
        assertFalse(hungUp(all, c.caller()));
        assertFalse(hungUp(all, c.colleague()));

        // the rest of the call is recorded from the caller's side, as the server asks after a hand-over
        Received recording = action("Action", "MixMonitor", "Channel", c.caller(), "File", "acd/20261207/42-2.wav",
                "Options", "a");
        assertEquals("Success", recording.get("Response"));
        ami.await(event("MixMonitorStart", c.caller()), WAIT);
        assertEquals("Could not start monitoring channel", action("Action", "MixMonitor", "Channel", c.caller())
                .get("Message"), "no file named");
        assertTrue(sim.recordings().stream().anyMatch(r -> r.channel().equals(c.caller())
                && r.file().equals("/var/spool/asterisk/monitor/acd/20261207/42-2.wav")), sim.recordings().toString());
        assertEquals("No such channel", action("Action", "MixMonitor", "Channel", c.agent(), "File", "x.wav")
                .get("Message"), "the agent's channel is gone");

        // the colleague hangs up first: the caller goes on after its MusicOnHold, to the survey
        assertEquals("Channel Hungup", action("Action", "Hangup", "Channel", c.colleague()).get("Message"));
        ami.await(inBridge("BridgeLeave", c.caller(), handOver), WAIT);
        ami.await(newexten(c.caller(), "acd-consult-hold", "3"), WAIT);
        ami.await(newexten(c.caller(), "acd-survey", "1"), WAIT);
        assertEquals("survey", agi.session(2, 5000).env("agi_network_script"));
        CallOutcome outcome = c.call().ended().get(5, TimeUnit.SECONDS);
        assertTrue(outcome.surveyed(), outcome.toString());
    }

    @Test
    void aCancelFromTheDeskReportsTheConsultationOverAndJoinsTheAgentBackToTheCaller() throws Exception {
        start(s -> s);
        Consultation c = talkingWithTheColleague();

        action("Action", "Hangup", "Channel", c.colleague());
        Received over = ami.await(userEvent("AcdConsultOver"), WAIT);
        assertEquals(c.agent(), over.get("Channel"));
        assertEquals(CALL_ID, over.get("Call"));
        assertEquals("ANSWER", over.get("Status"));
        ami.await(r -> r.isEvent("MusicOnHoldStart") && c.agent().equals(r.get("Channel")), WAIT);

        assertEquals("Channels have been bridged", bridge(c.caller(), c.agent()).get("Message"));
        String back = ami.await(event("BridgeEnter", c.agent()), WAIT).get("BridgeUniqueid");
        List<Received> all = ami.received();
        assertInOrder(all, List.of(music("MusicOnHoldStop", c.caller(), "acd-consult-hold"),
                        inBridge("BridgeEnter", c.caller(), back),
                        music("MusicOnHoldStop", c.agent(), "acd-consult"),
                        inBridge("BridgeEnter", c.agent(), back)),
                "both taken off their music into one bridge");

        // the agent hangs up: the caller goes on after its MusicOnHold, and with no survey is done
        action("Action", "Hangup", "Channel", c.agent());
        ami.await(inBridge("BridgeLeave", c.caller(), back), WAIT);
        ami.await(newexten(c.caller(), "acd-consult-hold", "3"), WAIT);
        ami.await(newexten(c.caller(), "acd-consult-hold", "4"), WAIT);
        ami.await(event("Hangup", c.caller()), WAIT);
    }

    @Test
    void aColleagueWhoDoesNotAnswerIsReportedAndTheAgentsChannelWaitsOnMusicForThirtySeconds() throws Exception {
        start(s -> s.withNoAnswerProbability(1));
        Consultation c = consulting("2");

        assertEquals("NOANSWER", ami.await(event("DialEnd", c.agent()), WAIT).get("DialStatus"));
        Received over = ami.await(userEvent("AcdConsultOver"), WAIT);
        assertEquals("NOANSWER", over.get("Status"));
        ami.await(r -> r.isEvent("MusicOnHoldStart") && c.agent().equals(r.get("Channel")), WAIT);

        // nobody joins it back: MusicOnHold's 30 s are up, and the agent's channel hangs up
        ami.await(r -> r.isEvent("MusicOnHoldStop") && c.agent().equals(r.get("Channel")), WAIT);
        ami.await(newexten(c.agent(), "acd-consult", "5"), WAIT);
        ami.await(event("Hangup", c.agent()), WAIT);
        assertFalse(hungUp(ami.received(), c.caller()), "the caller still waits on music");
    }

    @Test
    void anAgentHangingUpWhileTalkingWithTheColleagueHandsTheCallerOver() throws Exception {
        start(s -> s);
        Consultation c = talkingWithTheColleague();

        action("Action", "Hangup", "Channel", c.agent());
        ami.await(newexten(c.colleague(), "acd-consult-taken", "1"), WAIT);
        Received taken = ami.await(userEvent("AcdConsultTaken"), WAIT);
        assertEquals(c.colleague(), taken.get("Channel"));
        assertEquals(CALL_ID, taken.get("Call"));
        assertEquals(CALL_ID, taken.get("Exten"));
        ami.await(r -> r.isEvent("MusicOnHoldStart") && c.colleague().equals(r.get("Channel")), WAIT);
        assertFalse(hungUp(ami.received(), c.colleague()), "the colleague is not hung up with the agent");

        assertEquals("Channels have been bridged", bridge(c.caller(), c.colleague()).get("Message"));
        String handOver = ami.await(event("BridgeEnter", c.colleague()), WAIT).get("BridgeUniqueid");

        // the caller hangs up: the colleague goes on after its MusicOnHold, to the Hangup
        c.call().hangUp();
        ami.await(inBridge("BridgeLeave", c.colleague(), handOver), WAIT);
        ami.await(newexten(c.colleague(), "acd-consult-taken", "3"), WAIT);
        ami.await(event("Hangup", c.colleague()), WAIT);
    }

    @Test
    void bridgingAChannelThatDoesNotExistIsAnError() throws Exception {
        start(s -> s);
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000001"));
        ami.await(r -> r.isEvent("MusicOnHoldStart") && call.channel().equals(r.get("Channel")), WAIT);

        Received first = bridge("PJSIP/1099-000000ff", call.channel());
        assertEquals("Error", first.get("Response"));
        assertEquals("Channel1 does not exist: PJSIP/1099-000000ff", first.get("Message"));
        Received second = bridge(call.channel(), "PJSIP/1099-000000ff");
        assertEquals("Error", second.get("Response"));
        assertEquals("Channel2 does not exist: PJSIP/1099-000000ff", second.get("Message"));
        Received missing = action("Action", "Bridge", "Channel1", call.channel());
        assertEquals("Missing channel parameter in request", missing.get("Message"));
        assertFalse(ami.received().stream().anyMatch(r -> r.isEvent("BridgeCreate")), "no bridge was made");
        assertFalse(hungUp(ami.received(), call.channel()));
    }
}
