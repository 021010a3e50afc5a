package acd.pbxsim.agi;

import acd.pbxsim.pbx.Channel;

import java.util.ArrayList;
import java.util.List;

/**
 * The agi_* block Asterisk 20 sends first on a FastAGI connection: the keys in its order, each
 * line ended by LF, the block closed by an empty line; agi_arg_1..N follow agi_threadid when the
 * dialplan passes arguments.
 */
public final class AgiEnvironment {

    public static final String ASTERISK_VERSION = "20.20.1";

    /** The keys, in the order Asterisk's setup_env writes them. */
    public static final List<String> KEYS = List.of(
            "agi_network", "agi_network_script", "agi_request", "agi_channel", "agi_language", "agi_type",
            "agi_uniqueid", "agi_version", "agi_callerid", "agi_calleridname", "agi_callingpres",
            "agi_callingani2", "agi_callington", "agi_callingtns", "agi_dnid", "agi_rdnis", "agi_context",
            "agi_extension", "agi_priority", "agi_enhanced", "agi_accountcode", "agi_threadid");

    private AgiEnvironment() {
    }

    public static List<String> lines(Channel ch, AgiUrl url, List<String> args, long threadId) {
        List<String> values = List.of(
                "yes",
                url.script(),
                url.request(),
                ch.name(),
                "en",
                ch.tech(),
                ch.uniqueid(),
                ASTERISK_VERSION,
                unknownIfUnset(ch.callerIdNum()),
                unknownIfUnset(ch.callerIdName()),
                "0",
                "0",
                "0",
                "0",
                unknownIfUnset(ch.dnid()),
                "unknown",
                ch.context(),
                ch.exten(),
                Integer.toString(ch.priority()),
                "0.0",
                "",
                Long.toString(threadId));
        List<String> lines = new ArrayList<>(KEYS.size() + args.size());
        for (int i = 0; i < KEYS.size(); i++) {
            lines.add(KEYS.get(i) + ": " + values.get(i));
        }
        for (int i = 0; i < args.size(); i++) {
            lines.add("agi_arg_" + (i + 1) + ": " + args.get(i));
        }
        return lines;
    }

    /** The block as bytes go out: every line LF-terminated, then the empty line. */
    public static String block(Channel ch, AgiUrl url, List<String> args, long threadId) {
        StringBuilder sb = new StringBuilder(768);
        for (String line : lines(ch, url, args, threadId)) {
            sb.append(line).append('\n');
        }
        return sb.append('\n').toString();
    }

    private static String unknownIfUnset(String s) {
        return s == null || s.isEmpty() || s.equals("<unknown>") ? "unknown" : s;
    }
}
