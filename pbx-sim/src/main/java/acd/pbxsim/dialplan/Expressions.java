package acd.pbxsim.dialplan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The part of Asterisk's variable substitution the ACD dialplan uses: {@code ${NAME}},
 * {@code ${NAME:offset[:length]}}, {@code ${FUNC(arg)}}, and {@code $[...]} with = and !=.
 */
public final class Expressions {

    private Expressions() {
    }

    /** Replaces every ${...} and $[...] in {@code text}; unknown variables become "". */
    public static String substitute(String text, Function<String, String> variables) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '[')) {
                char open = text.charAt(i + 1);
                char close = open == '{' ? '}' : ']';
                int end = matching(text, i + 1, open, close);
                if (end < 0) {
                    out.append(text, i, text.length());
                    break;
                }
                String inner = substitute(text.substring(i + 2, end), variables);
                out.append(open == '{' ? variable(inner, variables) : evaluate(inner));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int matching(String text, int openAt, char open, char close) {
        int depth = 0;
        for (int k = openAt; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static String variable(String expr, Function<String, String> variables) {
        String name = expr;
        int offset = 0;
        Integer length = null;
        int colon = colonOutsideParentheses(expr);
        if (colon > 0) {
            name = expr.substring(0, colon);
            String[] parts = expr.substring(colon + 1).split(":", -1);
            offset = parseInt(parts[0]);
            if (parts.length > 1 && !parts[1].isEmpty()) {
                length = parseInt(parts[1]);
            }
        }
        String value = variables.apply(name);
        if (value == null) {
            return "";
        }
        if (offset < 0) {
            offset = Math.max(0, value.length() + offset);
        }
        if (offset >= value.length()) {
            return "";
        }
        String tail = value.substring(offset);
        if (length != null) {
            int len = length < 0 ? Math.max(0, tail.length() + length) : Math.min(length, tail.length());
            tail = tail.substring(0, len);
        }
        return tail;
    }

    private static int colonOutsideParentheses(String expr) {
        int depth = 0;
        for (int k = 0; k < expr.length(); k++) {
            char c = expr.charAt(k);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** $[a = b] gives 1 or 0; $[a != b] likewise; anything else its own unquoted value. */
    static String evaluate(String expr) {
        String e = expr.strip();
        int ne = e.indexOf("!=");
        if (ne >= 0) {
            return unquote(e.substring(0, ne)).equals(unquote(e.substring(ne + 2))) ? "0" : "1";
        }
        int eq = e.indexOf('=');
        if (eq >= 0) {
            return unquote(e.substring(0, eq)).equals(unquote(e.substring(eq + 1))) ? "1" : "0";
        }
        return unquote(e);
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Asterisk's truth for GotoIf: empty and "0" are false. */
    public static boolean isTrue(String value) {
        String v = value.strip();
        return !v.isEmpty() && !v.equals("0");
    }

    /**
     * Splits application arguments on commas the way AST_STANDARD_APP_ARGS does: commas inside
     * quotes, parentheses or brackets do not split; surrounding quotes are kept off.
     */
    public static List<String> arguments(String data) {
        return split(data, false);
    }

    /**
     * Splits as {@link #arguments} does but keeps quotes, as AST_STANDARD_RAW_ARGS does for
     * Gosub's arguments; "" is no argument at all.
     */
    public static List<String> rawArguments(String data) {
        return split(data, true);
    }

    private static List<String> split(String data, boolean keepQuotes) {
        List<String> args = new ArrayList<>();
        if (data == null || data.isEmpty()) {
            return args;
        }
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                if (!keepQuotes) {
                    continue;
                }
            }
            if (!quoted) {
                if (c == '(' || c == '[') {
                    depth++;
                } else if ((c == ')' || c == ']') && depth > 0) {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    args.add(cur.toString());
                    cur.setLength(0);
                    continue;
                }
            }
            cur.append(c);
        }
        args.add(cur.toString());
        return args;
    }
}
