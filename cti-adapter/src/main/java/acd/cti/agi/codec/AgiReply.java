package acd.cti.agi.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Asterisk's answer to one command: {@code 200 result=N [(data)] [endpos=N]}, {@code 510} for an
 * unknown command, {@code 511} on a dead channel, a {@code 520-} block with the command's usage
 * for bad syntax, or the provisional {@code 100 Trying}.
 */
public final class AgiReply implements AgiMessage {

    public static final int TRYING = 100;
    public static final int SUCCESS = 200;
    public static final int INVALID_COMMAND = 510;
    public static final int DEAD_CHANNEL = 511;
    public static final int INVALID_SYNTAX = 520;

    private static final Pattern STATUS_LINE = Pattern.compile("\\d{3}([ -].*)?");
    private static final Pattern ATTRIBUTES = Pattern.compile("( +[A-Za-z0-9_]+=\\S*)+ *");

    private final List<String> lines;
    private final int status;
    private final String text;
    private final String result;
    private final String data;
    private final Map<String, String> attributes;

    private AgiReply(List<String> lines) {
        this.lines = List.copyOf(lines);
        String first = this.lines.get(0);
        this.status = Integer.parseInt(first.substring(0, 3));
        this.text = first.length() > 4 ? first.substring(4) : "";

        String parsedResult = null;
        String parsedData = null;
        Map<String, String> parsedAttributes = new LinkedHashMap<>();
        if (text.startsWith("result=")) {
            int space = text.indexOf(' ');
            parsedResult = text.substring("result=".length(), space < 0 ? text.length() : space);
            String rest = space < 0 ? "" : text.substring(space).stripLeading();
            if (rest.startsWith("(")) {
                int close = closingParenthesis(rest);
                if (close > 0) {
                    parsedData = rest.substring(1, close);
                    rest = rest.substring(close + 1);
                }
            }
            for (String token : rest.trim().split(" +")) {
                int equals = token.indexOf('=');
                if (equals > 0) {
                    parsedAttributes.put(token.substring(0, equals), token.substring(equals + 1));
                }
            }
        }
        this.result = parsedResult;
        this.data = parsedData;
        this.attributes = Collections.unmodifiableMap(parsedAttributes);
    }

    /**
     * @param line one reply line without its line end, e.g. {@code 200 result=0 endpos=11360}
     * @throws IllegalArgumentException if the line does not start with a three-digit status
     */
    public static AgiReply parse(String line) {
        return parse(List.of(line));
    }

    /**
     * @param lines a reply as it came: one line, or a whole {@code 520-} block including its
     *              closing {@code 520 End of proper usage.}
     * @throws IllegalArgumentException if the first line does not start with a three-digit status
     */
    public static AgiReply parse(List<String> lines) {
        if (lines.isEmpty() || !isStatusLine(lines.get(0))) {
            throw new IllegalArgumentException("not an AGI reply: " + (lines.isEmpty() ? "(nothing)" : lines.get(0)));
        }
        return new AgiReply(lines);
    }

    /** Whether a line starts like a reply: three digits, then a space, a dash or the end. */
    public static boolean isStatusLine(String line) {
        return STATUS_LINE.matcher(line).matches();
    }

    public int status() {
        return status;
    }

    public boolean isSuccess() {
        return status == SUCCESS;
    }

    /** The first line after its status code, e.g. {@code Invalid or unknown command} for a 510. */
    public String text() {
        return text;
    }

    /** The value after {@code result=}; empty when Asterisk sent {@code result=} bare or no result at all. */
    public String result() {
        return result == null ? "" : result;
    }

    /** Whether the reply carries {@code result=} at all. */
    public boolean hasResult() {
        return result != null;
    }

    /** The result as a number where it is one: {@code 200 result= (timeout)} has none. */
    public OptionalInt resultAsInt() {
        if (result == null || result.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(result));
        } catch (NumberFormatException notNumeric) {
            return OptionalInt.empty();
        }
    }

    /**
     * The key a caller pressed, for commands whose result is its character code
     * ({@code WAIT FOR DIGIT}, {@code STREAM FILE} interrupted by an escape digit).
     */
    public Optional<Character> digit() {
        OptionalInt code = resultAsInt();
        return code.isPresent() && code.getAsInt() > 0 && code.getAsInt() < 128
                ? Optional.of((char) code.getAsInt()) : Optional.empty();
    }

    /** What Asterisk put in parentheses, e.g. a variable's value or {@code timeout}. */
    public Optional<String> data() {
        return Optional.ofNullable(data);
    }

    /** Whether the command ended on its timeout: {@code (timeout)} after the result. */
    public boolean timedOut() {
        return "timeout".equals(data);
    }

    /** The {@code name=value} pairs after the result and data, e.g. {@code endpos}. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** Where playback stopped, in samples, for commands that report it. */
    public OptionalLong endpos() {
        String value = attributes.get("endpos");
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException notNumeric) {
            return OptionalLong.empty();
        }
    }

    /**
     * For a {@code 520-} block, the usage text between its first and its closing line, lines
     * joined with {@code \n}; empty for every other reply.
     */
    public String usage() {
        return lines.size() <= 2 ? "" : String.join("\n", lines.subList(1, lines.size() - 1));
    }

    /** The reply as it came, one entry per line. */
    public List<String> lines() {
        return lines;
    }

    private static int closingParenthesis(String rest) {
        // Data may itself hold parentheses ("AGI Caller" <5550100>, Local/100@x;2): take the last
        // ')' that is followed only by name=value pairs.
        for (int i = rest.lastIndexOf(')'); i > 0; i = rest.lastIndexOf(')', i - 1)) {
            String after = rest.substring(i + 1);
            if (after.isBlank() || ATTRIBUTES.matcher(after).matches()) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgiReply that && lines.equals(that.lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    @Override
    public String toString() {
        return lines.size() == 1 ? lines.get(0) : lines.get(0) + " (+" + (lines.size() - 1) + " lines)";
    }
}
