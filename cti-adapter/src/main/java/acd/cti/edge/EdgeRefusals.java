package acd.cti.edge;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Every refusal at the server's edges, counted by edge ({@code http}, {@code desk}, {@code agi})
 * and reason, for {@code /metrics}. Any thread may count; counting never blocks.
 */
public final class EdgeRefusals {
    public static final String HTTP = "http";
    public static final String DESK = "desk";
    public static final String AGI = "agi";

    /** One counter: where and why. */
    public record Key(String edge, String reason) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byEdge = edge.compareTo(other.edge);
            return byEdge != 0 ? byEdge : reason.compareTo(other.reason);
        }
    }

    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();

    public void refused(String edge, String reason) {
        counts.computeIfAbsent(new Key(edge, reason), k -> new LongAdder()).increment();
    }

    public long count(String edge, String reason) {
        LongAdder n = counts.get(new Key(edge, reason));
        return n == null ? 0 : n.sum();
    }

    /** Every counter so far, in a steady order. */
    public void forEach(BiConsumer<Key, Long> action) {
        Map<Key, Long> sorted = new TreeMap<>();
        counts.forEach((key, n) -> sorted.put(key, n.sum()));
        sorted.forEach(action);
    }
}
