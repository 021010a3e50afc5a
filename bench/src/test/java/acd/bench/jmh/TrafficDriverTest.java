package acd.bench.jmh;

import acd.core.engine.AcdEngine;
import acd.core.engine.EngineListener;
import acd.core.model.RoutingConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrafficDriverTest {
    @Test
    void warm_floor_keeps_thousands_waiting_and_every_seat_busy() {
        RoutingConfig config = RoutingWorkload.config(1000, 3);
        TrafficDriver traffic = new TrafficDriver(config, 3000, 3);
        AcdEngine engine = new AcdEngine(config, RoutingWorkload.OPENING_MS, traffic, EngineListener.NONE);
        traffic.attach(engine).warmUp();

        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < 200_000; i++) {
            traffic.step();
            min = Math.min(min, traffic.waiting());
            max = Math.max(max, traffic.waiting());
        }
        assertTrue(min >= 2000 && max <= 5000, "waiting " + min + ".." + max + "; " + traffic);
        assertEquals(0, engine.rejectedEvents());
        assertEquals(0, engine.board().agents(acd.core.engine.AgentState.READY), "no seat idles while calls wait");
    }

    @Test
    void same_seed_same_stream() {
        RoutingConfig config = RoutingWorkload.config(200, 11);
        TrafficDriver a = new TrafficDriver(config, 500, 11);
        a.attach(new AcdEngine(config, RoutingWorkload.OPENING_MS, a, EngineListener.NONE));
        TrafficDriver b = new TrafficDriver(config, 500, 11);
        b.attach(new AcdEngine(config, RoutingWorkload.OPENING_MS, b, EngineListener.NONE));
        for (int i = 0; i < 50_000; i++) {
            assertEquals(a.step(), b.step());
        }
        assertEquals(a.toString(), b.toString());
    }
}
