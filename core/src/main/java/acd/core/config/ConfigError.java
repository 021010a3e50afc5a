package acd.core.config;

import java.util.List;

/**
 * A configuration that cannot be used, with where and why. One error carries every problem
 * found in a load, so a user fixes a file in one go; the first problem is the headline and its
 * position is what {@link #source()}, {@link #line()} and {@link #column()} report.
 */
public final class ConfigError extends RuntimeException {

    /**
     * One problem at one place.
     *
     * @param source the name the text was loaded under (usually its path, e.g. {@code config/routing.yaml})
     * @param line   1-based line
     * @param column 1-based column
     * @param reason what is wrong, for a person
     */
    public record Problem(String source, int line, int column, String reason) {
        @Override
        public String toString() {
            return source + ":" + line + ":" + column + ": " + reason;
        }
    }

    private final List<Problem> problems;

    public ConfigError(String source, int line, int column, String reason) {
        this(List.of(new Problem(source, line, column, reason)));
    }

    /** @param problems at least one; the first becomes the headline */
    public ConfigError(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return problems.get(0).source();
    }

    public int line() {
        return problems.get(0).line();
    }

    public int column() {
        return problems.get(0).column();
    }

    public String reason() {
        return problems.get(0).reason();
    }

    /** Every problem found, the headline first. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a config error needs at least one problem");
        }
        StringBuilder sb = new StringBuilder(problems.get(0).toString());
        int more = problems.size() - 1;
        if (more > 0) {
            sb.append(" (and ").append(more).append(" more:");
            for (Problem p : problems.subList(1, problems.size())) {
                sb.append("\n  ").append(p);
            }
            sb.append("\n)");
        }
        return sb.toString();
    }
}
