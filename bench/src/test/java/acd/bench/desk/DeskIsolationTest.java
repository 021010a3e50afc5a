package acd.bench.desk;

import acd.server.AcdServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the server as it is wired, with calls flowing: a wallboard's heartbeat stays quick while
 * another client does its worst to the same port. The full figures, for every kind of hostile
 * client, come from {@code ./acd bench-desk} and are in bench/README.md; the bounds here are
 * loose enough for a slow, shared machine, and far below the half second a shared thread cost.
 */
class DeskIsolationTest {
    private static final double MEDIAN_BOUND_MS = 20;
    private static final double P95_BOUND_MS = 100;

    @Test
    void aDesktopsHeartbeatStaysQuickWhileAnotherClientStreamsGarbage(@TempDir Path dir) throws Exception {
        try (AcdServer server = DeskIsolationCommand.startServer(Path.of("..", "config"), dir)) {
            IsolationRun run = new IsolationRun(new InetSocketAddress("127.0.0.1", server.httpPort()),
                    Duration.ofSeconds(3), 50);
            run.quiet();
            for (Hostility hostility : List.of(Hostility.API_HAMMER, Hostility.DESK_MESSAGE_FLOOD,
                    Hostility.DESK_GARBAGE)) {
                IsolationRun.Phase phase = run.under(List.of(hostility));
                double p95 = phase.roundTripsMicros().getValueAtPercentile(95) / 1000.0;
                String figures = String.format(Locale.ROOT, "%s: median %.2f ms, p95 %.2f ms, max %.2f ms over %d "
                        + "heartbeats", hostility, phase.p50Ms(), p95, phase.maxMs(), phase.heartbeats());
                assertTrue(phase.heartbeats() >= 30, figures);
                assertTrue(phase.p50Ms() <= MEDIAN_BOUND_MS, figures);
                assertTrue(p95 <= P95_BOUND_MS, figures);
            }
        }
    }
}
