package acd.core.config;

import acd.core.config.ConfigNode.ListNode;
import acd.core.config.ConfigNode.MapNode;
import acd.core.config.ConfigNode.ScalarNode;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Typed reading of one YAML map (a queue, a tier, a whole file's sections), reporting every
 * problem into a {@link ConfigProblems} instead of stopping at the first. A getter whose value
 * is wrong reports it and returns the default (or null for required values), so reading goes on
 * and finds the next problem; the caller builds nothing once any problem is reported.
 *
 * <p>A key written with no value ({@code label:}) counts as absent.
 */
public final class ConfigFields {
    private final ConfigNode node;
    private final MapNode map;
    private final String what;
    private final ConfigProblems problems;

    private ConfigFields(ConfigNode node, MapNode map, String what, ConfigProblems problems) {
        this.node = node;
        this.map = map;
        this.what = what;
        this.problems = problems;
    }

    /**
     * Starts reading {@code node}, reporting it when it is not a map.
     *
     * @param what how errors name the thing, e.g. {@code queue 'billing'}; empty for a file's top level
     */
    public static ConfigFields of(ConfigNode node, String what, ConfigProblems problems) {
        if (node instanceof MapNode m) {
            return new ConfigFields(node, m, what, problems);
        }
        problems.add(node, (what.isEmpty() ? "expected" : what + " must be") + " a map of settings (key: value), found "
                + node.describe());
        return new ConfigFields(node, null, what, problems);
    }

    /** The same map, named differently in later errors (e.g. once its id is known). */
    public ConfigFields describedAs(String newWhat) {
        return new ConfigFields(node, map, newWhat, problems);
    }

    public String what() {
        return what;
    }

    public ConfigNode node() {
        return node;
    }

    /** False when the node was not a map (already reported); then every key reads as absent. */
    public boolean isMap() {
        return map != null;
    }

    public ConfigProblems problems() {
        return problems;
    }

    /** Reports every key not in {@code allowed}, at the key. */
    public void allowOnly(Collection<String> allowed) {
        if (map == null) {
            return;
        }
        for (String key : map.keys()) {
            if (!allowed.contains(key)) {
                problems.add(map.keyNode(key), prefix() + "unknown key '" + key + "'; expected one of "
                        + String.join(", ", allowed) + Names.suggestion(key, allowed));
            }
        }
    }

    /** The value under {@code key}, or null when absent or written with no value. */
    public ConfigNode value(String key) {
        if (map == null) {
            return null;
        }
        ConfigNode v = map.get(key);
        if (v instanceof ScalarNode s && s.isNull()) {
            return null;
        }
        return v;
    }

    public boolean has(String key) {
        return value(key) != null;
    }

    /** Where the key is written, falling back to the map itself. */
    public ConfigNode keyNode(String key) {
        ScalarNode k = map == null ? null : map.keyNode(key);
        return k != null ? k : node;
    }

    /** Reports a missing required key, at the map. */
    public void reportMissing(String key) {
        if (map != null) {
            problems.add(node, prefix() + "missing " + key);
        }
    }

    public void report(ConfigNode at, String reason) {
        problems.add(at, prefix() + reason);
    }

    /** A required id-like value (text or a whole number, which is taken as written); null if missing or wrong. */
    public String name(String key) {
        ConfigNode v = value(key);
        if (v == null) {
            reportMissing(key);
            return null;
        }
        return nameOf(v, key);
    }

    /** An optional id-like value; null if absent or wrong. */
    public String optionalName(String key) {
        ConfigNode v = value(key);
        return v == null ? null : nameOf(v, key);
    }

    /**
     * An id-like value at {@code v}: text, or a whole number taken as written (so
     * {@code id: 1001} is {@code "1001"}); null, reported, otherwise.
     *
     * @param label how the value is named in an error, e.g. {@code id} or {@code requiredSkills entries}
     */
    public String nameOf(ConfigNode v, String label) {
        if (v instanceof ScalarNode s) {
            if (s.kind() == ScalarNode.Kind.STRING || s.kind() == ScalarNode.Kind.INTEGER) {
                String text = s.text().strip();
                if (text.isEmpty()) {
                    report(v, label + " must not be empty");
                    return null;
                }
                return text;
            }
            if (s.kind() == ScalarNode.Kind.BOOLEAN || s.kind() == ScalarNode.Kind.DECIMAL) {
                report(v, label + " must be a name, found " + v.describe() + "; quote it (\"" + s.text()
                        + "\") to use it as a name");
                return null;
            }
        }
        report(v, label + " must be a name, found " + v.describe());
        return null;
    }

    /** Free text such as a label, or {@code fallback} when absent; numbers are taken as written. */
    public String text(String key, String fallback) {
        ConfigNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof ScalarNode s && s.kind() != ScalarNode.Kind.BOOLEAN) {
            return s.text();
        }
        if (v instanceof ScalarNode s) {
            report(v, key + " must be text, found " + v.describe() + "; quote it (\"" + s.text() + "\") to use it as text");
        } else {
            report(v, key + " must be text, found " + v.describe());
        }
        return fallback;
    }

    /** A whole number in {@code min..max}, or {@code fallback} when absent or wrong. */
    public int integer(String key, int fallback, int min, int max) {
        ConfigNode v = value(key);
        if (v == null) {
            return fallback;
        }
        Integer i = integerOf(v, key, min, max);
        return i == null ? fallback : i;
    }

    /** A required whole number in {@code min..max}; null when missing or wrong. */
    public Integer requiredInteger(String key, int min, int max) {
        ConfigNode v = value(key);
        if (v == null) {
            reportMissing(key);
            return null;
        }
        return integerOf(v, key, min, max);
    }

    /** The whole number at {@code v} in {@code min..max}; null, reported, otherwise. */
    public Integer integerOf(ConfigNode v, String label, int min, int max) {
        if (!(v instanceof ScalarNode s) || s.kind() != ScalarNode.Kind.INTEGER) {
            report(v, label + " must be a whole number, found " + v.describe());
            return null;
        }
        BigInteger n = s.number() instanceof BigInteger b ? b : BigInteger.valueOf(s.number().longValue());
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            report(v, label + " must be " + range(min, max) + ", found " + s.text());
            return null;
        }
        return n.intValue();
    }

    /**
     * A number (whole or decimal) at least {@code min} (greater than it when {@code exclusive}),
     * or {@code fallback} when absent or wrong.
     */
    public double decimal(String key, double fallback, double min, boolean exclusive) {
        ConfigNode v = value(key);
        if (v == null) {
            return fallback;
        }
        Double d = decimalOf(v, key, min, exclusive);
        return d == null ? fallback : d;
    }

    /** As {@link #decimal}, required; null when missing or wrong. */
    public Double requiredDecimal(String key, double min, boolean exclusive) {
        ConfigNode v = value(key);
        if (v == null) {
            reportMissing(key);
            return null;
        }
        return decimalOf(v, key, min, exclusive);
    }

    private Double decimalOf(ConfigNode v, String label, double min, boolean exclusive) {
        if (!(v instanceof ScalarNode s)
                || (s.kind() != ScalarNode.Kind.INTEGER && s.kind() != ScalarNode.Kind.DECIMAL)) {
            report(v, label + " must be a number, found " + v.describe());
            return null;
        }
        double d = s.number().doubleValue();
        if (!Double.isFinite(d)) {
            report(v, label + " must be a finite number, found " + s.text());
            return null;
        }
        if (exclusive ? d <= min : d < min) {
            report(v, label + " must be " + (exclusive ? "greater than " : "at least ") + plain(min) + ", found " + s.text());
            return null;
        }
        return d;
    }

    /**
     * One of an enum's constants, written in any case with {@code -} or {@code _} between words
     * ({@code longest-idle}, {@code LONGEST_IDLE}); {@code fallback} when absent or wrong.
     */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        ConfigNode v = value(key);
        if (v == null) {
            return fallback;
        }
        E e = choiceOf(v, key, type);
        return e == null ? fallback : e;
    }

    /** As {@link #choice}, required; null when missing or wrong. */
    public <E extends Enum<E>> E requiredChoice(String key, Class<E> type) {
        ConfigNode v = value(key);
        if (v == null) {
            reportMissing(key);
            return null;
        }
        return choiceOf(v, key, type);
    }

    private <E extends Enum<E>> E choiceOf(ConfigNode v, String label, Class<E> type) {
        List<String> written = Names.choices(type);
        if (v instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING) {
            String normal = s.text().strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(normal)) {
                    return e;
                }
            }
            report(v, "unknown " + label + " '" + s.text() + "'; expected one of " + String.join(", ", written)
                    + Names.suggestion(s.text(), written));
            return null;
        }
        report(v, label + " must be one of " + String.join(", ", written) + ", found " + v.describe());
        return null;
    }

    /** The list under {@code key}, or null when absent or not a list (reported). */
    public ListNode list(String key) {
        ConfigNode v = value(key);
        if (v == null) {
            return null;
        }
        if (v instanceof ListNode l) {
            return l;
        }
        report(v, key + " must be a list, found " + v.describe());
        return null;
    }

    /** The map under {@code key}, or null when absent or not a map (reported). */
    public MapNode map(String key) {
        ConfigNode v = value(key);
        if (v == null) {
            return null;
        }
        if (v instanceof MapNode m) {
            return m;
        }
        report(v, key + " must be a map (key: value), found " + v.describe());
        return null;
    }

    /** The map under {@code key} to read in turn, or null when absent or not a map (reported). */
    public ConfigFields fields(String key, String nestedWhat) {
        MapNode m = map(key);
        return m == null ? null : new ConfigFields(m, m, nestedWhat, problems);
    }

    private String prefix() {
        return what.isEmpty() ? "" : what + ": ";
    }

    private static String range(int min, int max) {
        if (max == Integer.MAX_VALUE) {
            return min == 1 ? "greater than 0" : "at least " + min;
        }
        return "between " + min + " and " + max;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
