package acd.bench.sim;

import java.util.List;

/**
 * The calls a simulation offers and how callers and seats behave. Arrivals are one Poisson
 * process at {@code arrivalsPerSecond}; each arrival belongs to a stream drawn by share, which
 * is the same as independent Poisson streams at their own rates.
 *
 * @param arrivalsPerSecond        total arrival rate over all streams
 * @param streams                  at least one
 * @param calls                    arrivals to simulate, warm-up included
 * @param warmUpCalls              the first arrivals, left out of the figures: the floor starts empty,
 *                                 which flatters the first calls
 * @param seed                     the run is a function of the scenario and this seed
 * @param handleTime               the shape of the talk-time distribution
 * @param handleTimeCv             coefficient of variation for {@link HandleTime#LOG_NORMAL} (1 matches
 *                                 the exponential's spread)
 * @param ringDelaySeconds         how long a seat rings before the agent picks up
 * @param noAnswerProbability      chance that a seat lets an offered call ring out, 0..1
 * @param backAfterNoAnswerSeconds how long an agent the engine set not ready for missed calls stays away
 */
public record Traffic(double arrivalsPerSecond, List<CallerStream> streams, long calls, long warmUpCalls, long seed,
                      HandleTime handleTime, double handleTimeCv, double ringDelaySeconds, double noAnswerProbability,
                      double backAfterNoAnswerSeconds) {

    /** How talk times are spread around the stream's AHT. */
    public enum HandleTime {
        /** Memoryless, as Erlang C assumes. */
        EXPONENTIAL,
        /** Skewed with a long tail, closer to measured talk times; spread set by the CV. */
        LOG_NORMAL
    }

    public static final long DEFAULT_CALLS = 100_000;
    public static final long DEFAULT_SEED = 1;
    public static final double DEFAULT_BACK_AFTER_NO_ANSWER_SECONDS = 60;
    /** Streams are limited so a call's stream fits in the low bits of its call id. */
    public static final int MAX_STREAMS = 256;
    /** Arrivals are numbered in the rest of the call id, which the engine limits to 56 bits. */
    public static final long MAX_CALLS = 1L << 47;

    public Traffic {
        streams = List.copyOf(streams);
        if (streams.isEmpty() || streams.size() > MAX_STREAMS) {
            throw new IllegalArgumentException("traffic needs 1.." + MAX_STREAMS + " streams, found " + streams.size());
        }
        if (!(arrivalsPerSecond > 0) || !Double.isFinite(arrivalsPerSecond)) {
            throw new IllegalArgumentException("arrival rate must be above 0 calls per second, found " + arrivalsPerSecond);
        }
        if (calls < 1 || calls > MAX_CALLS) {
            throw new IllegalArgumentException("calls must be 1.." + MAX_CALLS + ", found " + calls);
        }
        if (warmUpCalls < 0 || warmUpCalls >= calls) {
            throw new IllegalArgumentException("warm-up calls must be 0.." + (calls - 1) + ", found " + warmUpCalls);
        }
        if (!(handleTimeCv > 0) || !Double.isFinite(handleTimeCv)) {
            throw new IllegalArgumentException("handle-time CV must be above 0, found " + handleTimeCv);
        }
        if (!(ringDelaySeconds >= 0) || !Double.isFinite(ringDelaySeconds)) {
            throw new IllegalArgumentException("ring delay must be 0 or more seconds, found " + ringDelaySeconds);
        }
        if (!(noAnswerProbability >= 0 && noAnswerProbability <= 1)) {
            throw new IllegalArgumentException("no-answer probability must be 0..1, found " + noAnswerProbability);
        }
        if (!(backAfterNoAnswerSeconds >= 0) || !Double.isFinite(backAfterNoAnswerSeconds)) {
            throw new IllegalArgumentException("back-after-no-answer must be 0 or more seconds, found "
                    + backAfterNoAnswerSeconds);
        }
    }

    /** The warm-up used when none is given: 2% of the calls, enough to fill the floor. */
    public static long defaultWarmUp(long calls) {
        return calls / 50;
    }

    /** Mean talk time over the streams, weighted by share. */
    public double meanAhtSeconds() {
        double shares = 0;
        double weighted = 0;
        for (CallerStream s : streams) {
            shares += s.share();
            weighted += s.share() * s.ahtSeconds();
        }
        return weighted / shares;
    }

    /** Offered talk load in erlangs: arrival rate times mean talk time (wrap-up not included). */
    public double offeredErlangs() {
        return arrivalsPerSecond * meanAhtSeconds();
    }

    public Traffic withArrivalsPerSecond(double rate) {
        return new Traffic(rate, streams, calls, warmUpCalls, seed, handleTime, handleTimeCv, ringDelaySeconds,
                noAnswerProbability, backAfterNoAnswerSeconds);
    }

    /** The same mix at the arrival rate that offers {@code erlangs} of talk. */
    public Traffic withOfferedErlangs(double erlangs) {
        return withArrivalsPerSecond(erlangs / meanAhtSeconds());
    }

    public Traffic withStreams(List<CallerStream> newStreams) {
        return new Traffic(arrivalsPerSecond, newStreams, calls, warmUpCalls, seed, handleTime, handleTimeCv,
                ringDelaySeconds, noAnswerProbability, backAfterNoAnswerSeconds);
    }

    /** A different length of run; the warm-up keeps its share of the calls. */
    public Traffic withCalls(long newCalls, long newWarmUpCalls) {
        return new Traffic(arrivalsPerSecond, streams, newCalls, newWarmUpCalls, seed, handleTime, handleTimeCv,
                ringDelaySeconds, noAnswerProbability, backAfterNoAnswerSeconds);
    }

    public Traffic withSeed(long newSeed) {
        return new Traffic(arrivalsPerSecond, streams, calls, warmUpCalls, newSeed, handleTime, handleTimeCv,
                ringDelaySeconds, noAnswerProbability, backAfterNoAnswerSeconds);
    }

    public Traffic withHandleTime(HandleTime shape, double cv) {
        return new Traffic(arrivalsPerSecond, streams, calls, warmUpCalls, seed, shape, cv, ringDelaySeconds,
                noAnswerProbability, backAfterNoAnswerSeconds);
    }

    public Traffic withSeats(double newRingDelaySeconds, double newNoAnswerProbability) {
        return new Traffic(arrivalsPerSecond, streams, calls, warmUpCalls, seed, handleTime, handleTimeCv,
                newRingDelaySeconds, newNoAnswerProbability, backAfterNoAnswerSeconds);
    }
}
