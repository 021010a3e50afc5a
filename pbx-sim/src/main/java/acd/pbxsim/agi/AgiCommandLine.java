package acd.pbxsim.agi;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an AGI command line into arguments as res_agi's parse_args does: blanks separate,
 * double quotes group (and an empty pair "" is an argument of its own), a backslash takes the
 * next character as it is.
 */
public final class AgiCommandLine {

    /** MAX_ARGS in res_agi. */
    public static final int MAX_ARGS = 128;

    private AgiCommandLine() {
    }

    public static List<String> parse(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inArg = false;
        boolean quoted = false;
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (escaped) {
                cur.append(c);
                escaped = false;
                inArg = true;
                continue;
            }
            if (c == '\\') {
                escaped = true;
                inArg = true;
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
                inArg = true;
                continue;
            }
            if (!quoted && (c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
                if (inArg) {
                    add(args, cur);
                    inArg = false;
                }
                continue;
            }
            cur.append(c);
            inArg = true;
        }
        if (inArg) {
            add(args, cur);
        }
        return args;
    }

    private static void add(List<String> args, StringBuilder cur) {
        if (args.size() < MAX_ARGS) {
            args.add(cur.toString());
        }
        cur.setLength(0);
    }
}
