package acd.pbxsim;

import acd.pbxsim.ami.AmiUser;
import acd.pbxsim.dialplan.DialplanParser;
import acd.pbxsim.testing.AmiTestClient;
import acd.pbxsim.testing.AmiTestClient.Received;
import acd.pbxsim.world.CallerScript;
import acd.pbxsim.world.SeatSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static acd.pbxsim.testing.AmiTestClient.Received.event;
import static acd.pbxsim.testing.AmiTestClient.Received.indexOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dial's U option, as app_dial plays it: the answering seat's channel runs a subroutine (Gosub
 * with ARG1..., until Return) before the two are bridged, while the caller still rings. Callers
 * land straight on a Dial, unanswered, so the caller's own answer shows when the bridge comes.
 */
class DialSubroutineTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    private static final String DIALPLAN = """
            [acd-inbound]
            exten => 100,1,Dial(PJSIP/1001,15,gU(slow-return^first^second))
             same => n,UserEvent(DialOver,Status: ${DIALSTATUS},Retval: ${GOSUB_RETVAL})
             same => n,Hangup()
            exten => 200,1,Dial(PJSIP/1001,15,gU(hang-up))
             same => n,UserEvent(DialOver,Status: ${DIALSTATUS})
             same => n,Hangup()
            exten => 300,1,Dial(PJSIP/1001,15,U(refuse))
             same => n,UserEvent(DialOver,Status: ${DIALSTATUS})
             same => n,Hangup()

            [slow-return]
            exten => s,1,UserEvent(InSubroutine,Args: ${ARGC}/${ARG1}/${ARG2},Seat: ${CHANNEL})
             same => n,Gosub(nested,s,1(inner))
             same => n,UserEvent(BackFromNested,Args: ${ARGC}/${ARG1}/${ARG2},Retval: ${GOSUB_RETVAL})
             same => n,Wait(1)
             same => n,Return(done ${ARG1})

            [nested]
            exten => s,1,UserEvent(Nested,Args: ${ARGC}/${ARG1}/${ARG2})
             same => n,Return(nested done)

            [hang-up]
            exten => s,1,Hangup()

            [refuse]
            exten => s,1,Set(GOSUB_RESULT=BUSY)
             same => n,Return()
            """;

    private PbxSimulator sim;
    private AmiTestClient ami;

    @BeforeEach
    void start() throws Exception {
        sim = new PbxSimulator(PbxSettings.defaults()
                .withAmi("127.0.0.1", 0)
                .withAmiUsers(List.of(new AmiUser("acd", "acdsecret", "all", "all")))
                .withSpeed(10)
                .withStartEpochMs(1_795_443_115_000L)
                .withDialplan(DialplanParser.parse(DIALPLAN, "subroutines.conf"))
                .withSeat(SeatSettings.of("PJSIP/1001").withRingMs(1000).withTalkTimeMs(2000))).start();
        ami = new AmiTestClient(sim.amiPort());
        assertEquals("Success", ami.login("acd", "acdsecret").get("Response"));
    }

    @AfterEach
    void stop() throws Exception {
        ami.close();
        sim.close();
    }

    private PlacedCall call(String did) {
        return sim.placeCall(CallerScript.caller("13800000001").dialling(did).withTalkTimeMs(60_000));
    }

    private Received userEvent(String name) throws InterruptedException {
        return ami.await(r -> r.isEvent("UserEvent") && name.equals(r.get("UserEvent")), WAIT);
    }

    private static Predicate<Received> answered(String channel) {
        return r -> r.isEvent("Newstate") && channel.equals(r.get("Channel")) && "Up".equals(r.get("ChannelStateDesc"));
    }

    @Test
    void theCallerKeepsRingingUntilTheSeatsSubroutineReturnsAndOnlyThenIsAnsweredAndBridged() throws Exception {
        PlacedCall call = call("100");
        String seat = ami.awaitEvent("DialBegin", WAIT).get("DestChannel");

        Received inSubroutine = userEvent("InSubroutine");
        assertEquals(seat, inSubroutine.get("Channel"), "the subroutine runs on the answering channel");
        assertEquals("slow-return", inSubroutine.get("Context"));
        assertEquals("2/first/second", inSubroutine.get("Args"));
        assertEquals("1/inner/", userEvent("Nested").get("Args"), "a nested call masks the arguments it does not pass");
        Received back = userEvent("BackFromNested");
        assertEquals("2/first/second", back.get("Args"), "Return uncovers the caller's arguments");
        assertEquals("nested done", back.get("Retval"));

        assertEquals("ANSWER", ami.awaitEvent("DialEnd", WAIT).get("DialStatus"));
        ami.await(event("BridgeEnter", call.channel()), WAIT);
        List<Received> all = ami.received();
        int seatUp = indexOf(all, answered(seat));
        int waits = indexOf(all, r -> event("Newexten", seat).test(r) && "Wait".equals(r.get("Application")));
        int returns = indexOf(all, r -> event("Newexten", seat).test(r) && "Return".equals(r.get("Application"))
                && "slow-return".equals(r.get("Context")));
        int dialEnd = indexOf(all, r -> r.isEvent("DialEnd"));
        int callerUp = indexOf(all, answered(call.channel()));
        int bridged = indexOf(all, r -> r.isEvent("BridgeEnter"));
        assertTrue(seatUp < waits && waits < returns, "the seat answers, then runs its subroutine: " + all);
        assertTrue(returns < dialEnd && dialEnd < callerUp && callerUp < bridged,
                "the caller is answered and bridged only after Return: " + all);

        // the seat hangs up after its talk time; 'g' takes the caller on with what Return said
        Received over = userEvent("DialOver");
        assertEquals(call.channel(), over.get("Channel"));
        assertEquals("ANSWER", over.get("Status"));
        assertEquals("done first", over.get("Retval"));
    }

    @Test
    void aSubroutineHangingUpTheSeatLeavesTheDialAnsweredWithABridgeThatBreaksAtOnce() throws Exception {
        // app_dial reads no GOSUB_RESULT from a subroutine that hung up: it reports the answer and
        // bridges, and the bridge breaks as the seat's hang-up is seen
        PlacedCall call = call("200");
        String seat = ami.awaitEvent("DialBegin", WAIT).get("DestChannel");
        assertEquals("ANSWER", ami.awaitEvent("DialEnd", WAIT).get("DialStatus"));
        ami.await(event("Hangup", seat), WAIT);
        assertEquals("ANSWER", userEvent("DialOver").get("Status"), "the caller goes on ('g')");

        List<Received> all = ami.received();
        int dialEnd = indexOf(all, r -> r.isEvent("DialEnd"));
        int seatLeaves = indexOf(all, event("BridgeLeave", seat));
        int destroyed = indexOf(all, r -> r.isEvent("BridgeDestroy"));
        int seatGone = indexOf(all, event("Hangup", seat));
        assertTrue(dialEnd < seatLeaves && seatLeaves < destroyed && destroyed < seatGone, all.toString());
        assertTrue(indexOf(all, answered(call.channel())) > dialEnd, "the caller was answered for the bridge");
        assertEquals(List.of(), sim.recordings());
    }

    @Test
    void aSubroutineSettingGosubResultBusyEndsTheDialUnansweredAndTheCallerGoesOn() throws Exception {
        PlacedCall call = call("300");
        String seat = ami.awaitEvent("DialBegin", WAIT).get("DestChannel");
        assertEquals("BUSY", ami.awaitEvent("DialEnd", WAIT).get("DialStatus"));
        ami.await(event("Hangup", seat), WAIT);
        Received over = userEvent("DialOver");
        assertEquals("BUSY", over.get("Status"), "BUSY takes the caller on even without 'g'");

        List<Received> all = ami.received();
        assertEquals(-1, indexOf(all, r -> r.isEvent("BridgeEnter")), "never bridged: " + all);
        assertEquals(-1, indexOf(all, answered(call.channel())), "never answered: " + all);
    }

    @Test
    void aCallerWhoHangsUpWhileTheSeatIsInItsSubroutineEndsTheSeatsCallUnbridged() throws Exception {
        PlacedCall call = call("100");
        String seat = ami.awaitEvent("DialBegin", WAIT).get("DestChannel");
        userEvent("BackFromNested");
        call.hangUp();
        ami.await(event("Hangup", seat), WAIT);
        ami.await(event("Hangup", call.channel()), WAIT);

        List<Received> all = ami.received();
        assertEquals(-1, indexOf(all, r -> r.isEvent("BridgeEnter")), all.toString());
        assertEquals(-1, indexOf(all, r -> event("Newexten", seat).test(r) && "Return".equals(r.get("Application"))
                && "slow-return".equals(r.get("Context"))), "the subroutine ends with the seat's hang-up: " + all);
        assertEquals("NOT_INUSE", sim.deviceState("PJSIP/1001"));
    }
}
