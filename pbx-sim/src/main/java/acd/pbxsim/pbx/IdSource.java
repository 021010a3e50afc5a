package acd.pbxsim.pbx;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Every identifier the PBX hands out: Uniqueids ({@code 1795443115.12}: the clock's seconds and
 * a sequence over all channels, as Asterisk makes them), channel name suffixes per technology,
 * bridge ids, AGI thread and command ids. Seeded, so a run with the same seed and clock names
 * things the same way.
 */
public final class IdSource {

    private final SimTime time;
    private final Random random;
    private final Map<String, Integer> channelCounters = new HashMap<>();
    private long uniqueSequence;

    public IdSource(SimTime time, long seed) {
        this.time = time;
        this.random = new Random(seed ^ 0x5DEECE66DL);
    }

    public String uniqueid() {
        return time.epochSeconds() + "." + uniqueSequence++;
    }

    /** The -0000000a part of PJSIP/1001-0000000a; each technology counts on its own. */
    public String channelSuffix(String tech) {
        int n = channelCounters.merge(tech, 1, Integer::sum) - 1;
        return String.format("%08x", n);
    }

    public String bridgeId() {
        return String.format("%08x-%04x-%04x-%04x-%012x",
                random.nextInt(), random.nextInt(0x10000), 0x4000 | random.nextInt(0x1000),
                0x8000 | random.nextInt(0x4000), random.nextLong() & 0xFFFFFFFFFFFFL);
    }

    public long threadId() {
        return 140_000_000_000_000L + (random.nextLong() & 0xFFFFFFFFFFL);
    }

    public int commandId() {
        return random.nextInt(Integer.MAX_VALUE);
    }

    public String challenge() {
        return Long.toString(random.nextInt(Integer.MAX_VALUE));
    }

    public Random random() {
        return random;
    }
}
