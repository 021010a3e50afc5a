package acd.server;

import acd.core.model.RoutingConfig;
import acd.core.config.RoutingConfigLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The built-in simulator's busy hour, sized from the floor it runs on. */
class DemoTrafficTest {

    @Test
    void theRateKeepsEverySeatEightyFivePercentBusyCountingOnlyCallersWhoReachASeat() throws Exception {
        Path config = Path.of("..", "config");
        RoutingConfig routing = RoutingConfigLoader.parse(List.of(AcdServer.read(config, "routing.yaml"),
                AcdServer.read(config, "agents.yaml")));
        double wrapUp = routing.agents().stream().mapToInt(a -> a.wrapUpSeconds()).average().orElseThrow();
        double handleSeconds = 30 + wrapUp + 2;
        double perSeat = 60 / handleSeconds;
        assertEquals(0.85 * routing.agents().size() * perSeat / (5.0 / 6),
                DemoTraffic.busyHourRate(routing, 5.0 / 6), 1e-9);
    }

    @Test
    void callersKeyingZeroReachASeatUnlessTheyGiveUpInTheMenus() {
        double stay = Math.exp(-10.0 / 60);
        // the key after the 0 is the survey's rating
        assertEquals(0.75 * stay, DemoTraffic.reachingASeat(List.of(List.of("1", "0", "5"), List.of("0"),
                List.of("2", "0", "2"), List.of("1", "1"))), 1e-9);
    }
}
