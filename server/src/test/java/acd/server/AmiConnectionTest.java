package acd.server;

import acd.cti.ami.AmiClient;
import acd.cti.ami.AmiSettings;
import acd.cti.ami.PbxEvent;
import acd.pbxsim.PbxSettings;
import acd.pbxsim.PbxSimulator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AMI client against the PBX simulator: login, refusal, reconnect, and counted drops. */
class AmiConnectionTest {

    @Test
    void aWrongSecretIsRefusedAndNeverCountsAsConnected() throws Exception {
        try (PbxSimulator pbx = new PbxSimulator(PbxSettings.defaults().withAmi("127.0.0.1", 0)
                .withAmiUser("acd", "right").withAuthFailureWallMs(10)).start()) {
            List<PbxEvent> events = new CopyOnWriteArrayList<>();
            AmiClient client = new AmiClient(new AmiSettings("127.0.0.1", pbx.amiPort(), "acd", "wrong",
                    Duration.ofMillis(50), Duration.ofMillis(200)));
            client.start(events::add);
            Thread.sleep(1_500);
            assertFalse(client.isConnected());
            assertTrue(events.stream().noneMatch(e -> e instanceof PbxEvent.Connected), events.toString());
            assertTrue(client.lastFailure().startsWith("Asterisk refused the AMI login of user 'acd' at 127.0.0.1:"),
                    client.lastFailure());
            client.close();
        }
    }

    @Test
    void anAsteriskThatIsNotThereIsNamedWithItsAddress() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (AmiClient client = new AmiClient(new AmiSettings("127.0.0.1", closedPort, "acd", "any",
                Duration.ofMillis(50), Duration.ofMillis(200)))) {
            client.start(e -> { });
            for (int i = 0; i < 100 && client.lastFailure() == null; i++) {
                Thread.sleep(20);
            }
            assertTrue(client.lastFailure().startsWith("cannot reach Asterisk's AMI at 127.0.0.1:" + closedPort + ": "),
                    client.lastFailure());
        }
    }

    @Test
    void aDroppedConnectionIsReestablishedAndAnnouncedForResync() throws Exception {
        try (PbxSimulator pbx = new PbxSimulator(PbxSettings.defaults().withAmi("127.0.0.1", 0)
                .withAmiUser("acd", "right")).start()) {
            List<PbxEvent> events = new CopyOnWriteArrayList<>();
            try (AmiClient client = new AmiClient(new AmiSettings("127.0.0.1", pbx.amiPort(), "acd", "right",
                    Duration.ofMillis(50), Duration.ofMillis(500)))) {
                client.start(events::add);
                awaitConnections(events, 1);
                pbx.dropAmiConnections();
                awaitConnections(events, 2);
                assertTrue(client.isConnected());
                assertEquals(1, client.reconnects());
                assertTrue(events.stream().anyMatch(e -> e instanceof PbxEvent.Disconnected));
            }
        }
    }

    private static void awaitConnections(List<PbxEvent> events, int count) throws InterruptedException {
        for (int i = 0; i < 250; i++) {
            if (events.stream().filter(e -> e instanceof PbxEvent.Connected).count() >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not connected " + count + " times: " + events);
    }

    @Test
    void eventsAsteriskJavaDropsOnAFullQueueAreCounted() {
        AmiDropWatch watch = AmiDropWatch.install();
        LoggerFactory.getLogger("org.asteriskjava.manager.internal.AsyncEventPump")
                .error("reader:AsyncEventPump Event queue is full, not processing ManagerEvent x");
        LoggerFactory.getLogger("org.asteriskjava.manager.internal.AsyncEventPump").info("starting");
        assertEquals(1, watch.droppedEvents());
    }
}
