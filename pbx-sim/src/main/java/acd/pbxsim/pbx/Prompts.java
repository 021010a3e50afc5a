package acd.pbxsim.pbx;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The sound files the simulated PBX has, with their lengths. Every prompt exists with a default
 * length unless named missing, so the IVR's own prompts play without being listed; a missing
 * one answers STREAM FILE with {@code result=-1 endpos=0} as Asterisk does.
 */
public final class Prompts {

    /** Samples per millisecond in the 8 kHz files endpos counts. */
    private static final int SAMPLES_PER_MS = 8;

    private final long defaultLengthMs;
    private final Map<String, Long> lengthsMs;
    private final Set<String> missing;

    private Prompts(long defaultLengthMs, Map<String, Long> lengthsMs, Set<String> missing) {
        this.defaultLengthMs = defaultLengthMs;
        this.lengthsMs = Map.copyOf(lengthsMs);
        this.missing = Set.copyOf(missing);
    }

    /** Lengths of the prompts in the transcripts (hello-world is endpos 11360 there). */
    public static Prompts defaults() {
        return new Prompts(1500,
                Map.of("hello-world", 1420L, "beep", 440L, "vm-goodbye", 1000L, "silence/1", 1000L),
                Set.of("no-such-prompt"));
    }

    public Prompts withLength(String prompt, long lengthMs) {
        Map<String, Long> m = new HashMap<>(lengthsMs);
        m.put(prompt, lengthMs);
        return new Prompts(defaultLengthMs, m, missing);
    }

    public Prompts withMissing(String prompt) {
        Set<String> s = new HashSet<>(missing);
        s.add(prompt);
        return new Prompts(defaultLengthMs, lengthsMs, s);
    }

    public Prompts withDefaultLength(long lengthMs) {
        return new Prompts(lengthMs, lengthsMs, missing);
    }

    public boolean exists(String prompt) {
        return !missing.contains(prompt);
    }

    public long lengthMs(String prompt) {
        if (!exists(prompt)) {
            return 0;
        }
        return lengthsMs.getOrDefault(prompt, defaultLengthMs);
    }

    /** The sample offset a file ends at, as STREAM FILE reports it. */
    public long endpos(String prompt) {
        return lengthMs(prompt) * SAMPLES_PER_MS;
    }

    public static long endposAt(long playedMs) {
        return playedMs * SAMPLES_PER_MS;
    }

    /** A list of files separated by '&', as Playback takes them. */
    public long totalLengthMs(String files) {
        long total = 0;
        for (String f : files.split("&")) {
            total += lengthMs(f.strip());
        }
        return total;
    }
}
