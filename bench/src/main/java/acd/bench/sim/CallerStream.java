package acd.bench.sim;

import java.util.List;
import java.util.Objects;

/**
 * One kind of caller: who they are when the IVR hands them over (queue, tier, brand, own
 * account manager, extra skills) and how they behave (talk time, patience). A scenario mixes
 * several; each arrival is one of them, drawn in proportion to {@code share}.
 *
 * @param queue           the queue the IVR puts them in
 * @param tier            their customer tier, or null for the configuration's default tier
 * @param brand           their brand, or null
 * @param accountManager  the agent id of their own account manager, or null
 * @param extraSkills     skills needed beyond the queue's (e.g. a language), may be empty
 * @param share           relative weight among the streams, &gt; 0
 * @param ahtSeconds      mean talk time; the seat's wrap-up comes on top, from the agent's config
 * @param patienceSeconds mean time a caller waits for a person before hanging up (exponential);
 *                        0 = never hangs up
 */
public record CallerStream(String queue, String tier, String brand, String accountManager, List<String> extraSkills,
                           double share, double ahtSeconds, double patienceSeconds) {
    public CallerStream {
        Objects.requireNonNull(queue, "queue");
        extraSkills = List.copyOf(extraSkills);
        if (!(share > 0) || !Double.isFinite(share)) {
            throw new IllegalArgumentException("stream share must be above 0, found " + share);
        }
        if (!(ahtSeconds > 0) || !Double.isFinite(ahtSeconds)) {
            throw new IllegalArgumentException("stream AHT must be above 0 seconds, found " + ahtSeconds);
        }
        if (!(patienceSeconds >= 0) || !Double.isFinite(patienceSeconds)) {
            throw new IllegalArgumentException("stream patience must be 0 or more seconds, found " + patienceSeconds);
        }
    }

    /** Callers of one queue and tier, nothing else special. */
    public static CallerStream of(String queue, String tier, double share, double ahtSeconds, double patienceSeconds) {
        return new CallerStream(queue, tier, null, null, List.of(), share, ahtSeconds, patienceSeconds);
    }

    public CallerStream withAhtSeconds(double seconds) {
        return new CallerStream(queue, tier, brand, accountManager, extraSkills, share, seconds, patienceSeconds);
    }

    public CallerStream withPatienceSeconds(double seconds) {
        return new CallerStream(queue, tier, brand, accountManager, extraSkills, share, ahtSeconds, seconds);
    }

    public CallerStream withShare(double newShare) {
        return new CallerStream(queue, tier, brand, accountManager, extraSkills, newShare, ahtSeconds, patienceSeconds);
    }
}
