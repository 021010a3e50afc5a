package acd.pbxsim;

import acd.pbxsim.ami.AmiUser;
import acd.pbxsim.pbx.CallRecording;
import acd.pbxsim.testing.AmiTestClient;
import acd.pbxsim.testing.AmiTestClient.Received;
import acd.pbxsim.testing.FakeAgiServer;
import acd.pbxsim.testing.Teardown;
import acd.pbxsim.world.CallerScript;
import acd.pbxsim.world.CustomerCall;
import acd.pbxsim.world.CustomerSettings;
import acd.pbxsim.world.SeatSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static acd.pbxsim.testing.AmiTestClient.Received.event;
import static acd.pbxsim.testing.AmiTestClient.Received.indexOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hotline calling its customers back, over the manager interface as the ACD server does it:
 * AMI Originate with the Uniqueid the server chose (ChannelId), the seat first into acd-callback
 * or the customer first through a Local channel into acd-callback-customer, and the customer's
 * phone reached over the carrier trunk the shipped dialplan dials.
 */
class CallbackTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    private FakeAgiServer agi;
    private PbxSimulator sim;
    private AmiTestClient ami;

    @BeforeEach
    void scripts() throws Exception {
        agi = new FakeAgiServer().script("ivr", s -> {
            s.command("ANSWER");
            s.command("SET VARIABLE ACD_QUEUED 1");
        });
    }

    @AfterEach
    void stop() throws Exception {
        Teardown.close(ami, sim, agi);
    }

    private void start(UnaryOperator<CustomerSettings> customers) throws Exception {
        sim = new PbxSimulator(PbxSettings.defaults()
                .withAmi("127.0.0.1", 0)
                .withAmiUsers(List.of(new AmiUser("acd", "acdsecret", "all", "all")))
                .withAgi("127.0.0.1", agi.port())
                .withSpeed(10)
                .withStartEpochMs(1_795_443_115_000L)
                .withSeat(SeatSettings.of("PJSIP/1001").withRingMs(1000))
                .withCustomers(customers.apply(CustomerSettings.defaults().withRingMs(1500).withTalkMs(3000))))
                .start();
        ami = new AmiTestClient(sim.amiPort());
        assertEquals("Success", ami.login("acd", "acdsecret").get("Response"));
    }

    private void originate(String actionId, Map<String, String> headers, Map<String, String> variables)
            throws Exception {
        assertEquals("Originate successfully queued", ami.originate(actionId, headers, variables, WAIT).get("Message"));
    }

    private void seatFirstCallback(String uniqueid, String number, int customerRingSeconds) throws Exception {
        originate("cb-seat", Map.of("Channel", "PJSIP/1001", "ChannelId", uniqueid, "CallerID", number,
                        "Context", "acd-callback", "Exten", "s", "Priority", "1", "Timeout", "30000", "Async", "true"),
                Map.of("ACD_CALL_ID", "7", "ACD_CALLBACK_NUMBER", number,
                        "ACD_CUSTOMER_RING", Integer.toString(customerRingSeconds), "ACD_LANGUAGE", "zh"));
    }

    private void customerFirstCallback(String uniqueid, String number, int customerRingSeconds) throws Exception {
        originate("cb-customer", Map.of("Channel", "Local/" + number + "@acd-callback-customer/n",
                        "ChannelId", uniqueid, "CallerID", number, "Context", "acd-callback-answered", "Exten", "s",
                        "Priority", "1", "Timeout", "60000", "Async", "true"),
                Map.of("ACD_CALL_ID", "8", "ACD_LANGUAGE", "en",
                        "ACD_CUSTOMER_RING", Integer.toString(customerRingSeconds), "ACD_ENDPOINT", "PJSIP/1001",
                        "ACD_RING_TIMEOUT", "15", "ACD_DELIVERY", "1"));
    }

    private Received hangupOf(String channel) throws InterruptedException {
        return ami.await(r -> r.isEvent("Hangup") && channel.equals(r.get("Channel")), WAIT);
    }

    @Test
    void aSeatFirstCallbackRingsTheSeatThenTheCustomerAndBridgesThem() throws Exception {
        start(c -> c);
        seatFirstCallback("acd-callback-7-1", "13800000001", 20);

        Received seatRings = ami.await(r -> r.isEvent("DialBegin") && r.get("Channel") == null, WAIT);
        String seat = seatRings.get("DestChannel");
        assertTrue(seat.startsWith("PJSIP/1001-"), seat);
        assertEquals("acd-callback-7-1", seatRings.get("DestUniqueid"));
        assertEquals("13800000001", seatRings.get("DestCallerIDNum"), "the seat's display shows the customer");
        Received response = ami.awaitEvent("OriginateResponse", WAIT);
        assertEquals("Success", response.get("Response"));
        assertEquals("acd-callback-7-1", response.get("Uniqueid"));

        Received customerRings = ami.await(event("DialBegin", seat), WAIT);
        String customer = customerRings.get("DestChannel");
        assertTrue(customer.startsWith("PJSIP/hotline-trunk-"), "out over the carrier trunk: " + customer);
        assertEquals("13800000001@hotline-trunk", customerRings.get("DialString"));
        assertEquals("10086", customerRings.get("DestCallerIDNum"), "the customer sees the hotline's number");
        assertEquals("acd-callback-7-1", customerRings.get("DestLinkedid"));
        assertEquals("ANSWER", ami.await(event("DialEnd", seat), WAIT).get("DialStatus"));
        ami.await(event("BridgeEnter", customer), WAIT);
        ami.await(event("BridgeEnter", seat), WAIT);

        // the customer hangs up after their talk time; the seat leaves the bridge and hangs up too
        assertEquals("16", hangupOf(customer).get("Cause"));
        hangupOf(seat);

        List<Received> all = ami.received();
        assertTrue(indexOf(all, r -> r.isEvent("Newstate") && seat.equals(r.get("Channel"))
                && "Up".equals(r.get("ChannelStateDesc"))) < indexOf(all, event("Newchannel", customer)),
                "the seat answers before the customer is dialled");
        int seatLeaves = indexOf(all, event("BridgeLeave", seat));
        assertTrue(seatLeaves >= 0 && seatLeaves < indexOf(all, event("Hangup", seat)),
                "the seat leaves the bridge, then hangs up");
        Received callerId = all.get(indexOf(all, event("NewCallerid", seat)));
        assertEquals("10086", callerId.get("CallerIDNum"));

        List<CustomerCall> calls = sim.customerCalls();
        assertEquals(1, calls.size());
        CustomerCall call = calls.get(0);
        assertEquals("13800000001", call.number());
        assertEquals("hotline-trunk", call.trunk());
        assertEquals("10086", call.callerIdNum());
        assertEquals(customer, call.channel());
        assertTrue(call.answered());
        assertTrue(call.ended());
        assertTrue(call.answeredAtMs() - call.placedAtMs() >= 1500, "picked up after the ring time: " + call);
        assertEquals(3000, call.talkMs(), 500);
    }

    @Test
    void aSeatFirstCallbackRecordsTheCustomersLegFromTheirAnswer() throws Exception {
        start(c -> c);
        originate("cb-rec", Map.of("Channel", "PJSIP/1001", "ChannelId", "acd-callback-7-4", "CallerID", "13800000001",
                        "Context", "acd-callback", "Exten", "s", "Priority", "1", "Timeout", "30000", "Async", "true"),
                Map.of("ACD_CALL_ID", "7", "ACD_CALLBACK_NUMBER", "13800000001", "ACD_CUSTOMER_RING", "20",
                        "ACD_LANGUAGE", "zh", "ACD_RECORDING", "acd/20261123/acd-callback-7-4"));
        String seat = ami.await(r -> r.isEvent("DialBegin") && r.get("Channel") == null, WAIT).get("DestChannel");
        String customer = ami.await(event("DialBegin", seat), WAIT).get("DestChannel");
        assertEquals(customer, ami.awaitEvent("MixMonitorStart", WAIT).get("Channel"));
        assertEquals("ANSWER", ami.await(event("DialEnd", seat), WAIT).get("DialStatus"));
        hangupOf(customer);

        List<CallRecording> recordings = sim.recordings();
        assertEquals(1, recordings.size(), recordings.toString());
        CallRecording r = recordings.get(0);
        assertEquals("/var/spool/asterisk/monitor/acd/20261123/acd-callback-7-4.wav", r.file());
        assertEquals(customer, r.channel());
        assertTrue(r.stopped());
        assertEquals(3000, r.stoppedAtMs() - r.startedAtMs(), 500, "the customer's talk time: " + r);
    }

    @Test
    void everyEventOfAChannelOriginatedWithAChannelIdCarriesIt() throws Exception {
        start(c -> c);
        seatFirstCallback("acd-callback-7-2", "13800000001", 20);
        String seat = ami.await(r -> r.isEvent("DialBegin") && r.get("Channel") == null, WAIT).get("DestChannel");
        hangupOf(seat);

        List<Received> about = ami.received().stream()
                .filter(r -> seat.equals(r.get("Channel")) || seat.equals(r.get("DestChannel"))).toList();
        List<String> names = about.stream().map(Received::event).distinct().toList();
        assertTrue(names.containsAll(List.of("Newchannel", "Newstate", "Newexten", "DialBegin", "DialEnd",
                "BridgeEnter", "BridgeLeave", "Hangup")), names.toString());
        for (Received r : about) {
            String id = seat.equals(r.get("Channel")) ? r.get("Uniqueid") : r.get("DestUniqueid");
            assertEquals("acd-callback-7-2", id, r.toString());
            if (seat.equals(r.get("Channel")) && r.get("Linkedid") != null) {
                assertEquals("acd-callback-7-2", r.get("Linkedid"), r.toString());
            }
        }
    }

    @Test
    void aCustomerWhoNeverAnswersRingsOutWithNoAnswerAndTheAgentHearsSo() throws Exception {
        start(c -> c.withNeverAnswering("13800000002"));
        seatFirstCallback("acd-callback-7-3", "13800000002", 3);
        String seat = ami.await(r -> r.isEvent("DialBegin") && r.get("Channel") == null, WAIT).get("DestChannel");
        String customer = ami.await(event("DialBegin", seat), WAIT).get("DestChannel");

        assertEquals("NOANSWER", ami.await(event("DialEnd", seat), WAIT).get("DialStatus"));
        Received gone = hangupOf(customer);
        assertEquals("19", gone.get("Cause"));
        assertEquals("User alerting, no answer", gone.get("Cause-txt"));
        Received playback = ami.await(r -> event("Newexten", seat).test(r) && "Playback".equals(r.get("Application")),
                WAIT);
        assertEquals("acd/zh/callback-not-reached", playback.get("AppData"));
        hangupOf(seat);

        CustomerCall call = sim.customerCalls().get(0);
        assertFalse(call.answered());
        assertTrue(call.ended());
        assertEquals(3000, call.endedAtMs() - call.placedAtMs(), 500, "rang for the dialplan's ring time");
        assertEquals(-1, indexOf(ami.received(), r -> r.isEvent("BridgeEnter")));
    }

    @Test
    void aBusyCustomerTurnsTheCallbackDown() throws Exception {
        start(c -> c.withBusy("13800000004"));
        seatFirstCallback("acd-callback-7-4", "13800000004", 20);
        String seat = ami.await(r -> r.isEvent("DialBegin") && r.get("Channel") == null, WAIT).get("DestChannel");
        assertEquals("BUSY", ami.await(event("DialEnd", seat), WAIT).get("DialStatus"));
        hangupOf(seat);
        assertTrue(sim.customerCalls().get(0).busy());
    }

    @Test
    void aCustomerFirstCallbackRingsTheCustomerThenTheSeatFromAcdDeliver() throws Exception {
        start(c -> c.withTalkMs(8000));
        customerFirstCallback("acd-callback-8-1", "13800000003", 20);

        Received one = ami.await(r -> r.isEvent("Newchannel") && r.get("Channel").endsWith(";1"), WAIT);
        String base = one.get("Channel").substring(0, one.get("Channel").length() - 2);
        assertTrue(base.startsWith("Local/13800000003@acd-callback-customer-"), base);
        assertEquals("acd-callback-8-1", one.get("Uniqueid"));
        Received two = ami.await(event("Newchannel", base + ";2"), WAIT);
        assertEquals("acd-callback-8-1;2", two.get("Uniqueid"), "core_local's id for ;2 without OtherChannelId");

        Received customerRings = ami.await(event("DialBegin", base + ";2"), WAIT);
        String customer = customerRings.get("DestChannel");
        assertTrue(customer.startsWith("PJSIP/hotline-trunk-"), customer);
        assertEquals("10086", customerRings.get("DestCallerIDNum"));
        assertEquals("ANSWER", ami.await(event("DialEnd", base + ";2"), WAIT).get("DialStatus"));
        Received response = ami.awaitEvent("OriginateResponse", WAIT);
        assertEquals("Success", response.get("Response"));
        assertEquals("acd-callback-8-1", response.get("Uniqueid"));
        assertEquals(base + ";1", response.get("Channel"));

        Received connecting = ami.await(r -> event("Newexten", base + ";1").test(r)
                && "Playback".equals(r.get("Application")), WAIT);
        assertEquals("acd/en/callback-connecting", connecting.get("AppData"));
        Received seatRings = ami.await(event("DialBegin", base + ";1"), WAIT);
        assertEquals("acd-callback-8-1", seatRings.get("Uniqueid"));
        assertEquals("acd-deliver", seatRings.get("Context"));
        String seat = seatRings.get("DestChannel");
        assertTrue(seat.startsWith("PJSIP/1001-"), seat);
        assertEquals("ANSWER", ami.await(event("DialEnd", base + ";1"), WAIT).get("DialStatus"));
        ami.await(event("BridgeEnter", base + ";1"), WAIT);

        // the customer hangs up: their Local channel goes, and the seat's call with it
        hangupOf(customer);
        hangupOf(base + ";2");
        hangupOf(base + ";1");
        hangupOf(seat);
        CustomerCall call = sim.customerCalls().get(0);
        assertEquals("13800000003", call.number());
        assertEquals("10086", call.callerIdNum());
        assertTrue(call.answered());
        List<Received> all = ami.received();
        assertTrue(indexOf(all, r -> r.isEvent("DialEnd") && customer.equals(r.get("DestChannel")))
                < indexOf(all, r -> r.isEvent("Newchannel") && seat.equals(r.get("Channel"))),
                "the customer answers before the seat rings");
    }

    @Test
    void aCustomerFirstCallbackNobodyAnswersHangsUpBothHalvesAndFails() throws Exception {
        start(c -> c.withNeverAnswering("13800000005"));
        customerFirstCallback("acd-callback-8-2", "13800000005", 2);
        Received two = ami.await(r -> r.isEvent("Newchannel") && r.get("Channel").endsWith(";2"), WAIT);
        String base = two.get("Channel").substring(0, two.get("Channel").length() - 2);
        assertEquals("NOANSWER", ami.await(event("DialEnd", base + ";2"), WAIT).get("DialStatus"));
        hangupOf(base + ";2");
        Received oneGone = hangupOf(base + ";1");
        assertEquals("acd-callback-8-2", oneGone.get("Uniqueid"));
        Received response = ami.awaitEvent("OriginateResponse", WAIT);
        assertEquals("Failure", response.get("Response"));
        assertEquals("acd-callback-8-2", response.get("Uniqueid"));
        assertEquals(-1, indexOf(ami.received(), r -> r.isEvent("DialBegin")
                && r.get("DestChannel").startsWith("PJSIP/1001-")), "no seat rang");
        assertFalse(sim.customerCalls().get(0).answered());
    }

    @Test
    void aLocalOriginateTakesBothOfTheUniqueidsItIsGiven() throws Exception {
        start(c -> c);
        originate("two-ids", Map.of("Channel", "Local/13800000006@acd-callback-customer/n",
                "ChannelId", "first-half", "OtherChannelId", "second-half", "Context", "acd-callback-answered",
                "Exten", "s", "Priority", "1", "Async", "true"), Map.of("ACD_CUSTOMER_RING", "20"));
        assertEquals("first-half", ami.await(r -> r.isEvent("Newchannel") && r.get("Channel").endsWith(";1"), WAIT)
                .get("Uniqueid"));
        Received two = ami.await(r -> r.isEvent("Newchannel") && r.get("Channel").endsWith(";2"), WAIT);
        assertEquals("second-half", two.get("Uniqueid"));
        assertEquals("first-half", two.get("Linkedid"));
        assertEquals("second-half", ami.await(event("DialBegin", two.get("Channel")), WAIT).get("Uniqueid"));
    }

    @Test
    void anOriginateStraightToACustomerReachesThemOverAnyTrunk() throws Exception {
        start(c -> c);
        originate("direct", Map.of("Channel", "SIP/13800000010@other-carrier", "ChannelId", "direct-1",
                "CallerID", "\"Hotline\" <10086>", "Application", "Wait", "Data", "1", "Async", "true"), Map.of());
        Received dial = ami.awaitEvent("DialBegin", WAIT);
        assertTrue(dial.get("DestChannel").startsWith("SIP/other-carrier-"), dial.toString());
        assertEquals("direct-1", dial.get("DestUniqueid"));
        assertEquals("13800000010", dial.get("DestExten"));
        Received response = ami.awaitEvent("OriginateResponse", WAIT);
        assertEquals("Success", response.get("Response"));
        assertEquals("direct-1", response.get("Uniqueid"));
        hangupOf(dial.get("DestChannel"));
        CustomerCall call = sim.customerCalls().get(0);
        assertEquals("other-carrier", call.trunk());
        assertEquals("10086", call.callerIdNum());
        assertEquals("Hotline", call.callerIdName());
        assertTrue(call.answered());
    }

    @Test
    void anOriginateWithAUniqueidAlreadyInUseFails() throws Exception {
        start(c -> c);
        PlacedCall caller = sim.placeCall(CallerScript.caller("13800000007"));
        ami.await(r -> r.isEvent("MusicOnHoldStart"), WAIT);
        originate("same-id", Map.of("Channel", "PJSIP/1001", "ChannelId", caller.uniqueid(),
                "Context", "acd-callback", "Exten", "s", "Priority", "1", "Async", "true"), Map.of());
        Received response = ami.awaitEvent("OriginateResponse", WAIT);
        assertEquals("Failure", response.get("Response"));
        assertEquals("0", response.get("Reason"));
        assertEquals("NOT_INUSE", sim.deviceState("PJSIP/1001"), "the seat never rang");
    }

    @Test
    void actionsFindAChannelByItsUniqueidAsByItsName() throws Exception {
        start(c -> c);
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000008"));
        ami.await(r -> event("MusicOnHoldStart", call.channel()).test(r), WAIT);
        String id = call.uniqueid();

        ami.send("Action", "Setvar", "Channel", id, "Variable", "ACD_ENDPOINT", "Value", "PJSIP/1001",
                "ActionID", "sv-1");
        assertEquals("Variable Set", ami.awaitResponse("sv-1", WAIT).get("Message"));
        ami.send("Action", "Setvar", "Channel", id, "Variable", "ACD_RING_TIMEOUT", "Value", "15", "ActionID", "sv-2");
        ami.awaitResponse("sv-2", WAIT);
        ami.send("Action", "Getvar", "Channel", id, "Variable", "ACD_ENDPOINT", "ActionID", "gv-1");
        assertEquals("PJSIP/1001", ami.awaitResponse("gv-1", WAIT).get("Value"));
        ami.send("Action", "Redirect", "Channel", id, "Context", "acd-deliver", "Exten", "s", "Priority", "1",
                "ActionID", "rd-1");
        assertEquals("Redirect successful", ami.awaitResponse("rd-1", WAIT).get("Message"));
        Received dial = ami.await(event("DialBegin", call.channel()), WAIT);
        assertEquals(id, dial.get("Uniqueid"));
        ami.await(event("BridgeEnter", call.channel()), WAIT);

        ami.send("Action", "Hangup", "Channel", id, "ActionID", "hu-1");
        assertEquals("Channel Hungup", ami.awaitResponse("hu-1", WAIT).get("Message"));
        hangupOf(call.channel());
        hangupOf(dial.get("DestChannel"));
    }
}
