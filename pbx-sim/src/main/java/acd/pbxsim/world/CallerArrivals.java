package acd.pbxsim.world;

import java.util.List;
import java.util.Random;

/**
 * A Poisson arrival process of callers: exponential gaps at {@code callsPerMinute}, each caller
 * with exponentially drawn patience and talk time around the given means, keying in the same
 * answers. Seeded, so a run can be repeated.
 *
 * @param callsPerMinute mean arrival rate
 * @param calls          how many callers in all
 * @param dids           hotline numbers, drawn uniformly
 * @param keypresses     the callers' answers to the IVR: each caller keys in one of these lists,
 *                       drawn uniformly (one list: every caller the same)
 * @param meanPatienceMs mean patience; 0 for callers who never give up
 * @param meanTalkTimeMs mean talk time; 0 to leave hanging up to the seats
 * @param seed           random seed
 */
public record CallerArrivals(double callsPerMinute, int calls, List<String> dids, List<List<String>> keypresses,
                      long meanPatienceMs, long meanTalkTimeMs, long seed) {

    public CallerArrivals {
        if (!(callsPerMinute > 0)) {
            throw new IllegalArgumentException("callsPerMinute must be positive: " + callsPerMinute);
        }
        if (calls < 0) {
            throw new IllegalArgumentException("calls must be >= 0: " + calls);
        }
        dids = List.copyOf(dids.isEmpty() ? List.of(CallerScript.DEFAULT_DID) : dids);
        keypresses = keypresses.isEmpty() ? List.of(List.of()) : keypresses.stream().map(List::copyOf).toList();
    }

    public static CallerArrivals poisson(double callsPerMinute, int calls, long seed) {
        return new CallerArrivals(callsPerMinute, calls, List.of(CallerScript.DEFAULT_DID), List.of(List.of()), 60_000, 30_000,
                seed);
    }

    public CallerArrivals withDids(List<String> hotlines) {
        return new CallerArrivals(callsPerMinute, calls, hotlines, keypresses, meanPatienceMs, meanTalkTimeMs, seed);
    }

    /** Every caller keys in these answers. */
    public CallerArrivals pressing(List<String> answers) {
        return new CallerArrivals(callsPerMinute, calls, dids, List.of(answers), meanPatienceMs, meanTalkTimeMs, seed);
    }

    /** Each caller keys in one of these lists of answers, drawn uniformly: a mix of what callers want. */
    public CallerArrivals pressingOneOf(List<List<String>> choices) {
        return new CallerArrivals(callsPerMinute, calls, dids, choices, meanPatienceMs, meanTalkTimeMs, seed);
    }

    public CallerArrivals withMeanPatienceMs(long ms) {
        return new CallerArrivals(callsPerMinute, calls, dids, keypresses, ms, meanTalkTimeMs, seed);
    }

    public CallerArrivals withMeanTalkTimeMs(long ms) {
        return new CallerArrivals(callsPerMinute, calls, dids, keypresses, meanPatienceMs, ms, seed);
    }

    /** Draws the callers and their arrival gaps. */
    public Arrivals arrivals() {
        return new Arrivals(this);
    }

    /** The sequence of callers, each with the gap before it. */
    public static final class Arrivals {
        private final CallerArrivals traffic;
        private final Random random;
        private int drawn;

        private Arrivals(CallerArrivals traffic) {
            this.traffic = traffic;
            this.random = new Random(traffic.seed());
        }

        public boolean hasNext() {
            return drawn < traffic.calls();
        }

        /** Simulated milliseconds until the next caller. */
        public long nextGapMs() {
            return Math.round(exponential(60_000.0 / traffic.callsPerMinute()));
        }

        public CallerScript nextCaller() {
            drawn++;
            String number = String.format("139%08d", drawn);
            String did = traffic.dids().get(random.nextInt(traffic.dids().size()));
            long patience = traffic.meanPatienceMs() <= 0 ? 0 : Math.max(1, Math.round(exponential(traffic.meanPatienceMs())));
            long talk = traffic.meanTalkTimeMs() <= 0 ? 0 : Math.max(1, Math.round(exponential(traffic.meanTalkTimeMs())));
            List<List<String>> choices = traffic.keypresses();
            List<String> keys = choices.size() == 1 ? choices.get(0) : choices.get(random.nextInt(choices.size()));
            return new CallerScript(number, "", did, keys, patience, talk);
        }

        private double exponential(double mean) {
            return -mean * Math.log(1 - random.nextDouble());
        }
    }
}
