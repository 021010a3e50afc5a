package acd.pbxsim;

import acd.pbxsim.ami.AmiUser;
import acd.pbxsim.testing.AmiTestClient;
import acd.pbxsim.testing.AmiTestClient.Received;
import acd.pbxsim.testing.FakeAgiServer;
import acd.pbxsim.testing.Teardown;
import acd.pbxsim.world.CustomerSettings;
import acd.pbxsim.world.SeatSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A team lead listening in through the shipped dialplan's acd-listen: the lead's phone, rung by
 * AMI Originate, spies on the seat's call (ChanSpy) until that call ends, and is hung up then.
 */
class ListenInTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    private FakeAgiServer agi;
    private PbxSimulator sim;
    private AmiTestClient ami;

    @AfterEach
    void stop() throws Exception {
        Teardown.close(ami, sim, agi);
    }

    @Test
    void theLeadsPhoneSpiesOnTheSeatsCallUntilItEnds() throws Exception {
        agi = new FakeAgiServer();
        sim = new PbxSimulator(PbxSettings.defaults()
                .withAmi("127.0.0.1", 0)
                .withAmiUsers(List.of(new AmiUser("acd", "acdsecret", "all", "all")))
                .withAgi("127.0.0.1", agi.port())
                .withSpeed(10)
                .withSeat(SeatSettings.of("PJSIP/1001").withRingMs(500).withTalkTimeMs(600_000))
                .withSeat(SeatSettings.of("PJSIP/9001").withRingMs(500).withTalkTimeMs(600_000))
                .withCustomers(CustomerSettings.defaults().withRingMs(500).withTalkMs(40_000)))
                .start();
        ami = new AmiTestClient(sim.amiPort());
        assertEquals("Success", ami.login("acd", "acdsecret").get("Response"));
        // the seat on a call with a customer: a seat-first callback bridges them
        ami.originate("cb", Map.of("Channel", "PJSIP/1001", "CallerID", "13800000001", "Context", "acd-callback",
                "Exten", "s", "Priority", "1", "Timeout", "30000", "Async", "true"), Map.of("ACD_CALL_ID", "7",
                "ACD_CALLBACK_NUMBER", "13800000001", "ACD_CUSTOMER_RING", "20", "ACD_LANGUAGE", "zh"), WAIT);
        ami.await(r -> r.isEvent("BridgeEnter") && r.get("Channel").startsWith("PJSIP/1001-"), WAIT);

        ami.originate("spy", Map.of("Channel", "PJSIP/9001", "CallerID", "\"whisper 1001\" <1001>",
                "Context", "acd-listen", "Exten", "s", "Priority", "1", "Timeout", "30000", "Async", "true"),
                Map.of("ACD_SPY_ON", "PJSIP/1001", "ACD_SPY_OPTIONS", "qw"), WAIT);
        Received start = ami.awaitEvent("ChanSpyStart", WAIT);
        assertTrue(start.get("SpyerChannel").startsWith("PJSIP/9001-"), start.toString());
        assertTrue(start.get("SpyeeChannel").startsWith("PJSIP/1001-"), start.toString());
        assertTrue(ami.received().stream().anyMatch(r -> r.isEvent("Newexten") && "ChanSpy".equals(r.get("Application"))
                && "PJSIP/1001-,qwE".equals(r.get("AppData"))), "the shipped dialplan's ChanSpy");

        // the customer hangs up: the spying ends and the lead's phone is hung up
        Received stop = ami.awaitEvent("ChanSpyStop", Duration.ofSeconds(10));
        assertEquals(start.get("SpyerChannel"), stop.get("SpyerChannel"));
        ami.await(r -> r.isEvent("Hangup") && start.get("SpyerChannel").equals(r.get("Channel")), WAIT);
    }
}
