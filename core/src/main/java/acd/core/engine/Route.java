package acd.core.engine;

/**
 * Where a call of one queue, tier and brand may go as its wait grows: step {@code i}'s pool
 * from {@code afterMs[i]} of wait on. Steps widen: each later pool admits at least the
 * earlier pools' agents when the rule is written as cumulative groups.
 */
final class Route {
    final long[] afterMs;
    final AgentPool[] pools;

    Route(long[] afterMs, AgentPool[] pools) {
        this.afterMs = afterMs;
        this.pools = pools;
    }

    int stepFor(long waitMs) {
        int step = 0;
        while (step + 1 < afterMs.length && afterMs[step + 1] <= waitMs) {
            step++;
        }
        return step;
    }

    AgentPool widest() {
        return pools[pools.length - 1];
    }
}
