package acd.pbxsim.dialplan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Dial's options (its third argument) as ast_app_parse_options reads them: one letter each,
 * case counting ({@code g} is not {@code G}), any of them followed by its argument in
 * parentheses, which may hold parentheses of its own: {@code gU(acd-record^acd/20261207/1.6)}.
 */
final class DialOptions {

    private static final Logger log = LoggerFactory.getLogger(DialOptions.class);

    /** Each option given and its argument; "" for an option without one. */
    private final Map<Character, String> given;

    private DialOptions(Map<Character, String> given) {
        this.given = given;
    }

    static DialOptions parse(String text) {
        Map<Character, String> given = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            char option = text.charAt(i++);
            String argument = "";
            if (i < text.length() && text.charAt(i) == '(') {
                int close = closingParenthesis(text, i);
                if (close < 0) {
                    log.warn("Dial option '{}' misses its closing parenthesis: {}", option, text);
                    break;
                }
                argument = text.substring(i + 1, close);
                i = close + 1;
            }
            given.put(option, argument);
        }
        return new DialOptions(given);
    }

    private static int closingParenthesis(String text, int openAt) {
        int depth = 0;
        for (int k = openAt; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    boolean has(char option) {
        return given.containsKey(option);
    }

    /** The option's argument: "" when it was given without one, null when it was not given. */
    String argument(char option) {
        return given.get(option);
    }

    /** g: the caller goes on in the dialplan when the called side hangs up. */
    boolean callerGoesOn() {
        return has('g');
    }

    /**
     * F[(context^exten^priority)]: where the called side goes on when the caller leaves it in
     * the bridge (hangs up, is redirected or taken away); null when the option is not given.
     */
    CalleeGoOn calleeGoOn() {
        String spec = argument('F');
        return spec == null ? null : new CalleeGoOn(spec);
    }

    /**
     * U(context[^arg1[^arg2...]]): the subroutine the answering side runs before the two are
     * bridged; null when there is none (an empty U() is none too, as app_dial has it).
     */
    CalleeSubroutine calleeSubroutine() {
        String spec = argument('U');
        if (spec == null || spec.isEmpty()) {
            return null;
        }
        return CalleeSubroutine.parse(spec);
    }
}
