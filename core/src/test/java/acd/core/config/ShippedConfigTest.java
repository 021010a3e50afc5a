package acd.core.config;

import acd.core.engine.AcdEngine;
import acd.core.engine.CallView;
import acd.core.engine.DirectiveSink;
import acd.core.engine.EngineEvent;
import acd.core.engine.EngineListener;
import acd.core.engine.EventType;
import acd.core.model.RoutingConfig;
import acd.core.ring.RingWaitStrategy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files a user edits load, and the engine routes on them. */
class ShippedConfigTest {
    private static ConfigSource source(String name) throws IOException {
        Path path = Path.of("..", "config", name);
        return new ConfigSource("config/" + name, Files.readString(path));
    }

    @Test
    void theShippedFloorRoutesAVipCallToAVipSeatFirst() throws IOException {
        RoutingConfig config = RoutingConfigLoader.parse(List.of(source("routing.yaml"), source("agents.yaml")));
        List<Integer> offeredTo = new ArrayList<>();
        DirectiveSink sink = new DirectiveSink() {
            @Override
            public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
                offeredTo.add(agentIndex);
            }
        };
        AcdEngine engine = new AcdEngine(config, 0, sink, EngineListener.NONE);
        EngineEvent e = new EngineEvent();
        for (int a = 0; a < engine.agentCount(); a++) {
            engine.onEvent(e.agentEvent(EventType.AGENT_LOGGED_IN, 0, a, 0));
            engine.onEvent(e.agentEvent(EventType.AGENT_READY, 0, a, 0));
        }
        int queue = engine.queueIndex("billing");
        engine.onEvent(e.callArrived(1000, 1, queue, engine.tierIndex("diamond"), -1, -1, 0, "13800000001", "1"));
        assertEquals(1, offeredTo.size());
        String seat = engine.agentId(offeredTo.get(0));
        int seatIndex = config.agentIndex(seat);
        assertTrue(config.agents().get(seatIndex).seatGroups().contains("vip"),
                "a diamond caller goes to a VIP seat first, went to " + seat);
        assertEquals(0, engine.rejectedEvents());
    }

    @Test
    void theShippedServerSettingsUseABlockingRing() throws IOException {
        EngineSettings settings = EngineSettings.parse("config/server.yaml", source("server.yaml").text());
        assertEquals(RingWaitStrategy.BLOCKING, settings.waitStrategy());
        assertEquals(65_536, settings.ringSize());
    }

    @Test
    void aRingSizeThatIsNotAPowerOfTwoStopsTheStartWithItsLine() {
        ConfigError error = assertThrows(ConfigError.class,
                () -> EngineSettings.parse("server.yaml", "engine:\n  ringSize: 1000\n  waitStrategy: blocking\n"));
        assertEquals(2, error.line());
        assertTrue(error.getMessage().startsWith("server.yaml:2:"), error.getMessage());
    }

    @Test
    void anUnknownWaitStrategyIsNamedInTheError() {
        ConfigError error = assertThrows(ConfigError.class,
                () -> EngineSettings.parse("server.yaml", "engine:\n  waitStrategy: spin-forever\n"));
        assertEquals(2, error.line());
        assertTrue(error.getMessage().contains("spin-forever"), error.getMessage());
    }
}
