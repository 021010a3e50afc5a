package acd.cti.agi.codec;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One command line to Asterisk: a verb of one or more words ({@code STREAM FILE}) and its
 * arguments. Asterisk splits a command line on spaces and tabs, groups by double quotes and
 * takes a backslash as escaping the next character, so an argument is quoted when it is empty
 * or holds one of those; a line end inside an argument would end the command early and is refused.
 */
public final class AgiCommand {

    private static final Pattern VERB = Pattern.compile("[A-Za-z0-9]+( [A-Za-z0-9]+)*");

    private final String verb;
    private final List<String> arguments;
    private final String line;

    private AgiCommand(String verb, List<String> arguments) {
        if (!VERB.matcher(verb).matches()) {
            throw new IllegalArgumentException("not an AGI command verb: '" + printable(verb) + "'");
        }
        StringBuilder rendered = new StringBuilder(verb);
        for (String argument : arguments) {
            Objects.requireNonNull(argument, () -> "argument of " + verb);
            rendered.append(' ');
            appendArgument(rendered, verb, argument);
        }
        this.verb = verb;
        this.arguments = arguments;
        this.line = rendered.toString();
    }

    /**
     * @param verb      the command's words, e.g. {@code SET VARIABLE}
     * @param arguments each becomes one argument, quoted where needed
     * @throws IllegalArgumentException for a malformed verb or a CR, LF or NUL inside an argument
     */
    public static AgiCommand of(String verb, String... arguments) {
        return new AgiCommand(Objects.requireNonNull(verb, "verb"), List.of(arguments));
    }

    public static AgiCommand of(String verb, List<String> arguments) {
        return new AgiCommand(Objects.requireNonNull(verb, "verb"), List.copyOf(arguments));
    }

    public static AgiCommand answer() {
        return of("ANSWER");
    }

    public static AgiCommand hangup() {
        return of("HANGUP");
    }

    public static AgiCommand noop() {
        return of("NOOP");
    }

    /** @param escapeDigits keys that stop the playback, e.g. {@code "#"}; empty for none */
    public static AgiCommand streamFile(String file, String escapeDigits) {
        return of("STREAM FILE", file, escapeDigits);
    }

    public static AgiCommand getData(String prompt, long timeoutMs, int maxDigits) {
        return of("GET DATA", prompt, Long.toString(timeoutMs), Integer.toString(maxDigits));
    }

    /** @param timeoutMs {@code -1} waits for ever */
    public static AgiCommand waitForDigit(long timeoutMs) {
        return of("WAIT FOR DIGIT", Long.toString(timeoutMs));
    }

    public static AgiCommand sayNumber(long number, String escapeDigits) {
        return of("SAY NUMBER", Long.toString(number), escapeDigits);
    }

    public static AgiCommand sayDigits(String digits, String escapeDigits) {
        return of("SAY DIGITS", digits, escapeDigits);
    }

    public static AgiCommand setVariable(String name, String value) {
        return of("SET VARIABLE", name, value);
    }

    public static AgiCommand getVariable(String name) {
        return of("GET VARIABLE", name);
    }

    /** @param expression dialplan expression, e.g. {@code ${CALLERID(num)}} */
    public static AgiCommand getFullVariable(String expression) {
        return of("GET FULL VARIABLE", expression);
    }

    /**
     * Asterisk hands an application everything after its name as one string, so the arguments
     * are joined with the dialplan's comma.
     */
    public static AgiCommand exec(String application, String... arguments) {
        return arguments.length == 0
                ? of("EXEC", application)
                : of("EXEC", application, String.join(",", arguments));
    }

    public static AgiCommand verbose(String message, int level) {
        return of("VERBOSE", message, Integer.toString(level));
    }

    public static AgiCommand channelStatus() {
        return of("CHANNEL STATUS");
    }

    public String verb() {
        return verb;
    }

    public List<String> arguments() {
        return arguments;
    }

    /** The command as sent, without its line end. */
    public String line() {
        return line;
    }

    private static void appendArgument(StringBuilder out, String verb, String argument) {
        boolean needsQuotes = argument.isEmpty();
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw new IllegalArgumentException(
                        "line end or NUL inside an argument of " + verb + ": '" + printable(argument) + "'");
            }
            needsQuotes |= c == ' ' || c == '\t' || c == '"' || c == '\\';
        }
        if (!needsQuotes) {
            out.append(argument);
            return;
        }
        out.append('"');
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static String printable(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgiCommand that && line.equals(that.line);
    }

    @Override
    public int hashCode() {
        return line.hashCode();
    }

    @Override
    public String toString() {
        return line;
    }
}
