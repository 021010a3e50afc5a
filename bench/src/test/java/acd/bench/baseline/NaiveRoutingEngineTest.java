package acd.bench.baseline;

import acd.bench.jmh.RoutingWorkload;
import acd.bench.jmh.TrafficDriver;
import acd.core.engine.AcdEngine;
import acd.core.engine.CallView;
import acd.core.engine.DirectiveSink;
import acd.core.engine.EngineEvent;
import acd.core.engine.EngineListener;
import acd.core.engine.EventType;
import acd.core.engine.RoutingEngine;
import acd.core.model.AgentSpec;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NaiveRoutingEngineTest {
    private static final long OPEN = RoutingWorkload.OPENING_MS;

    /** Offers as "time call agent" lines, in the order the engine made them. */
    private static final class OfferLog implements DirectiveSink {
        final List<String> offers = new ArrayList<>();

        @Override
        public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
            offers.add((timeMs - OPEN) + " call " + call.callId() + " -> agent " + agentIndex);
        }
    }

    private static RoutingConfig smallFloor() {
        List<TierSpec> tiers = List.of(new TierSpec("gold", "gold", 3, 10), new TierSpec("standard", "standard", 1, 0));
        List<QueueSpec> queues = List.of(
                QueueSpec.of("billing", List.of("billing")).withAnnounceEverySeconds(0),
                QueueSpec.of("broadband", List.of("broadband")).withAnnounceEverySeconds(0));
        List<AgentSpec> agents = List.of(
                new AgentSpec("1001", "a", "PJSIP/1001", Map.of("billing", 1), List.of(), 0),
                new AgentSpec("1002", "b", "PJSIP/1002", Map.of("billing", 2, "broadband", 1), List.of(), 0),
                new AgentSpec("1003", "c", "PJSIP/1003", Map.of("broadband", 1), List.of(), 0));
        return new RoutingConfig(List.of("billing", "broadband"), List.of(), tiers, "standard", List.of(), List.of(),
                2, queues, List.of(), agents);
    }

    private static List<String> run(RoutingConfig config, List<EngineEvent> script, boolean naive) {
        OfferLog log = new OfferLog();
        RoutingEngine engine = naive ? new NaiveRoutingEngine(config, OPEN, log)
                : new AcdEngine(config, OPEN, log, EngineListener.NONE);
        for (EngineEvent e : script) {
            engine.onEvent(new EngineEvent().copyFrom(e));
        }
        return log.offers;
    }

    @Test
    void gold_caller_overtakes_older_standard_callers_and_the_longest_idle_seat_is_rung_first() {
        List<EngineEvent> script = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            script.add(new EngineEvent().agentEvent(EventType.AGENT_LOGGED_IN, OPEN, a, 0));
        }
        script.add(new EngineEvent().agentEvent(EventType.AGENT_READY, OPEN, 1, 0));
        script.add(new EngineEvent().agentEvent(EventType.AGENT_READY, OPEN + 10, 0, 0));
        // Both billing seats are free: the one ready longest (agent 1) gets the first call.
        script.add(new EngineEvent().callArrived(OPEN + 1_000, 1, 0, 1, -1, -1, 0, null, null));
        script.add(new EngineEvent().callArrived(OPEN + 2_000, 2, 0, 1, -1, -1, 0, null, null));
        // Nobody is free now: a standard caller, then a gold one a few seconds later.
        script.add(new EngineEvent().callArrived(OPEN + 3_000, 3, 0, 1, -1, -1, 0, null, null));
        script.add(new EngineEvent().callArrived(OPEN + 6_000, 4, 0, 0, -1, -1, 0, null, null));
        script.add(new EngineEvent().offerAnswered(OPEN + 7_000, 1, 1));
        script.add(new EngineEvent().offerAnswered(OPEN + 7_000, 2, 0));
        // At 20 s: gold waited 14 s x 3 + 10 s = 52 s weighted, standard 17 s: gold goes first.
        script.add(new EngineEvent().callEvent(EventType.CALL_ENDED, OPEN + 20_000, 1));
        script.add(new EngineEvent().offerNotAnswered(OPEN + 21_000, 4, 1));
        // The gold call went back to its place; the seat that missed it is free again and takes it back.
        script.add(new EngineEvent().callEvent(EventType.CALL_ENDED, OPEN + 22_000, 2));
        // A broadband caller: only agent 2 (not ready) and agent 1 (ringing) have the skill; agent 2 comes ready.
        script.add(new EngineEvent().callArrived(OPEN + 23_000, 5, 1, 1, -1, -1, 0, null, null));
        script.add(new EngineEvent().agentEvent(EventType.AGENT_READY, OPEN + 24_000, 2, 0));

        List<String> engine = run(smallFloor(), script, false);
        List<String> naive = run(smallFloor(), script, true);
        assertEquals(List.of(
                "1000 call 1 -> agent 1",
                "2000 call 2 -> agent 0",
                "20000 call 4 -> agent 1",
                "21000 call 4 -> agent 1",
                "22000 call 3 -> agent 0",
                "24000 call 5 -> agent 2"), engine);
        assertEquals(engine, naive);
    }

    @Test
    void both_engines_make_the_same_offers_in_the_same_order_under_load() {
        int agents = 120;
        int waiting = 400;
        RoutingConfig config = RoutingWorkload.config(agents, 7);
        List<String> engineOffers = new ArrayList<>();
        List<String> naiveOffers = new ArrayList<>();

        TrafficDriver engineTraffic = new TrafficDriver(config, waiting, 7)
                .observeOffers((t, call, agent) -> engineOffers.add(t + " " + call + " " + agent));
        AcdEngine engine = new AcdEngine(config, RoutingWorkload.OPENING_MS, engineTraffic, EngineListener.NONE);
        engineTraffic.attach(engine);
        TrafficDriver naiveTraffic = new TrafficDriver(config, waiting, 7)
                .observeOffers((t, call, agent) -> naiveOffers.add(t + " " + call + " " + agent));
        NaiveRoutingEngine naive = new NaiveRoutingEngine(config, RoutingWorkload.OPENING_MS, naiveTraffic);
        naiveTraffic.attach(naive);

        int events = 150_000;
        int minWaiting = Integer.MAX_VALUE;
        int maxWaiting = 0;
        for (int i = 0; i < events; i++) {
            engineTraffic.step();
            naiveTraffic.step();
            if (i > 20_000) {
                minWaiting = Math.min(minWaiting, engineTraffic.waiting());
                maxWaiting = Math.max(maxWaiting, engineTraffic.waiting());
            }
        }

        assertEquals(engineOffers.size(), naiveOffers.size(), "offer count");
        for (int i = 0; i < engineOffers.size(); i++) {
            assertEquals(engineOffers.get(i), naiveOffers.get(i), "offer #" + i);
        }
        assertEquals(engineTraffic.toString(), naiveTraffic.toString());
        assertEquals(0, engine.rejectedEvents());
        assertEquals(0, naive.rejectedEvents());
        int engineWaiting = 0;
        for (int q = 0; q < engine.queueCount(); q++) {
            engineWaiting += engine.waitingCalls(q);
        }
        assertEquals(engineTraffic.waiting(), engineWaiting, "the driver's and the engine's waiting calls");
        assertEquals(naiveTraffic.waiting(), naive.waitingCalls());
        assertEquals(engine.callsInProgress(), naive.callsInProgress());
        // The floor was busy in every way the benchmark wants.
        assertTrue(engineTraffic.completed() > 10_000, engineTraffic.toString());
        assertTrue(engineTraffic.abandoned() > 100, engineTraffic.toString());
        assertTrue(engineTraffic.ringOuts() > 100, engineTraffic.toString());
        assertTrue(engineTraffic.breaks() > 100, engineTraffic.toString());
        assertTrue(minWaiting > waiting / 2 && maxWaiting < waiting * 2,
                "waiting held near " + waiting + ": " + minWaiting + ".." + maxWaiting);
    }

    @Test
    void refuses_a_floor_it_would_route_differently() {
        RoutingConfig config = smallFloor();
        RoutingConfig announcing = config.withQueues(List.of(QueueSpec.of("billing", List.of("billing"))));
        assertThrows(IllegalArgumentException.class, () -> new NaiveRoutingEngine(announcing, OPEN, new OfferLog()));
        assertFalse(new NaiveRoutingEngine(config, OPEN, new OfferLog()).rejectedEvents() > 0);
    }
}
