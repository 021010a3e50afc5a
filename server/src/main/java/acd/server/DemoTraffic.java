package acd.server;

import acd.core.model.AgentSpec;
import acd.core.model.RoutingConfig;
import acd.pbxsim.world.CallerArrivals;

import java.util.List;

/**
 * The callers the built-in simulator sends when no Asterisk is configured: a busy hour on the
 * configured floor, so that {@code ./acd serve} looks like a hotline at once. The rate keeps the
 * staffed seats some 85% busy on average; it swings ±30% over 12 minutes, so the line builds
 * while more come than the floor takes and drains after, and impatient callers give up. A third
 * of the callers call from the customer list, so its VIP tiers, brands and account managers
 * are routed as theirs. Half of those offered a callback over a long wait take it.
 */
final class DemoTraffic {
    static final double TARGET_OCCUPANCY = 0.85;
    /** What a simulated call is talked for, on average: the shorter of the caller's and the seat's. */
    static final long MEAN_TALK_MS = 30_000;
    /**
     * The seats end a call at 45 s, the callers after 52 s on average (drawn exponentially), so
     * some 42% of calls are ended by the seat, whose caller then hears the survey, and a call lasts
     * 52 x (1 - e^(-45/52)) = 30 s on average.
     */
    static final long SEAT_TALK_MS = 45_000;
    static final long CALLER_MEAN_TALK_MS = 52_000;
    /** What a simulated seat rings for before it picks up. */
    static final long SEAT_RING_MS = 2_000;
    static final double SUBSCRIBER_SHARE = 1.0 / 3;
    static final long WAVE_PERIOD_MS = 12 * 60_000;
    static final double WAVE_AMPLITUDE = 0.3;
    /** What the simulated callers wait before giving up, on average. */
    static final long MEAN_PATIENCE_MS = 60_000;
    /** Of the callers offered a callback over a long wait, the share who take it. */
    static final double CALLBACK_TAKERS = 0.5;
    /** Roughly how long a caller spends in the menus before joining a line. */
    static final long MENU_MS = 10_000;

    private DemoTraffic() {
    }

    /**
     * Callers a minute that keep every seat {@link #TARGET_OCCUPANCY} busy: each seat takes
     * 60 s / (talk + wrap-up + ring) calls a minute; {@code personShare} of the callers reach a
     * seat, the others are served by the menus.
     */
    static double busyHourRate(RoutingConfig routing, double personShare) {
        double wrapUpSeconds = routing.agents().stream().mapToInt(AgentSpec::wrapUpSeconds).average().orElse(0);
        double handleSeconds = MEAN_TALK_MS / 1000.0 + wrapUpSeconds + SEAT_RING_MS / 1000.0;
        return TARGET_OCCUPANCY * routing.agents().size() * 60 / handleSeconds / personShare;
    }

    /**
     * The share of callers keying {@code keys} who reach a seat: those who key 0 (the menus' "a
     * person"; what follows is their survey rating), less those whose patience runs out in the
     * menus first.
     */
    static double reachingASeat(List<List<String>> keys) {
        long toPerson = keys.stream().filter(k -> k.contains("0")).count();
        double stayThroughMenus = Math.exp(-(double) MENU_MS / MEAN_PATIENCE_MS);
        return Math.max(1, toPerson) / (double) keys.size() * stayThroughMenus;
    }

    /** The seats' phones end a call at {@link #SEAT_TALK_MS}; its caller then rates it in the survey. */
    static void seatsEndLongCalls(acd.pbxsim.PbxSimulator simulator) {
        for (acd.pbxsim.world.SeatPhone seat : simulator.seats()) {
            seat.update(seat.settings().withTalkTimeMs(SEAT_TALK_MS));
        }
    }

    /**
     * @param callsPerMinute the mean rate
     * @param subscribers    the customer list's numbers
     * @param keys           what the callers key in at the menus, one list drawn per caller
     */
    static CallerArrivals traffic(double callsPerMinute, int calls, long seed, List<String> subscribers,
                                  List<List<String>> keys) {
        return CallerArrivals.poisson(callsPerMinute, calls, seed).withDids(List.of("10086")).pressingOneOf(keys)
                .withMeanTalkTimeMs(CALLER_MEAN_TALK_MS).withMeanPatienceMs(MEAN_PATIENCE_MS)
                .callingFrom(subscribers, SUBSCRIBER_SHARE).inWaves(WAVE_PERIOD_MS, WAVE_AMPLITUDE)
                .takingCallbacks(CALLBACK_TAKERS);
    }
}
