package acd.ivr.customer;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How caller ids are written before a caller is looked up: one form per subscriber, whatever
 * the carrier sent. {@code +8613900000001}, {@code 008613900000001} and {@code 013900000001}
 * are all the subscriber {@code 13900000001}; a landline {@code +86 10 1234 5678} is
 * {@code 01012345678}, as the national numbering plan writes it. A foreign number keeps its
 * country code behind a {@code +}; anything that is not a number (anonymous, unavailable) is
 * left as it came.
 *
 * @param countryCode         the hotline's own country code, digits (86)
 * @param internationalPrefix what callers dial before a country code, digits (00)
 * @param trunkPrefix         what the national form puts before an area code, digits (0)
 * @param mobile              a national mobile number, without any prefix
 */
public record CallerNumbers(String countryCode, String internationalPrefix, String trunkPrefix, Pattern mobile) {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** China's numbering plan: +86, 00 out, 0 before an area code, mobiles 1[3-9] and 9 more digits. */
    public static final CallerNumbers CHINA = new CallerNumbers("86", "00", "0", Pattern.compile("1[3-9][0-9]{9}"));

    public CallerNumbers {
        digits(countryCode, "countryCode");
        digits(internationalPrefix, "internationalPrefix");
        if (!trunkPrefix.isEmpty()) {
            digits(trunkPrefix, "trunkPrefix");
        }
        Objects.requireNonNull(mobile, "mobile");
    }

    private static void digits(String value, String name) {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be digits, found '" + value + "'");
        }
    }

    /** The caller id in the hotline's one form. */
    public String normalise(String callerId) {
        if (callerId == null) {
            return null;
        }
        String compact = SEPARATORS.matcher(callerId.strip()).replaceAll("");
        if (!NUMBER.matcher(compact).matches()) {
            return callerId.strip();
        }
        String international = null;
        if (compact.startsWith("+")) {
            international = compact.substring(1);
        } else if (compact.startsWith(internationalPrefix) && compact.length() > internationalPrefix.length()) {
            international = compact.substring(internationalPrefix.length());
        }
        if (international != null) {
            if (!international.startsWith(countryCode)) {
                return "+" + international;
            }
            String national = international.substring(countryCode.length());
            if (national.startsWith(trunkPrefix) && !trunkPrefix.isEmpty()) {
                // "+86 0 10 ..." is written now and then; the 0 does not belong after the country code.
                national = national.substring(trunkPrefix.length());
            }
            return mobile.matcher(national).matches() ? national : trunkPrefix + national;
        }
        if (!trunkPrefix.isEmpty() && compact.startsWith(trunkPrefix)
                && mobile.matcher(compact.substring(trunkPrefix.length())).matches()) {
            return compact.substring(trunkPrefix.length());
        }
        return compact;
    }
}
