package acd.bench.agi;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The call both servers run under load, seen from both ends: what the script sends and what
 * Asterisk 20 answers (the forms of {@code pbx-sim/src/test/resources/asterisk/fastagi-session.txt}).
 *
 * <pre>
 *   ANSWER                      200 result=0
 *   STREAM FILE welcome ""      200 result=0 endpos=1234
 *   STREAM FILE menu ""         200 result=0 endpos=1234
 *   STREAM FILE options ""      200 result=0 endpos=1234
 *   GET DATA beep 5000 4        200 result=1234
 *   SET VARIABLE LOAD_DIGITS 1234   200 result=1
 *   HANGUP                      200 result=1, then the HANGUP line; the server then ends the session
 * </pre>
 *
 * The {@code SET VARIABLE} must carry the digits of the {@code GET DATA} reply, which shows the
 * script read that reply rather than just sending a fixed sequence.
 */
final class LoadDialogue {

    static final String SCRIPT_PATH = "load";
    static final String[] PROMPTS = {"welcome", "menu", "options"};
    static final String DIGITS_PROMPT = "beep";
    static final long DIGITS_TIMEOUT_MS = 5_000;
    static final int MAX_DIGITS = 4;
    static final String DIGITS = "1234";
    static final String DIGITS_VARIABLE = "LOAD_DIGITS";

    /** One command the script must send next, and Asterisk's answer to it. */
    record Step(String verb, String reply, String mustContain) {
        Step(String verb, String reply) {
            this(verb, reply, null);
        }

        boolean matches(String line) {
            if (!line.startsWith(verb)) {
                return false;
            }
            if (line.length() > verb.length() && line.charAt(verb.length()) != ' ') {
                return false;
            }
            return mustContain == null || line.indexOf(mustContain, verb.length()) >= 0;
        }

        byte[] replyBytes() {
            return reply.getBytes(StandardCharsets.US_ASCII);
        }
    }

    static final List<Step> STEPS = List.of(
            new Step("ANSWER", "200 result=0\n"),
            new Step("STREAM FILE", "200 result=0 endpos=1234\n"),
            new Step("STREAM FILE", "200 result=0 endpos=1234\n"),
            new Step("STREAM FILE", "200 result=0 endpos=1234\n"),
            new Step("GET DATA", "200 result=" + DIGITS + "\n"),
            new Step("SET VARIABLE", "200 result=1\n", DIGITS),
            // Asterisk confirms the hang-up, then reports it on the line as it does for any hang-up.
            new Step("HANGUP", "200 result=1\nHANGUP\n"));

    /** The distinct verbs of the dialogue, in order, for per-command counts. */
    static final List<String> VERBS = List.of("ANSWER", "STREAM FILE", "GET DATA", "SET VARIABLE", "HANGUP");

    private static final byte[] DEAD_CHANNEL =
            "511 Command Not Permitted on a dead channel or intercept routine\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESULT_0 = "200 result=0\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESULT_1 = "200 result=1\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] UNKNOWN_COMMAND = "510 Invalid or unknown command\n".getBytes(StandardCharsets.US_ASCII);

    private LoadDialogue() {
    }

    /**
     * What Asterisk answers once the channel is hung up and the AGI still talks: variables may
     * still be set and read, anything that needs the channel is refused.
     */
    static byte[] deadChannelReply(String line) {
        if (line.startsWith("SET VARIABLE")) {
            return RESULT_1;
        }
        if (line.startsWith("NOOP") || line.startsWith("GET VARIABLE") || line.startsWith("GET FULL VARIABLE")) {
            return RESULT_0;
        }
        return DEAD_CHANNEL;
    }

    /**
     * The header block Asterisk 20 opens a FastAGI session with, in its order and with its LF line
     * ends, for {@code AGI(agi://host:port/load)} from a Local channel; the call number makes the
     * channel, unique id and caller differ per call.
     */
    static String headerBlock(String host, int port, long call) {
        String hex = Long.toHexString(call & 0xffff_ffffL);
        StringBuilder b = new StringBuilder(640);
        b.append("agi_network: yes\n");
        b.append("agi_network_script: ").append(SCRIPT_PATH).append('\n');
        b.append("agi_request: agi://").append(host).append(':').append(port).append('/').append(SCRIPT_PATH).append('\n');
        b.append("agi_channel: Local/100@inbound-").append("00000000", hex.length(), 8).append(hex).append(";2\n");
        b.append("agi_language: en\n");
        b.append("agi_type: Local\n");
        b.append("agi_uniqueid: 1795443164.").append(call).append('\n');
        b.append("agi_version: 20.20.1\n");
        b.append("agi_callerid: 555").append(String.valueOf(10_000 + call % 10_000), 1, 5).append('\n');
        b.append("agi_calleridname: Load Caller\n");
        b.append("agi_callingpres: 0\n");
        b.append("agi_callingani2: 0\n");
        b.append("agi_callington: 0\n");
        b.append("agi_callingtns: 0\n");
        b.append("agi_dnid: unknown\n");
        b.append("agi_rdnis: unknown\n");
        b.append("agi_context: inbound\n");
        b.append("agi_extension: 100\n");
        b.append("agi_priority: 2\n");
        b.append("agi_enhanced: 0.0\n");
        b.append("agi_accountcode: \n");
        b.append("agi_threadid: ").append(140_024_239_867_584L + call).append('\n');
        b.append('\n');
        return b.toString();
    }
}
