package acd.server.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for tests: the Java client
 * writes the format but has no parser. Any line a Prometheus server would refuse, a family
 * split in two, a sample outside its declared family or a series written twice fails with
 * the line number.
 */
public final class PrometheusText {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public record Family(String name, String type, String help, List<Sample> samples) {
    }

    private final Map<String, Family> families;

    private PrometheusText(Map<String, Family> families) {
        this.families = families;
    }

    public Map<String, Family> families() {
        return families;
    }

    /** The value of one series, or null when it is not exposed. */
    public Double value(String name, String... labelPairs) {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            labels.put(labelPairs[i], labelPairs[i + 1]);
        }
        for (Family f : families.values()) {
            for (Sample s : f.samples()) {
                if (s.name().equals(name) && new TreeMap<>(s.labels()).equals(labels)) {
                    return s.value();
                }
            }
        }
        return null;
    }

    /** The sum over every series of {@code name} whose labels include the given pairs. */
    public double sum(String name, String... labelPairs) {
        double sum = 0;
        boolean any = false;
        for (Family f : families.values()) {
            for (Sample s : f.samples()) {
                if (!s.name().equals(name)) {
                    continue;
                }
                boolean match = true;
                for (int i = 0; i < labelPairs.length; i += 2) {
                    match &= labelPairs[i + 1].equals(s.labels().get(labelPairs[i]));
                }
                if (match) {
                    sum += s.value();
                    any = true;
                }
            }
        }
        if (!any) {
            throw new AssertionError("no series " + name + " with " + String.join(",", labelPairs));
        }
        return sum;
    }

    public static PrometheusText parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the exposition must end with a newline");
        }
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, String> help = new LinkedHashMap<>();
        Set<String> closed = new HashSet<>();
        Set<String> series = new HashSet<>();
        Family current = null;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length - 1; n++) {
            String line = lines[n];
            String where = "line " + (n + 1) + " '" + line + "': ";
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && parts[1].equals("HELP")) {
                    check(METRIC_NAME.matcher(parts[2]).matches(), where + "bad metric name");
                    check(help.put(parts[2], parts.length > 3 ? parts[3] : "") == null, where + "second HELP");
                } else if (parts.length >= 3 && parts[1].equals("TYPE")) {
                    check(parts.length == 4 && TYPES.contains(parts[3]), where + "bad TYPE");
                    check(METRIC_NAME.matcher(parts[2]).matches(), where + "bad metric name");
                    check(!families.containsKey(parts[2]), where + "second TYPE for the family");
                    if (current != null) {
                        closed.add(current.name());
                    }
                    current = new Family(parts[2], parts[3], help.getOrDefault(parts[2], ""), new ArrayList<>());
                    families.put(parts[2], current);
                }
                continue;
            }
            Sample sample = sample(line, where);
            check(current != null && belongs(sample.name(), current), where + "sample outside its family "
                    + (current == null ? "(no TYPE yet)" : current.name()));
            check(!closed.contains(current.name()), where + "family written in two places");
            check(series.add(sample.name() + new TreeMap<>(sample.labels())), where + "series written twice");
            if (current.type().equals("counter")) {
                check(sample.value() >= 0, where + "negative or NaN counter");
            }
            if (current.type().equals("summary") && sample.name().equals(current.name())) {
                double q = Double.parseDouble(Objects.requireNonNull(sample.labels().get("quantile"),
                        where + "summary sample without quantile"));
                check(q >= 0 && q <= 1, where + "quantile out of 0..1");
            }
            current.samples().add(sample);
        }
        return new PrometheusText(families);
    }

    private static boolean belongs(String sampleName, Family family) {
        String base = family.name();
        if (family.type().equals("counter") && base.endsWith("_total")) {
            base = base.substring(0, base.length() - "_total".length());
        }
        List<String> names = switch (family.type()) {
            case "counter" -> List.of(base + "_total", base + "_created");
            case "summary" -> List.of(base, base + "_sum", base + "_count", base + "_created");
            case "histogram" -> List.of(base + "_bucket", base + "_sum", base + "_count", base + "_created");
            default -> List.of(base);
        };
        return names.contains(sampleName);
    }

    private static Sample sample(String line, String where) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        check(METRIC_NAME.matcher(name).matches(), where + "bad metric name");
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                check(eq > i, where + "label without '='");
                String label = line.substring(i, eq);
                check(LABEL_NAME.matcher(label).matches(), where + "bad label name '" + label + "'");
                check(line.charAt(eq + 1) == '"', where + "label value not quoted");
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char e = line.charAt(++j);
                        check(e == '\\' || e == '"' || e == 'n', where + "bad escape \\" + e);
                        value.append(e == 'n' ? '\n' : e);
                    } else {
                        value.append(c);
                    }
                }
                check(labels.put(label, value.toString()) == null, where + "label twice");
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                } else {
                    check(line.charAt(i) == '}', where + "expected ',' or '}'");
                }
            }
            i++;
        }
        check(i < line.length() && line.charAt(i) == ' ', where + "no space before the value");
        String[] rest = line.substring(i + 1).split(" ");
        check(rest.length == 1 || rest.length == 2, where + "expected a value and at most a timestamp");
        double value = switch (rest[0]) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(rest[0]);
                } catch (NumberFormatException e) {
                    throw new AssertionError(where + "bad value");
                }
            }
        };
        if (rest.length == 2) {
            Long.parseLong(rest[1]);
        }
        return new Sample(name, labels, value);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
