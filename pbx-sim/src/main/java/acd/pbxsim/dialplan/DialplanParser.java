package acd.pbxsim.dialplan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the extensions.conf dialect the ACD dialplan is written in: {@code [context]},
 * {@code exten => name,priority,App(args)}, {@code same => n(label),App(args)},
 * {@code include => other}, {@code NAME=value} in {@code [globals]}, ';' comments. Anything
 * else stops the parse with file, line and reason.
 */
public final class DialplanParser {

    private final String file;
    private final Dialplan dialplan = new Dialplan();
    private DialplanContext context;
    private Extension current;
    private int lineNumber;

    private DialplanParser(String file) {
        this.file = file;
    }

    public static Dialplan parse(String text, String file) {
        DialplanParser p = new DialplanParser(file);
        for (String raw : text.split("\r?\n", -1)) {
            p.lineNumber++;
            p.line(raw);
        }
        return p.dialplan;
    }

    public static Dialplan parse(Path path) throws IOException {
        return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    }

    private void line(String raw) {
        String text = stripComment(raw).strip();
        if (text.isEmpty()) {
            return;
        }
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            if (end < 0) {
                throw error("context header without ']'");
            }
            context = dialplan.context(text.substring(1, end).strip());
            current = null;
            return;
        }
        if (context == null) {
            throw error("line outside any [context]");
        }
        int arrow = text.indexOf("=>");
        if (arrow < 0) {
            if (context.name().equals("globals") && text.indexOf('=') > 0) {
                int eq = text.indexOf('=');
                dialplan.global(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
                return;
            }
            throw error("expected 'exten =>', 'same =>' or 'include =>'");
        }
        String keyword = text.substring(0, arrow).strip().toLowerCase(Locale.ROOT);
        String rest = text.substring(arrow + 2).strip();
        switch (keyword) {
            case "exten" -> exten(rest);
            case "same" -> same(rest);
            case "include" -> context.include(rest);
            default -> throw error("unknown keyword '" + keyword + "'");
        }
    }

    private void exten(String rest) {
        int comma = rest.indexOf(',');
        if (comma < 0) {
            throw error("exten needs name,priority,application");
        }
        String name = rest.substring(0, comma).strip();
        current = context.extension(name);
        priorityAndApp(rest.substring(comma + 1));
    }

    private void same(String rest) {
        if (current == null) {
            throw error("'same =>' before any 'exten =>'");
        }
        priorityAndApp(rest);
    }

    private void priorityAndApp(String rest) {
        int comma = rest.indexOf(',');
        if (comma < 0) {
            throw error("expected priority,application");
        }
        String prio = rest.substring(0, comma).strip();
        String app = rest.substring(comma + 1).strip();
        String label = null;
        int open = prio.indexOf('(');
        if (open >= 0) {
            if (!prio.endsWith(")")) {
                throw error("bad label in priority '" + prio + "'");
            }
            label = prio.substring(open + 1, prio.length() - 1);
            prio = prio.substring(0, open);
        }
        int priority;
        if (prio.equals("n")) {
            priority = current.lastPriority() + 1;
        } else {
            try {
                priority = Integer.parseInt(prio);
            } catch (NumberFormatException e) {
                throw error("priority must be a number or 'n': '" + prio + "'");
            }
        }
        String appName = app;
        String data = "";
        int paren = app.indexOf('(');
        if (paren >= 0) {
            if (!app.endsWith(")")) {
                throw error("application arguments not closed: '" + app + "'");
            }
            appName = app.substring(0, paren).strip();
            data = app.substring(paren + 1, app.length() - 1);
        }
        if (appName.isEmpty()) {
            throw error("missing application name");
        }
        current.add(new Priority(priority, label, appName, data, lineNumber));
    }

    private static String stripComment(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == ';') {
                sb.append(';');
                i++;
            } else if (c == ';') {
                break;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private DialplanError error(String reason) {
        return new DialplanError(file + ":" + lineNumber + ": " + reason);
    }

    /** A dialplan the parser cannot read; the message names file and line. */
    public static final class DialplanError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        DialplanError(String message) {
            super(message);
        }
    }
}
