package acd.ivr.qa;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The day's quality sample: of each agent's answered calls, {@code samplePercent} percent
 * (rounded up, so every agent who answered is reviewed) drawn at random. Each call gets a key
 * from the seed, the day and the call alone, and each agent's calls with the smallest keys are
 * drawn: the same seed, day and calls give the same sample whatever order the calls come in, an
 * agent cannot steer which calls are drawn, and anyone holding the seed can check a draw.
 */
public final class QaDraw {
    private QaDraw() {
    }

    /** The calls drawn from {@code answered} (one day's), by agent, then by time answered. */
    public static List<AnsweredCall> draw(List<AnsweredCall> answered, LocalDate day, QaRules rules) {
        Map<String, List<AnsweredCall>> byAgent = new TreeMap<>();
        for (AnsweredCall call : answered) {
            byAgent.computeIfAbsent(call.agent(), a -> new ArrayList<>()).add(call);
        }
        long daySeed = mix(rules.seed() ^ mix(day.toEpochDay()));
        List<AnsweredCall> drawn = new ArrayList<>();
        for (List<AnsweredCall> calls : byAgent.values()) {
            int take = (calls.size() * rules.samplePercent() + 99) / 100;
            calls.sort(Comparator.comparingLong((AnsweredCall c) -> key(daySeed, c))
                    .thenComparing(AnsweredCall::callId).thenComparingLong(AnsweredCall::connectedMs));
            List<AnsweredCall> picked = new ArrayList<>(calls.subList(0, take));
            picked.sort(Comparator.comparingLong(AnsweredCall::connectedMs).thenComparing(AnsweredCall::callId));
            drawn.addAll(picked);
        }
        return drawn;
    }

    private static long key(long daySeed, AnsweredCall call) {
        long h = daySeed;
        for (byte b : (call.callId() + '\n' + call.agent() + '\n' + call.connectedMs()).getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xff));
        }
        return h;
    }

    /** SplitMix64's finaliser: every input bit moves every output bit. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
