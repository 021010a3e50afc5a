package acd.bench.desk;

import org.HdrHistogram.Histogram;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A wallboard's heartbeat timed on a quiet port, then while hostile clients attack the same
 * port: one phase per {@link Hostility} alone and one with all of them at once. Each phase's
 * figures stand next to the quiet phase's, measured in the same run.
 */
public final class IsolationRun {

    /** One phase: who attacked, how often the server threw them out, the round trips meanwhile. */
    public record Phase(String name, long attackerConnections, Histogram roundTripsMicros) {
        public double p50Ms() {
            return roundTripsMicros.getValueAtPercentile(50) / 1000.0;
        }

        public double p99Ms() {
            return roundTripsMicros.getValueAtPercentile(99) / 1000.0;
        }

        public double maxMs() {
            return roundTripsMicros.getMaxValue() / 1000.0;
        }

        public long heartbeats() {
            return roundTripsMicros.getTotalCount();
        }
    }

    private final InetSocketAddress server;
    private final Duration phaseLength;
    private final long everyMs;

    /**
     * @param server      the HTTP port with the desk mounted at {@code /cti}
     * @param phaseLength how long each phase measures
     * @param everyMs     the probe's heartbeat pace
     */
    public IsolationRun(InetSocketAddress server, Duration phaseLength, long everyMs) {
        this.server = server;
        this.phaseLength = phaseLength;
        this.everyMs = everyMs;
    }

    /** The heartbeat on a quiet port. A first round, not counted, warms the path up. */
    public Phase quiet() throws Exception {
        URI cti = URI.create("ws://" + server.getHostString() + ":" + server.getPort() + "/cti");
        try (HeartbeatProbe warmUp = HeartbeatProbe.connect(cti)) {
            warmUp.run(Duration.ofSeconds(2), everyMs);
        }
        return phase("quiet", List.of());
    }

    public Phase under(List<Hostility> hostilities) throws Exception {
        String name = hostilities.size() == 1 ? hostilities.get(0).name() : "all at once";
        return phase(name, hostilities);
    }

    private Phase phase(String name, List<Hostility> hostilities) throws Exception {
        URI cti = URI.create("ws://" + server.getHostString() + ":" + server.getPort() + "/cti");
        try (HeartbeatProbe probe = HeartbeatProbe.connect(cti)) {
            List<Attacker> attackers = new ArrayList<>();
            long seed = 1;
            for (Hostility hostility : hostilities) {
                attackers.add(hostility.start(server, seed++));
            }
            try {
                // the attackers get going before the clock starts
                Thread.sleep(300);
                Histogram roundTrips = probe.run(phaseLength, everyMs);
                long connections = 0;
                for (Attacker attacker : attackers) {
                    connections += attacker.connections();
                }
                return new Phase(name, connections, roundTrips);
            } finally {
                for (Attacker attacker : attackers) {
                    attacker.close();
                }
            }
        }
    }
}
