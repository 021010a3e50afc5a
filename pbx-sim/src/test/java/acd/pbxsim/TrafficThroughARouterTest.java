package acd.pbxsim;

import acd.pbxsim.ami.AmiUser;
import acd.pbxsim.testing.AmiTestClient;
import acd.pbxsim.testing.AmiTestClient.Received;
import acd.pbxsim.testing.FakeAgiServer;
import acd.pbxsim.world.Outcome;
import acd.pbxsim.world.Outcomes;
import acd.pbxsim.world.SeatSettings;
import acd.pbxsim.world.CallerArrivals;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Poisson stream of callers through a first-come first-served router that speaks plain AMI,
 * as the ACD server would: every call must end counted, none stuck.
 */
class TrafficThroughARouterTest {

    /** Hands held callers to free seats in arrival order; a seat is busy from redirect to hang-up. */
    private static final class Router implements Runnable {
        private final AmiTestClient ami;
        private final Set<String> free = new LinkedHashSet<>();
        private final Deque<String> waiting = new ArrayDeque<>();
        private final Map<String, String> seatOfCaller = new HashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private int actionId;

        Router(AmiTestClient ami, List<String> seats) {
            this.ami = ami;
            free.addAll(seats);
        }

        @Override
        public void run() {
            try {
                while (running.get()) {
                    Received r = ami.poll(Duration.ofMillis(50));
                    if (r != null) {
                        onEvent(r);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private void onEvent(Received r) throws Exception {
            String event = r.event();
            if (event == null) {
                return;
            }
            String ch = r.get("Channel");
            switch (event) {
                case "MusicOnHoldStart" -> {
                    String seat = seatOfCaller.remove(ch);
                    if (seat != null) {
                        free.add(seat);
                    }
                    waiting.add(ch);
                }
                case "Hangup" -> {
                    waiting.remove(ch);
                    String seat = seatOfCaller.remove(ch);
                    if (seat != null) {
                        free.add(seat);
                    }
                }
                default -> {
                }
            }
            while (!waiting.isEmpty() && !free.isEmpty()) {
                String caller = waiting.poll();
                String seat = free.iterator().next();
                free.remove(seat);
                seatOfCaller.put(caller, seat);
                ami.send("Action", "Setvar", "Channel", caller, "Variable", "ACD_ENDPOINT", "Value", seat,
                        "ActionID", "r" + ++actionId);
                ami.send("Action", "Setvar", "Channel", caller, "Variable", "ACD_RING_TIMEOUT", "Value", "8",
                        "ActionID", "r" + ++actionId);
                ami.send("Action", "Redirect", "Channel", caller, "Context", "acd-deliver", "Exten", "s",
                        "Priority", "1", "ActionID", "r" + ++actionId);
            }
        }
    }

    @Test
    void aPoissonStreamThroughAFifoRouterEndsEveryCallCounted() throws Exception {
        List<String> seats = List.of("PJSIP/1001", "PJSIP/1002", "PJSIP/1003");
        try (FakeAgiServer agi = new FakeAgiServer().script("ivr", s -> {
            s.command("ANSWER");
            s.command("STREAM FILE welcome \"\"");
            s.command("SET VARIABLE ACD_QUEUED 1");
        });
             PbxSimulator sim = new PbxSimulator(PbxSettings.defaults()
                     .withAmi("127.0.0.1", 0)
                     .withAmiUsers(List.of(new AmiUser("acd", "acdsecret")))
                     .withAgi("127.0.0.1", agi.port())
                     .withSpeed(60)
                     .withSeed(3)
                     .withSeats(List.of(
                             SeatSettings.of(seats.get(0)).withRingMs(2000),
                             SeatSettings.of(seats.get(1)).withRingMs(3000).withNoAnswerProbability(0.3),
                             SeatSettings.of(seats.get(2)).withRingMs(1000)))).start();
             AmiTestClient ami = new AmiTestClient(sim.amiPort())) {
            assertEquals("Success", ami.login("acd", "acdsecret").get("Response"));
            Router router = new Router(ami, seats);
            Thread routing = new Thread(router, "router");
            routing.start();

            sim.startTraffic(CallerArrivals.poisson(12, 30, 11).withMeanPatienceMs(40_000).withMeanTalkTimeMs(20_000));
            boolean settled = sim.awaitSettled(Duration.ofSeconds(15));
            router.running.set(false);
            routing.join();

            Outcomes o = sim.outcomes();
            assertTrue(settled, "not settled: " + o);
            assertEquals(30, o.placed());
            assertEquals(0, o.inProgress());
            assertEquals(0, o.failed());
            assertEquals(30, o.completed() + o.abandoned() + o.count(Outcome.IVR_ABANDONED), o.toString());
            assertTrue(o.completed() > 0, o.toString());
            assertEquals(o.completed(), o.answerWaitsMs().length);
            assertTrue(agi.failures().isEmpty(), agi.failures().toString());
            assertTrue(sim.channels().isEmpty(), "channels left: " + sim.channels());
        }
    }
}
