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
 * @param subscribers    numbers of subscribers the hotline knows (its customer list), some of the
 *                       callers calling from one of them; empty: every caller unknown
 * @param subscriberShare the share of callers calling from a subscriber's number (0..1)
 * @param wavePeriodMs   a busy hour's ebb and flow: the rate swings around {@code callsPerMinute}
 *                       over this period; 0 for a steady rate
 * @param waveAmplitude  how far it swings, as a share of the mean rate (0..1)
 * @param callbackShare  the share of callers who take a callback when one is offered (0..1); the
 *                       others decline it; both keep their list of answers for the other prompts.
 *                       0 leaves the offer to the list, as any prompt
 */
public record CallerArrivals(double callsPerMinute, int calls, List<String> dids, List<List<String>> keypresses,
                      long meanPatienceMs, long meanTalkTimeMs, long seed, List<String> subscribers,
                      double subscriberShare, long wavePeriodMs, double waveAmplitude, double callbackShare) {

    public CallerArrivals {
        if (!(callsPerMinute > 0)) {
            throw new IllegalArgumentException("callsPerMinute must be positive: " + callsPerMinute);
        }
        if (calls < 0) {
            throw new IllegalArgumentException("calls must be >= 0: " + calls);
        }
        dids = List.copyOf(dids.isEmpty() ? List.of(CallerScript.DEFAULT_DID) : dids);
        keypresses = keypresses.isEmpty() ? List.of(List.of()) : keypresses.stream().map(List::copyOf).toList();
        subscribers = List.copyOf(subscribers);
        if (!(subscriberShare >= 0 && subscriberShare <= 1)) {
            throw new IllegalArgumentException("subscriberShare must be within 0..1: " + subscriberShare);
        }
        if (!(callbackShare >= 0 && callbackShare <= 1)) {
            throw new IllegalArgumentException("callbackShare must be within 0..1: " + callbackShare);
        }
        if (wavePeriodMs < 0 || !(waveAmplitude >= 0 && waveAmplitude < 1)) {
            throw new IllegalArgumentException("a wave needs a period >= 0 and an amplitude within 0..1 (not 1): "
                    + wavePeriodMs + ", " + waveAmplitude);
        }
    }

    public static CallerArrivals poisson(double callsPerMinute, int calls, long seed) {
        return new CallerArrivals(callsPerMinute, calls, List.of(CallerScript.DEFAULT_DID), List.of(List.of()), 60_000, 30_000,
                seed, List.of(), 0, 0, 0, 0);
    }

    public CallerArrivals withDids(List<String> hotlines) {
        return new CallerArrivals(callsPerMinute, calls, hotlines, keypresses, meanPatienceMs, meanTalkTimeMs, seed,
                subscribers, subscriberShare, wavePeriodMs, waveAmplitude, callbackShare);
    }

    /** Every caller keys in these answers. */
    public CallerArrivals pressing(List<String> answers) {
        return new CallerArrivals(callsPerMinute, calls, dids, List.of(answers), meanPatienceMs, meanTalkTimeMs, seed,
                subscribers, subscriberShare, wavePeriodMs, waveAmplitude, callbackShare);
    }

    /** Each caller keys in one of these lists of answers, drawn uniformly: a mix of what callers want. */
    public CallerArrivals pressingOneOf(List<List<String>> choices) {
        return new CallerArrivals(callsPerMinute, calls, dids, choices, meanPatienceMs, meanTalkTimeMs, seed,
                subscribers, subscriberShare, wavePeriodMs, waveAmplitude, callbackShare);
    }

    public CallerArrivals withMeanPatienceMs(long ms) {
        return new CallerArrivals(callsPerMinute, calls, dids, keypresses, ms, meanTalkTimeMs, seed, subscribers,
                subscriberShare, wavePeriodMs, waveAmplitude, callbackShare);
    }

    public CallerArrivals withMeanTalkTimeMs(long ms) {
        return new CallerArrivals(callsPerMinute, calls, dids, keypresses, meanPatienceMs, ms, seed, subscribers,
                subscriberShare, wavePeriodMs, waveAmplitude, callbackShare);
    }

    /** {@code share} of the callers call from one of these numbers (drawn uniformly), the rest from unknown ones. */
    public CallerArrivals callingFrom(List<String> numbers, double share) {
        return new CallerArrivals(callsPerMinute, calls, dids, keypresses, meanPatienceMs, meanTalkTimeMs, seed, numbers,
                share, wavePeriodMs, waveAmplitude, callbackShare);
    }

    /**
     * The rate swings as a busy hour's does: {@code callsPerMinute × (1 + amplitude × sin(2πt / period))},
     * so the line builds while more come than the floor takes, and drains after.
     */
    public CallerArrivals inWaves(long periodMs, double amplitude) {
        return new CallerArrivals(callsPerMinute, calls, dids, keypresses, meanPatienceMs, meanTalkTimeMs, seed,
                subscribers, subscriberShare, periodMs, amplitude, callbackShare);
    }

    /** When a callback is offered, {@code share} of the callers take it and the others decline. */
    public CallerArrivals takingCallbacks(double share) {
        return new CallerArrivals(callsPerMinute, calls, dids, keypresses, meanPatienceMs, meanTalkTimeMs, seed,
                subscribers, subscriberShare, wavePeriodMs, waveAmplitude, share);
    }

    /** The arrival rate at {@code atMs} into the traffic, callers a minute. */
    public double callsPerMinuteAt(long atMs) {
        if (wavePeriodMs == 0) {
            return callsPerMinute;
        }
        return callsPerMinute * (1 + waveAmplitude * Math.sin(2 * Math.PI * atMs / wavePeriodMs));
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
        /** Simulated time since the first gap, for the wave. */
        private long atMs;

        private Arrivals(CallerArrivals traffic) {
            this.traffic = traffic;
            this.random = new Random(traffic.seed());
        }

        public boolean hasNext() {
            return drawn < traffic.calls();
        }

        /**
         * Simulated milliseconds until the next caller. A wave is drawn by thinning: candidates
         * come at the wave's top rate and each is kept with the share the rate at its time is of that.
         */
        public long nextGapMs() {
            if (traffic.wavePeriodMs() == 0) {
                return Math.round(exponential(60_000.0 / traffic.callsPerMinute()));
            }
            double top = traffic.callsPerMinute() * (1 + traffic.waveAmplitude());
            double t = atMs;
            do {
                t += exponential(60_000.0 / top);
            } while (random.nextDouble() * top > traffic.callsPerMinuteAt(Math.round(t)));
            long gap = Math.round(t) - atMs;
            atMs += gap;
            return gap;
        }

        public CallerScript nextCaller() {
            drawn++;
            List<String> known = traffic.subscribers();
            String number = !known.isEmpty() && random.nextDouble() < traffic.subscriberShare()
                    ? known.get(random.nextInt(known.size())) : String.format("139%08d", drawn);
            String did = traffic.dids().get(random.nextInt(traffic.dids().size()));
            long patience = traffic.meanPatienceMs() <= 0 ? 0 : Math.max(1, Math.round(exponential(traffic.meanPatienceMs())));
            long talk = traffic.meanTalkTimeMs() <= 0 ? 0 : Math.max(1, Math.round(exponential(traffic.meanTalkTimeMs())));
            List<List<String>> choices = traffic.keypresses();
            List<String> keys = choices.size() == 1 ? choices.get(0) : choices.get(random.nextInt(choices.size()));
            // Drawn only when callers choose apart, so the draws of a seed without it stay as they were.
            String callbackAnswer = traffic.callbackShare() == 0 ? null
                    : random.nextDouble() < traffic.callbackShare() ? "1" : "";
            return new CallerScript(number, "", did, keys, patience, talk, callbackAnswer);
        }

        private double exponential(double mean) {
            return -mean * Math.log(1 - random.nextDouble());
        }
    }
}
