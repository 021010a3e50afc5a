package acd.pbxsim;

import acd.pbxsim.ami.AmiUser;
import acd.pbxsim.testing.FakeAgiServer;
import acd.pbxsim.world.CallerScript;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AMI client the server uses (Asterisk-Java 3.41.0) against the simulator. */
class AsteriskJavaClientTest {

    private FakeAgiServer agi;
    private PbxSimulator sim;
    private ManagerConnection connection;

    @BeforeEach
    void start() throws Exception {
        agi = new FakeAgiServer().script("ivr", s -> {
            s.command("ANSWER");
            s.command("SET VARIABLE ACD_QUEUED 1");
        });
        sim = new PbxSimulator(PbxSettings.defaults()
                .withAmi("127.0.0.1", 0)
                .withAmiUsers(List.of(new AmiUser("acd", "acdsecret")))
                .withAgi("127.0.0.1", agi.port())
                .withSpeed(10)).start();
        connection = new ManagerConnectionFactory("127.0.0.1", sim.amiPort(), "acd", "acdsecret")
                .createManagerConnection();
    }

    @AfterEach
    void stop() throws Exception {
        if (connection.getState() == ManagerConnectionState.CONNECTED) {
            connection.logoff();
        }
        sim.close();
        agi.close();
    }

    @Test
    void logsInWithItsChallengeAndTakesTheSimulatorForAsterisk20() throws Exception {
        connection.login();
        assertEquals(ManagerConnectionState.CONNECTED, connection.getState());
        assertEquals(AsteriskVersion.ASTERISK_20, connection.getVersion());
        ManagerResponse pong = connection.sendAction(new PingAction(), 5000);
        assertEquals("Success", pong.getResponse());
    }

    @Test
    void readsTheEventsOfACallAndSetsVariables() throws Exception {
        List<ManagerEvent> events = new CopyOnWriteArrayList<>();
        connection.addEventListener(events::add);
        connection.login();
        PlacedCall call = sim.placeCall(CallerScript.caller("13800000001"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (events.stream().noneMatch(e -> e instanceof MusicOnHoldStartEvent) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        MusicOnHoldStartEvent moh = (MusicOnHoldStartEvent) events.stream()
                .filter(e -> e instanceof MusicOnHoldStartEvent).findFirst().orElseThrow();
        assertEquals(call.channel(), moh.getChannel());
        assertEquals(call.uniqueid(), moh.getUniqueId());
        ManagerResponse r = connection.sendAction(new SetVarAction(call.channel(), "ACD_ENDPOINT", "PJSIP/1001"), 5000);
        assertEquals("Success", r.getResponse());
    }

    @Test
    void originatesACallbackUnderTheUniqueidItChoseAndHangsItUpByThatId() throws Exception {
        List<ManagerEvent> events = new CopyOnWriteArrayList<>();
        connection.addEventListener(events::add);
        connection.login();
        OriginateAction originate = new OriginateAction();
        originate.setChannel("Local/13800000009@acd-callback-customer/n");
        originate.setChannelId("acd-callback-9-1");
        originate.setCallerId("13800000009");
        originate.setTimeout(45_000L);
        originate.setContext("acd-callback-answered");
        originate.setExten("s");
        originate.setPriority(1);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("ACD_CALL_ID", "9");
        variables.put("ACD_CUSTOMER_RING", "45");
        variables.put("ACD_LANGUAGE", "zh");
        originate.setVariables(variables);
        originate.setAsync(true);
        assertEquals("Success", connection.sendAction(originate, 5000).getResponse());

        OriginateResponseEvent answered = (OriginateResponseEvent) await(events,
                e -> e instanceof OriginateResponseEvent);
        assertEquals("Success", answered.getResponse());
        assertEquals("acd-callback-9-1", answered.getUniqueId());
        assertTrue(events.stream().anyMatch(e -> e instanceof NewChannelEvent n
                && "acd-callback-9-1;2".equals(n.getUniqueId())), "the ;2 half is ChannelId;2");
        assertEquals("10086", sim.customerCalls().get(0).callerIdNum());

        assertEquals("Success", connection.sendAction(new HangupAction("acd-callback-9-1"), 5000).getResponse());
        HangupEvent gone = (HangupEvent) await(events,
                e -> e instanceof HangupEvent h && "acd-callback-9-1".equals(h.getUniqueId()));
        assertTrue(gone.getChannel().endsWith(";1"), gone.getChannel());
    }

    private static ManagerEvent await(List<ManagerEvent> events, Predicate<ManagerEvent> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            for (ManagerEvent e : events) {
                if (wanted.test(e)) {
                    return e;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no such event within 5 s: " + events);
    }

    @Test
    void comesBackAfterTheSimulatorDropsTheConnection() throws Exception {
        connection.login();
        sim.dropAmiConnections();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean left = false;
        while (System.nanoTime() < deadline) {
            ManagerConnectionState state = connection.getState();
            if (state != ManagerConnectionState.CONNECTED) {
                left = true;
            } else if (left) {
                break;
            }
            Thread.sleep(10);
        }
        assertTrue(left, "the client noticed the drop");
        assertEquals(ManagerConnectionState.CONNECTED, connection.getState());
        assertEquals("Success", connection.sendAction(new PingAction(), 5000).getResponse());
    }
}
