package acd.ivr.store;

import java.util.regex.Pattern;

/** Amounts as files write them (yuan, e.g. {@code 58.30}) to fen, exactly: no floating point. */
final class Yuan {
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,12}(\\.\\d{1,2})?");

    private Yuan() {
    }

    /**
     * @throws IllegalArgumentException with a reason for a person when {@code text} is not an amount
     */
    static long toFen(String text, boolean negativeAllowed) {
        if (!AMOUNT.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an amount in yuan (e.g. 58.30)");
        }
        boolean negative = text.startsWith("-");
        if (negative && !negativeAllowed) {
            throw new IllegalArgumentException("the amount must not be negative, got " + text);
        }
        String digits = negative ? text.substring(1) : text;
        int dot = digits.indexOf('.');
        long yuan = Long.parseLong(dot < 0 ? digits : digits.substring(0, dot));
        long fen = 0;
        if (dot >= 0) {
            String f = digits.substring(dot + 1);
            fen = Long.parseLong(f.length() == 1 ? f + "0" : f);
        }
        long total = yuan * 100 + fen;
        return negative ? -total : total;
    }
}
