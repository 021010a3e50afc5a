package acd.bench.sim;

import acd.core.metrics.ServiceLevelBoard;

import java.util.List;

/**
 * What a simulation run measured.
 *
 * @param scenario          the scenario's name
 * @param rows              per queue, then per tier of it; warm-up calls left out
 * @param calls             arrivals simulated, warm-up included
 * @param warmUpCalls       arrivals left out of {@code rows}
 * @param seed              the seed of the run
 * @param agents            agents on the floor
 * @param offeredErlangs    talk load offered (arrival rate times mean talk time; wrap-up on top)
 * @param occupancy         share of the agents' available time spent ringing, talking or in
 *                          wrap-up, up to the last arrival
 * @param virtualSeconds    simulated time from the first login to the last event
 * @param engineEvents      events the engine processed, ticks included
 * @param rejectedEvents    events the engine refused; a correct simulator sends none
 * @param unfinishedCalls   calls still in the engine when the run stopped (callers nobody could serve)
 * @param wallNanos         real time the run took
 * @param board             the engine's own figures (warm-up included), for cross-checks
 */
public record SimulationReport(String scenario, List<ServiceLevelRow> rows, long calls, long warmUpCalls, long seed,
                               int agents, double offeredErlangs, double occupancy, double virtualSeconds,
                               long engineEvents, long rejectedEvents, int unfinishedCalls, long wallNanos,
                               ServiceLevelBoard board) {
    public SimulationReport {
        rows = List.copyOf(rows);
    }

    /** The row of a queue and tier ({@link ServiceLevelRow#ALL_TIERS} for the queue total). */
    public ServiceLevelRow row(String queue, String tier) {
        for (ServiceLevelRow r : rows) {
            if (r.queue().equals(queue) && r.tier().equals(tier)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no row for queue '" + queue + "', tier '" + tier + "'");
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    public double callsPerWallSecond() {
        return calls / Math.max(1e-9, wallSeconds());
    }
}
