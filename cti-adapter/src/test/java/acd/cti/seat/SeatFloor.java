package acd.cti.seat;

import acd.core.engine.AcdEngine;
import acd.core.engine.AgentState;
import acd.core.engine.EngineListener;
import acd.core.engine.EventType;
import acd.core.engine.ListenerFanOut;
import acd.core.model.AgentSpec;
import acd.core.model.BrandSpec;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierSpec;
import acd.core.ring.EngineRing;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A small hotline floor for gateway tests: a real engine behind its ring, the gateway as its
 * directive sink and listener, a clock the test moves, and a record of every agent state change.
 */
final class SeatFloor implements AutoCloseable {
    static final RoutingConfig CONFIG = new RoutingConfig(
            List.of("general", "billing"), List.of("vip"),
            List.of(new TierSpec("gold", "金", 3, 0), new TierSpec("standard", "普通", 1, 0)), "standard",
            List.of(new BrandSpec("gotone", "全球通")),
            List.of("break", "lunch", "meeting"), 2,
            List.of(QueueSpec.of("general", List.of("general"))),
            List.of(),
            List.of(new AgentSpec("1001", "王芳", "PJSIP/1001", Map.of("general", 1), List.of(), 10),
                    new AgentSpec("1002", "李娜", "PJSIP/1002", Map.of("general", 1), List.of(), 10),
                    new AgentSpec("1003", "张伟", "PJSIP/1003", Map.of("billing", 1), List.of(), 10)));
    static final int BREAK = 10;
    static final int LUNCH = 11;
    static final int MEETING = 12;

    /** Few iterations: the tests check the logic, not the key stretching. */
    private static final int TEST_ITERATIONS = SecretHash.MIN_ITERATIONS;
    private static final StoredCredentials CREDENTIALS = StoredCredentials.of(
            Map.of("1001", SecretHash.hash(secretOf("1001").toCharArray(), TEST_ITERATIONS),
                    "1002", SecretHash.hash(secretOf("1002").toCharArray(), TEST_ITERATIONS),
                    "1003", SecretHash.hash(secretOf("1003").toCharArray(), TEST_ITERATIONS)),
            Map.of("lead1", SecretHash.hash(secretOf("lead1").toCharArray(), TEST_ITERATIONS)),
            Map.of("qa1", SecretHash.hash(secretOf("qa1").toCharArray(), TEST_ITERATIONS)));

    record StateChange(String agent, AgentState to, int reason) {
    }

    final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    final List<StateChange> stateChanges = Collections.synchronizedList(new ArrayList<>());
    final AcdEngine engine;
    final EngineRing ring;
    final SeatGateway gateway;
    final URI uri;

    SeatFloor(SeatGatewaySettings settings) throws InterruptedException {
        EngineRing[] ringHolder = new EngineRing[1];
        AcdEngine[] engineHolder = new AcdEngine[1];
        gateway = new SeatGateway(CONFIG, () -> engineHolder[0].board(), filler -> ringHolder[0].publish(filler),
                CREDENTIALS, settings, clock::get);
        EngineListener recorder = new EngineListener() {
            @Override
            public void agentStateChanged(long timeMs, int agentIndex, AgentState from, AgentState to, int reasonCode) {
                stateChanges.add(new StateChange(CONFIG.agents().get(agentIndex).id(), to, reasonCode));
            }
        };
        engine = new AcdEngine(CONFIG, clock.get(), gateway, new ListenerFanOut(gateway, recorder));
        engineHolder[0] = engine;
        ring = new EngineRing(engine, 1024);
        ringHolder[0] = ring;
        InetSocketAddress address = gateway.start("127.0.0.1", 0);
        uri = URI.create("ws://127.0.0.1:" + address.getPort() + settings.path());
    }

    /**
     * Quick figures and a heartbeat short enough that a dropped desktop shows within a test, yet
     * long enough that a desktop left idle by a test on a busy machine is not lost.
     */
    static SeatGatewaySettings fastSettings() {
        return SeatGatewaySettings.defaults().withHeartbeat(3_000, 1_000).withFiguresEveryMs(200);
    }

    static String secretOf(String user) {
        return "s3cret-" + user + "-\u5ea7\u5e2d";
    }

    DeskClient connect() {
        return DeskClient.connect(uri);
    }

    /** A desktop logged in as the agent, its login reply checked. */
    DeskClient agentDesk(String agent) {
        return loggedIn("agent", agent);
    }

    /** A desktop logged in as the agent and ready for calls. */
    DeskClient readyAgentDesk(String agent) {
        DeskClient desk = agentDesk(agent);
        desk.awaitState("not-ready");
        desk.send("{\"type\":\"ready\"}");
        desk.next("ack");
        desk.awaitState("ready");
        return desk;
    }

    DeskClient supervisorDesk(String supervisor) {
        return loggedIn("supervisor", supervisor);
    }

    DeskClient reviewerDesk(String reviewer) {
        return loggedIn("reviewer", reviewer);
    }

    /** A desk logged in as {@code id} in {@code role}, its login reply checked. */
    private DeskClient loggedIn(String role, String id) {
        DeskClient desk = connect();
        desk.send(login(role, id, secretOf(id)));
        JsonNode reply = desk.next("loggedIn");
        assertEquals(id, reply.path(role).asText());
        return desk;
    }

    static String login(String role, String id, String secret) {
        return "{\"type\":\"login\",\"" + role + "\":\"" + id + "\",\"secret\":\"" + secret + "\"}";
    }

    /** A caller classified by the IVR joins the general line, as the PBX flow would report it. */
    void callArrives(long callId, String tier, String brand, String accountManager, String caller, String ivrPath) {
        long now = clock.get();
        int t = CONFIG.tierIndex(tier);
        int b = brand == null ? -1 : CONFIG.brandIndex(brand);
        int am = accountManager == null ? -1 : CONFIG.agentIndex(accountManager);
        ring.publish(e -> e.callArrived(now, callId, 0, t, b, am, 0, caller, ivrPath));
    }

    void seatAnswers(long callId, String agent) {
        long now = clock.get();
        int a = CONFIG.agentIndex(agent);
        ring.publish(e -> e.offerAnswered(now, callId, a));
    }

    void seatDoesNotAnswer(long callId, String agent) {
        long now = clock.get();
        int a = CONFIG.agentIndex(agent);
        ring.publish(e -> e.offerNotAnswered(now, callId, a));
    }

    void callEvent(EventType type, long callId) {
        long now = clock.get();
        ring.publish(e -> e.callEvent(type, now, callId));
    }

    void advanceSeconds(long seconds) {
        clock.addAndGet(seconds * 1000);
    }

    /** Waits until the engine has reported this state change for the agent. */
    StateChange awaitEngineState(String agent, AgentState state, int reason) {
        long deadline = System.nanoTime() + DeskClient.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (stateChanges) {
                for (StateChange change : stateChanges) {
                    if (change.agent().equals(agent) && change.to() == state && change.reason() == reason) {
                        return change;
                    }
                }
            }
            sleep(10);
        }
        return fail("engine never reported agent " + agent + " " + state + " (reason " + reason + "); saw "
                + List.copyOf(stateChanges));
    }

    List<StateChange> changesOf(String agent) {
        synchronized (stateChanges) {
            return stateChanges.stream().filter(c -> c.agent().equals(agent)).toList();
        }
    }

    /** Lets every event published so far through the engine. */
    void settle() {
        long deadline = System.nanoTime() + DeskClient.WAIT.toNanos();
        while (ring.backlog() > 0 && System.nanoTime() < deadline) {
            sleep(5);
        }
        // and for the notices to cross the event loops
        sleep(100);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        gateway.close();
        ring.close();
    }
}
