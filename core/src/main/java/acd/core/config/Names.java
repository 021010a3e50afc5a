package acd.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Wording shared by config errors: enum spellings and "did you mean" for near misses. */
public final class Names {
    private Names() {
    }

    /** An enum's constants as config spells them: {@code LONGEST_IDLE} is {@code longest-idle}. */
    static <E extends Enum<E>> List<String> choices(Class<E> type) {
        List<String> out = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            out.add(spelling(e));
        }
        return out;
    }

    static String spelling(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * {@code " (did you mean 'x'?)"} for the candidate nearest to {@code given} when it is close
     * enough to be a typo, else empty. Typos are the usual reason a name is unknown, and a long
     * list of valid names hides the one meant.
     */
    public static String suggestion(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String g = given.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            String lower = c.toLowerCase(Locale.ROOT);
            // a cut-off name ("bill" for "billing") is as likely a slip as a typo
            boolean prefix = Math.min(g.length(), lower.length()) >= 3 && (lower.startsWith(g) || g.startsWith(lower));
            int d = prefix ? 1 : distance(g, lower);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = given.length() <= 3 ? 1 : given.length() <= 6 ? 2 : 3;
        if (best == null || bestDistance > allowed || best.equals(given)) {
            return "";
        }
        return " (did you mean '" + best + "'?)";
    }

    /** Levenshtein distance, with an adjacent swap counting as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
