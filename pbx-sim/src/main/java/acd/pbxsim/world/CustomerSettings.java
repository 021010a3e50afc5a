package acd.pbxsim.world;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * How the customers the hotline calls out to (over the carrier trunk) behave. Durations are
 * simulated milliseconds. Whether a customer picks up is drawn from the simulator's seeded
 * random, so a run with the same seed repeats; numbers a test names behave as it says.
 *
 * @param answers         the share of customers who pick up (0..1)
 * @param ringMs          how long a customer's phone rings before they pick up
 * @param talkMs          how long they talk before hanging up; 0 leaves the hang-up to the hotline
 * @param neverAnswering  numbers whose phone rings until the caller gives up
 * @param alwaysAnswering numbers that pick up whatever {@code answers} says
 * @param busy            numbers that are on another call: 486 Busy Here
 */
public record CustomerSettings(double answers, long ringMs, long talkMs, Set<String> neverAnswering,
                               Set<String> alwaysAnswering, Set<String> busy) {

    public CustomerSettings {
        if (!(answers >= 0 && answers <= 1)) {
            throw new IllegalArgumentException("answers must be within 0..1: " + answers);
        }
        if (ringMs < 0 || talkMs < 0) {
            throw new IllegalArgumentException("ringMs and talkMs must not be negative: " + ringMs + ", " + talkMs);
        }
        neverAnswering = Set.copyOf(neverAnswering);
        alwaysAnswering = Set.copyOf(alwaysAnswering);
        busy = Set.copyOf(busy);
    }

    /** Everybody picks up after 3 s and talks for a minute. */
    public static CustomerSettings defaults() {
        return new CustomerSettings(1.0, 3000, 60_000, Set.of(), Set.of(), Set.of());
    }

    public CustomerSettings withAnswers(double share) {
        return new CustomerSettings(share, ringMs, talkMs, neverAnswering, alwaysAnswering, busy);
    }

    public CustomerSettings withRingMs(long ms) {
        return new CustomerSettings(answers, ms, talkMs, neverAnswering, alwaysAnswering, busy);
    }

    public CustomerSettings withTalkMs(long ms) {
        return new CustomerSettings(answers, ringMs, ms, neverAnswering, alwaysAnswering, busy);
    }

    /** These numbers never pick up (added to those already named). */
    public CustomerSettings withNeverAnswering(String... numbers) {
        return new CustomerSettings(answers, ringMs, talkMs, plus(neverAnswering, numbers), alwaysAnswering, busy);
    }

    /** These numbers always pick up (added to those already named). */
    public CustomerSettings withAlwaysAnswering(String... numbers) {
        return new CustomerSettings(answers, ringMs, talkMs, neverAnswering, plus(alwaysAnswering, numbers), busy);
    }

    /** These numbers are busy (added to those already named). */
    public CustomerSettings withBusy(String... numbers) {
        return new CustomerSettings(answers, ringMs, talkMs, neverAnswering, alwaysAnswering, plus(busy, numbers));
    }

    private static Set<String> plus(Set<String> named, String... more) {
        Set<String> all = new LinkedHashSet<>(named);
        all.addAll(List.of(more));
        return all;
    }

    /**
     * Whether the customer at {@code number} picks up this call. The random is drawn only when
     * the share leaves it open, so settings that fix the outcome leave the seats' draws as they were.
     */
    boolean picksUp(String number, Random random) {
        if (neverAnswering.contains(number)) {
            return false;
        }
        if (alwaysAnswering.contains(number) || answers >= 1) {
            return true;
        }
        return answers > 0 && random.nextDouble() < answers;
    }
}
