package acd.pbxsim.dialplan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An extension and its priorities. A name starting with {@code _} is a pattern, matched as
 * Asterisk does: X any digit, Z 1-9, N 2-9, [1-5] a set, '.' one or more of anything, '!' zero
 * or more; everything else stands for itself.
 */
public final class Extension {

    private final String name;
    private final List<Priority> steps = new ArrayList<>();

    public Extension(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public boolean isPattern() {
        return name.startsWith("_");
    }

    public List<Priority> steps() {
        return Collections.unmodifiableList(steps);
    }

    void add(Priority step) {
        steps.add(step);
    }

    public int lastPriority() {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).priority();
    }

    public Priority step(int priority) {
        for (Priority s : steps) {
            if (s.priority() == priority) {
                return s;
            }
        }
        return null;
    }

    /** The priority a label names, or -1. */
    public int priorityOf(String label) {
        for (Priority s : steps) {
            if (label.equals(s.label())) {
                return s.priority();
            }
        }
        return -1;
    }

    public boolean matches(String exten) {
        if (!isPattern()) {
            return name.equals(exten);
        }
        return match(name, 1, exten, 0);
    }

    private static boolean match(String pattern, int p, String s, int i) {
        if (p == pattern.length()) {
            return i == s.length();
        }
        char c = pattern.charAt(p);
        if (c == '.') {
            return i < s.length();
        }
        if (c == '!') {
            return true;
        }
        if (i >= s.length()) {
            return false;
        }
        char x = s.charAt(i);
        switch (Character.toUpperCase(c)) {
            case 'X' -> {
                return x >= '0' && x <= '9' && match(pattern, p + 1, s, i + 1);
            }
            case 'Z' -> {
                return x >= '1' && x <= '9' && match(pattern, p + 1, s, i + 1);
            }
            case 'N' -> {
                return x >= '2' && x <= '9' && match(pattern, p + 1, s, i + 1);
            }
            case '[' -> {
                int end = pattern.indexOf(']', p);
                if (end < 0) {
                    return false;
                }
                return inSet(pattern.substring(p + 1, end), x) && match(pattern, end + 1, s, i + 1);
            }
            default -> {
                return c == x && match(pattern, p + 1, s, i + 1);
            }
        }
    }

    private static boolean inSet(String set, char x) {
        for (int k = 0; k < set.length(); k++) {
            if (k + 2 < set.length() && set.charAt(k + 1) == '-') {
                if (x >= set.charAt(k) && x <= set.charAt(k + 2)) {
                    return true;
                }
                k += 2;
            } else if (set.charAt(k) == x) {
                return true;
            }
        }
        return false;
    }
}
