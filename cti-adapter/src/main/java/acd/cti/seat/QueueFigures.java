package acd.cti.seat;

import acd.core.engine.AgentState;
import acd.core.metrics.ReportedTraffic;
import acd.core.metrics.ServiceLevelBoard;
import acd.core.metrics.TrafficFigures;
import acd.core.metrics.TrafficTable;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierSpec;
import acd.cti.seat.codec.SeatNotice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The supervisors' live figures, read from the engine's service-level board without stopping it:
 * the counts those the wallboard shows (today's, on a server), the gauges the board's own.
 */
final class QueueFigures {
    private static final AgentState[] STATES = AgentState.values();

    private final RoutingConfig config;
    private final Supplier<ServiceLevelBoard> board;
    private volatile ReportedTraffic traffic;

    QueueFigures(RoutingConfig config, Supplier<ServiceLevelBoard> board) {
        this.config = config;
        this.board = board;
    }

    /** Counts from {@code traffic} from now on, instead of everything since the start. */
    void countFrom(ReportedTraffic traffic) {
        this.traffic = traffic;
    }

    SeatNotice.Figures read() {
        ServiceLevelBoard b = board.get();
        ReportedTraffic source = traffic;
        TrafficTable counts = source != null ? source.counts() : b.totals();
        List<SeatNotice.QueueRow> queues = new ArrayList<>(config.queues().size());
        for (int q = 0; q < config.queues().size(); q++) {
            QueueSpec spec = config.queues().get(q);
            List<SeatNotice.TierRow> tiers = new ArrayList<>(config.tiers().size());
            for (int t = 0; t < config.tiers().size(); t++) {
                TierSpec tier = config.tiers().get(t);
                TrafficFigures f = counts.queueTier(q, t);
                tiers.add(new SeatNotice.TierRow(tier.id(), tier.label(), f.offered(), f.answered(), f.serviceLevel(),
                        f.answerRate(), b.waitingNow(q, t)));
            }
            long[] agents = new long[STATES.length];
            for (AgentState state : STATES) {
                agents[state.ordinal()] = b.agents(q, state);
            }
            TrafficFigures f = counts.queue(q);
            queues.add(new SeatNotice.QueueRow(spec.id(), spec.label(), spec.thresholdSeconds(), spec.targetPercent(),
                    f.offered(), f.answered(), f.answeredWithin(), f.abandoned(), f.serviceLevel(), f.answerRate(),
                    b.waitingNow(q), b.longestWaitingNowMs(q) / 1000.0, agents, tiers,
                    spec.peak().configured() ? b.inPeakMode(q) : null));
        }
        long[] agents = new long[STATES.length];
        for (AgentState state : STATES) {
            agents[state.ordinal()] = b.agents(state);
        }
        return new SeatNotice.Figures(b.lastEventTimeMs(), queues, agents);
    }
}
