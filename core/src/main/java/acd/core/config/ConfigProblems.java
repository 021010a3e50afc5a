package acd.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Problems collected while reading a configuration, so that one load reports all of them.
 * {@link #throwIfAny()} orders them as a reader meets them: by file (in the order the files
 * were given), then line, then column.
 */
public final class ConfigProblems {
    private final List<String> sourceOrder;
    private final List<ConfigError.Problem> problems = new ArrayList<>();

    public ConfigProblems() {
        this(List.of());
    }

    /** @param sourceOrder source names in the order their problems should be listed */
    public ConfigProblems(List<String> sourceOrder) {
        this.sourceOrder = List.copyOf(sourceOrder);
    }

    public void add(ConfigNode at, String reason) {
        problems.add(new ConfigError.Problem(at.source(), at.line(), at.column(), reason));
    }

    public void add(String source, int line, int column, String reason) {
        problems.add(new ConfigError.Problem(source, line, column, reason));
    }

    public void addAll(ConfigError error) {
        problems.addAll(error.problems());
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public int size() {
        return problems.size();
    }

    /** The problems so far, in the order they were found. */
    public List<ConfigError.Problem> list() {
        return List.copyOf(problems);
    }

    public void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        Map<String, Integer> rank = new HashMap<>();
        for (String source : sourceOrder) {
            rank.putIfAbsent(source, rank.size());
        }
        for (ConfigError.Problem p : problems) {
            rank.putIfAbsent(p.source(), rank.size());
        }
        List<ConfigError.Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt((ConfigError.Problem p) -> rank.get(p.source()))
                .thenComparingInt(ConfigError.Problem::line)
                .thenComparingInt(ConfigError.Problem::column));
        throw new ConfigError(sorted);
    }
}
