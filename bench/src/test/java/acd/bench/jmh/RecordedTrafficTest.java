package acd.bench.jmh;

import acd.core.engine.AcdEngine;
import acd.core.engine.CallView;
import acd.core.engine.DirectiveSink;
import acd.core.engine.EngineEvent;
import acd.core.engine.EngineListener;
import acd.core.model.RoutingConfig;
import acd.core.ring.RingWaitStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordedTrafficTest {
    @Test
    void a_fresh_engine_replaying_the_recording_makes_the_offers_the_recording_engine_made() {
        RoutingConfig config = RoutingWorkload.config(150, 5);
        List<String> live = new ArrayList<>();
        TrafficDriver driver = new TrafficDriver(config, 400, 5)
                .observeOffers((t, call, agent) -> live.add(t + " " + call + " " + agent));
        AcdEngine recorder = new AcdEngine(config, RoutingWorkload.OPENING_MS, driver, EngineListener.NONE);
        RecordedTraffic recorded = RecordedTraffic.record(driver, recorder, 60_000);

        List<String> replayed = new ArrayList<>();
        DirectiveSink sink = new DirectiveSink() {
            @Override
            public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
                replayed.add(timeMs + " " + call.callId() + " " + agentIndex);
            }
        };
        AcdEngine replay = new AcdEngine(config, RoutingWorkload.OPENING_MS, sink, EngineListener.NONE);
        EngineEvent slot = new EngineEvent();
        for (int i = 0; i < recorded.size(); i++) {
            recorded.fill(i, slot);
            replay.onEvent(slot);
        }
        assertEquals(live, replayed);
        assertEquals(0, replay.rejectedEvents());
        assertEquals(recorder.callsInProgress(), replay.callsInProgress());
    }

    @Test
    void ring_hand_off_run_measures_every_paced_event_and_the_engine_keeps_up() {
        RoutingConfig config = RoutingWorkload.config(100, 9);
        TrafficDriver driver = new TrafficDriver(config, 300, 9);
        AcdEngine recorder = new AcdEngine(config, RoutingWorkload.OPENING_MS, driver, EngineListener.NONE);
        RecordedTraffic recorded = RecordedTraffic.record(driver, recorder, 30_000);
        RingHandoffBenchmark bench = new RingHandoffBenchmark(config, recorded, 20_000, 1024);

        RingHandoffBenchmark.Result result = bench.run(RingWaitStrategy.BLOCKING, 20_000, 0.1, 0.3);

        assertEquals(6_000, result.raw().getTotalCount());
        assertTrue(result.corrected().getTotalCount() >= result.raw().getTotalCount());
        assertEquals(20_000 + 2_000 + 6_000, result.applied());
        assertEquals(0, result.rejected());
    }
}
