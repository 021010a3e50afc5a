package acd.pbxsim;

import acd.pbxsim.ami.AmiUser;
import acd.pbxsim.testing.FakeAgiServer;
import acd.pbxsim.world.CallerScript;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

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
