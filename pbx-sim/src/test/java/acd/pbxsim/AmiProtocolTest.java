package acd.pbxsim;

import acd.pbxsim.ami.AmiUser;
import acd.pbxsim.testing.AmiTestClient;
import acd.pbxsim.testing.AmiTestClient.Received;
import acd.pbxsim.testing.FakeAgiServer;
import acd.pbxsim.testing.Transcript;
import acd.pbxsim.world.CallerScript;
import acd.pbxsim.world.SeatSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manager interface on the wire, held against the captures of a real Asterisk 20. */
class AmiProtocolTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    private FakeAgiServer agi;
    private PbxSimulator sim;
    private final List<AmiTestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        agi = new FakeAgiServer().script("ivr", s -> {
            s.command("ANSWER");
            s.command("SET VARIABLE ACD_CALL_ID 7");
            s.command("SET VARIABLE ACD_QUEUED 1");
        });
        sim = new PbxSimulator(PbxSettings.defaults()
                .withAmi("127.0.0.1", 0)
                .withAmiUsers(List.of(new AmiUser("acd", "acdsecret"),
                        new AmiUser("all", "allsecret", "all", "all")))
                .withAgi("127.0.0.1", agi.port())
                .withSpeed(10)
                .withAuthFailureWallMs(100)
                .withSeat(SeatSettings.of("PJSIP/1001").withRingMs(500))
                .withSeat(SeatSettings.of("PJSIP/1002"))).start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AmiTestClient c : clients) {
            c.close();
        }
        sim.close();
        agi.close();
    }

    private AmiTestClient client() throws Exception {
        AmiTestClient c = new AmiTestClient(sim.amiPort());
        clients.add(c);
        return c;
    }

    private AmiTestClient loggedIn(String user, String secret) throws Exception {
        AmiTestClient c = client();
        assertEquals("Success", c.login(user, secret).get("Response"));
        return c;
    }

    @Test
    void theBannerAndLoginResponseAreByteIdenticalToTheCapture() throws Exception {
        AmiTestClient c = client();
        assertEquals("Asterisk Call Manager/9.0.0\r\n", c.banner());
        c.sendRaw("Action: Login\r\nUsername: acd\r\nSecret: acdsecret\r\nActionID: login-1\r\n\r\n");
        Received response = c.next(WAIT);
        Received booted = c.next(WAIT);
        String raw = new String(Transcript.raw("ami-agi-call.asterisk-to-client.raw"), StandardCharsets.UTF_8);
        assertTrue(raw.startsWith(c.banner() + response.wire()), "login response: " + response.wire());
        Transcript.Block capturedBooted = Transcript.blocks("ami-agi-call.txt").stream()
                .filter(b -> b.isEvent("FullyBooted")).findFirst().orElseThrow();
        assertEquals(capturedBooted.names(), booted.names());
        assertEquals("Fully Booted", booted.get("Status"));
    }

    @Test
    void aWrongPasswordIsRefusedAndTheConnectionClosed() throws Exception {
        AmiTestClient c = client();
        Received r = c.login("acd", "wrong");
        assertEquals("Error", r.get("Response"));
        assertEquals("Authentication failed", r.get("Message"));
        assertEquals("login-1", r.get("ActionID"));
        assertEquals("Response: Error\r\nActionID: login-1\r\nMessage: Authentication failed\r\n\r\n", r.wire());
        assertTrue(c.closedByPeer(WAIT), "Asterisk closes the session after a failed login");
    }

    @Test
    void anUnknownUserIsRefusedLikeAWrongPassword() throws Exception {
        AmiTestClient c = client();
        assertEquals("Authentication failed", c.login("nobody", "acdsecret").get("Message"));
        assertTrue(c.closedByPeer(WAIT));
    }

    @Test
    void actionsBeforeLoginAreDenied() throws Exception {
        AmiTestClient c = client();
        c.send("Action", "CoreShowChannels", "ActionID", "x-1");
        Received r = c.awaitResponse("x-1", WAIT);
        assertEquals("Error", r.get("Response"));
        assertEquals("Permission denied", r.get("Message"));
    }

    @Test
    void anUnknownActionIsAnErrorNamingIt() throws Exception {
        AmiTestClient c = loggedIn("acd", "acdsecret");
        c.send("Action", "FlyToTheMoon", "ActionID", "u-1");
        Received r = c.awaitResponse("u-1", WAIT);
        assertEquals("Error", r.get("Response"));
        assertEquals("Invalid/unknown command: FlyToTheMoon. Use Action: ListCommands to show available commands.",
                r.get("Message"));
    }

    @Test
    void pingAnswersPong() throws Exception {
        AmiTestClient c = loggedIn("acd", "acdsecret");
        c.send("Action", "Ping", "ActionID", "p-1");
        Received r = c.awaitResponse("p-1", WAIT);
        assertEquals(List.of("Response", "ActionID", "Ping", "Timestamp"), r.names());
        assertEquals("Pong", r.get("Ping"));
        assertTrue(r.get("Timestamp").matches("\\d+\\.\\d{6}"), r.get("Timestamp"));
    }

    @Test
    void logoffSaysGoodbyeAndCloses() throws Exception {
        AmiTestClient c = loggedIn("acd", "acdsecret");
        c.send("Action", "Logoff", "ActionID", "logoff");
        Received r = c.awaitResponse("logoff", WAIT);
        Transcript.Block captured = Transcript.blocks("ami-agi-call.txt").stream()
                .filter(b -> b.first().equals("Response: Goodbye")).findFirst().orElseThrow();
        assertEquals(captured.wire(), r.wire());
        assertTrue(c.closedByPeer(WAIT));
    }

    @Test
    void theVersionProbesAnswerAsAsterisk20() throws Exception {
        AmiTestClient c = loggedIn("acd", "acdsecret");
        c.send("Action", "Command", "Command", "core show version", "ActionID", "v-1");
        Received v = c.awaitResponse("v-1", WAIT);
        assertEquals(List.of("Response", "ActionID", "Message", "Output"), v.names());
        assertEquals("Command output follows", v.get("Message"));
        assertTrue(v.get("Output").matches("^\\s*Asterisk (GIT-)?20[-. ].*"), v.get("Output"));
        c.send("Action", "CoreSettings", "ActionID", "v-2");
        Received settings = c.awaitResponse("v-2", WAIT);
        assertEquals("20.20.1", settings.get("AsteriskVersion"));
        assertEquals("9.0.0", settings.get("AMIversion"));
        c.send("Action", "Command", "Command", "core fly", "ActionID", "v-3");
        Received bad = c.awaitResponse("v-3", WAIT);
        assertEquals("Error", bad.get("Response"));
        assertTrue(bad.get("Output").startsWith("No such command 'core fly'"));
    }

    @Test
    void aChallengedLoginWithAnMd5KeyIsAccepted() throws Exception {
        AmiTestClient c = client();
        c.send("Action", "Challenge", "AuthType", "MD5", "ActionID", "ch-1");
        Received challenge = c.awaitResponse("ch-1", WAIT);
        assertEquals(List.of("Response", "ActionID", "Challenge"), challenge.names());
        byte[] digest = MessageDigest.getInstance("MD5")
                .digest((challenge.get("Challenge") + "acdsecret").getBytes(StandardCharsets.UTF_8));
        c.send("Action", "Login", "Username", "acd", "AuthType", "MD5", "Key", HexFormat.of().formatHex(digest),
                "ActionID", "lg");
        assertEquals("Authentication accepted", c.awaitResponse("lg", WAIT).get("Message"));
    }

    @Test
    void theEventsOfACallHaveTheCapturedHeaderNamesAndOrder() throws Exception {
        AmiTestClient c = loggedIn("all", "allsecret");
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000001").withTalkTimeMs(1000));
        c.await(r -> r.isEvent("MusicOnHoldStart") && call.channel().equals(r.get("Channel")), WAIT);
        c.send("Action", "Setvar", "Channel", call.channel(), "Variable", "ACD_ENDPOINT", "Value", "PJSIP/1001",
                "ActionID", "a");
        c.send("Action", "Setvar", "Channel", call.channel(), "Variable", "ACD_RING_TIMEOUT", "Value", "10",
                "ActionID", "b");
        c.send("Action", "Redirect", "Channel", call.channel(), "Context", "acd-deliver", "Exten", "s",
                "Priority", "1", "ActionID", "c");
        call.ended().get(5, TimeUnit.SECONDS);
        c.await(r -> r.isEvent("DeviceStateChange") && "NOT_INUSE".equals(r.get("State")), WAIT);

        Map<String, Set<List<String>>> captured = Transcript.eventShapes();
        Set<String> checked = new LinkedHashSet<>();
        for (Received r : c.received()) {
            String event = r.event();
            if (event == null || !captured.containsKey(event)) {
                continue;
            }
            assertTrue(captured.get(event).contains(r.names()),
                    event + " headers " + r.names() + " are none of the captured " + captured.get(event));
            checked.add(event);
        }
        assertTrue(checked.containsAll(List.of("FullyBooted", "Newchannel", "Newstate", "Newexten", "VarSet",
                        "AGIExecStart", "AGIExecEnd", "MusicOnHoldStart", "MusicOnHoldStop", "DialBegin", "DialState",
                        "DialEnd", "BridgeCreate", "BridgeEnter", "BridgeLeave", "BridgeDestroy", "HangupRequest",
                        "SoftHangupRequest", "Hangup", "DeviceStateChange")),
                "checked " + checked);
    }

    @Test
    void everyLineOnTheWireEndsInCrlf() throws Exception {
        AmiTestClient c = loggedIn("all", "allsecret");
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000002").withPatienceMs(1000));
        call.ended().get(5, TimeUnit.SECONDS);
        c.send("Action", "Ping", "ActionID", "end");
        c.awaitResponse("end", WAIT);
        byte[] bytes = c.rawBytes();
        assertTrue(bytes.length > 1000);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                assertTrue(i > 0 && bytes[i - 1] == '\r', "bare LF at byte " + i);
            }
        }
    }

    @Test
    void theShippedReadRightsLeaveOutDialplanAndAgiEvents() throws Exception {
        AmiTestClient c = loggedIn("acd", "acdsecret");
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000003").withPatienceMs(1000));
        call.ended().get(5, TimeUnit.SECONDS);
        c.await(r -> r.isEvent("Hangup"), WAIT);
        for (Received r : c.received()) {
            assertFalse(r.event() != null
                    && List.of("Newexten", "VarSet", "AGIExecStart", "AGIExecEnd").contains(r.event()), r.toString());
        }
    }

    @Test
    void coreShowChannelsListsEveryChannelThenCompletes() throws Exception {
        AmiTestClient c = loggedIn("acd", "acdsecret");
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000004"));
        c.await(r -> r.isEvent("MusicOnHoldStart"), WAIT);
        c.send("Action", "CoreShowChannels", "ActionID", "csc");
        Received ack = c.awaitResponse("csc", WAIT);
        assertEquals(List.of("Response", "ActionID", "EventList", "Message"), ack.names());
        assertEquals("start", ack.get("EventList"));
        assertEquals("Channels will follow", ack.get("Message"));
        Received item = c.awaitEvent("CoreShowChannel", WAIT);
        assertEquals("csc", item.get("ActionID"));
        assertEquals(call.channel(), item.get("Channel"));
        assertEquals("MusicOnHold", item.get("Application"));
        assertEquals("acd-hold", item.get("Context"));
        assertTrue(item.get("Duration").matches("\\d\\d:\\d\\d:\\d\\d"));
        Received complete = c.awaitEvent("CoreShowChannelsComplete", WAIT);
        assertEquals(List.of("Event", "ActionID", "EventList", "ListItems"), complete.names());
        assertEquals("1", complete.get("ListItems"));
        assertEquals("Complete", complete.get("EventList"));
    }

    @Test
    void deviceStateListReportsTheSeats() throws Exception {
        AmiTestClient c = loggedIn("acd", "acdsecret");
        c.send("Action", "DeviceStateList", "ActionID", "dsl");
        c.awaitResponse("dsl", WAIT);
        Received first = c.awaitEvent("DeviceStateChange", WAIT);
        assertEquals("PJSIP/1001", first.get("Device"));
        assertEquals("NOT_INUSE", first.get("State"));
        assertEquals("2", c.awaitEvent("DeviceStateListComplete", WAIT).get("ListItems"));
    }

    @Test
    void getvarReadsWhatSetvarWrote() throws Exception {
        AmiTestClient c = loggedIn("acd", "acdsecret");
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000005"));
        c.await(r -> r.isEvent("MusicOnHoldStart"), WAIT);
        c.send("Action", "Getvar", "Channel", call.channel(), "Variable", "ACD_QUEUED", "ActionID", "g-1");
        Received r = c.awaitResponse("g-1", WAIT);
        assertEquals(List.of("Response", "ActionID", "Variable", "Value"), r.names());
        assertEquals("1", r.get("Value"));
        c.send("Action", "Setvar", "Channel", "PJSIP/none-1", "Variable", "X", "Value", "1", "ActionID", "g-2");
        assertEquals("No such channel", c.awaitResponse("g-2", WAIT).get("Message"));
    }

    @Test
    void originateOfALocalChannelIntoTheHotlineAnswersAndReports() throws Exception {
        AmiTestClient c = loggedIn("acd", "acdsecret");
        c.send("Action", "Originate", "Channel", "Local/10086@acd-inbound", "Application", "Wait", "Data", "2",
                "CallerID", "\"Test Caller\" <5550100>", "Async", "true", "Timeout", "30000", "ActionID", "o-1");
        Received ack = c.awaitResponse("o-1", WAIT);
        assertEquals("Originate successfully queued", ack.get("Message"));
        Received response = c.awaitEvent("OriginateResponse", WAIT);
        Transcript.Block captured = Transcript.blocks("ami-agi-call.txt").stream()
                .filter(b -> b.isEvent("OriginateResponse")).findFirst().orElseThrow();
        assertEquals(captured.names(), response.names());
        assertEquals("Success", response.get("Response"));
        assertEquals("4", response.get("Reason"));
        assertEquals("o-1", response.get("ActionID"));
        assertTrue(response.get("Channel").endsWith(";1"));
        assertEquals("5550100", response.get("CallerIDNum"));
        FakeAgiServer.Session s = agi.session(1, 5000);
        assertTrue(s.env("agi_channel").startsWith("Local/10086@acd-inbound-") && s.env("agi_channel").endsWith(";2"));
        assertEquals("Local", s.env("agi_type"));
        c.await(r -> r.isEvent("Hangup") && s.env("agi_channel").equals(r.get("Channel")), WAIT);
        assertEquals(1, sim.outcomes().placed());
    }

    @Test
    void turningEventsOffSilencesTheSession() throws Exception {
        AmiTestClient c = loggedIn("acd", "acdsecret");
        c.send("Action", "Events", "EventMask", "off", "ActionID", "e-1");
        Received r = c.awaitResponse("e-1", WAIT);
        assertEquals("Off", r.get("Events"));
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000006").withPatienceMs(500));
        call.ended().get(5, TimeUnit.SECONDS);
        c.send("Action", "Ping", "ActionID", "e-2");
        c.awaitResponse("e-2", WAIT);
        assertTrue(c.received().stream().noneMatch(x -> "Newchannel".equals(x.event())));
    }

    @Test
    void droppedConnectionsCanLogInAgain() throws Exception {
        AmiTestClient first = loggedIn("acd", "acdsecret");
        assertEquals(1, sim.amiConnections());
        sim.dropAmiConnections();
        assertTrue(first.closedByPeer(WAIT));
        AmiTestClient second = loggedIn("acd", "acdsecret");
        second.send("Action", "Ping", "ActionID", "again");
        assertNotNull(second.awaitResponse("again", WAIT));
    }
}
