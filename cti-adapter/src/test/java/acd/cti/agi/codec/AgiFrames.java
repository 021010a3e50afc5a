package acd.cti.agi.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a real Asterisk 20.20.1 sent to a FastAGI script, copied byte for byte from the captured
 * sessions kept in {@code src/test/resources/asterisk/}. Lines end in LF as on the wire.
 */
public final class AgiFrames {

    private AgiFrames() {
    }

    /** Session 1: Local/100@inbound runs AGI(agi://127.0.0.1:4573/ivr). */
    public static final String SESSION_1_HEADERS = """
            agi_network: yes
            agi_network_script: ivr
            agi_request: agi://127.0.0.1:4573/ivr
            agi_channel: Local/100@inbound-00000004;2
            agi_language: en
            agi_type: Local
            agi_uniqueid: 1795443164.12
            agi_version: 20.20.1
            agi_callerid: 5550100
            agi_calleridname: AGI Caller
            agi_callingpres: 0
            agi_callingani2: 0
            agi_callington: 0
            agi_callingtns: 0
            agi_dnid: unknown
            agi_rdnis: unknown
            agi_context: inbound
            agi_extension: 100
            agi_priority: 2
            agi_enhanced: 0.0
            agi_accountcode:\s
            agi_threadid: 140024239867584

            """;

    /** Session 2: AGI(agi://127.0.0.1:4573/ivr?lang=en,first arg,second). */
    public static final String SESSION_2_HEADERS = """
            agi_network: yes
            agi_network_script: ivr?lang=en
            agi_request: agi://127.0.0.1:4573/ivr?lang=en
            agi_channel: Local/101@inbound-00000005;2
            agi_language: en
            agi_type: Local
            agi_uniqueid: 1795443178.14
            agi_version: 20.20.1
            agi_callerid: 5550101
            agi_calleridname: Hangup Caller
            agi_callingpres: 0
            agi_callingani2: 0
            agi_callington: 0
            agi_callingtns: 0
            agi_dnid: unknown
            agi_rdnis: unknown
            agi_context: inbound
            agi_extension: 101
            agi_priority: 2
            agi_enhanced: 0.0
            agi_accountcode:\s
            agi_threadid: 140024240379584
            agi_arg_1: first arg
            agi_arg_2: second

            """;

    /** Replies, each with its LF. */
    public static final String ANSWERED = "200 result=0\n";
    public static final String SET = "200 result=1\n";
    public static final String CHANNEL_VALUE = "200 result=1 (Local/100@inbound-00000004;2)\n";
    public static final String SESSION_VALUE = "200 result=1 (abc 123)\n";
    public static final String FULL_VARIABLE_VALUE = "200 result=1 (\"AGI Caller\" <5550100> 100@inbound)\n";
    public static final String CHANNEL_STATUS_UP = "200 result=6\n";
    public static final String STREAMED = "200 result=0 endpos=11360\n";
    public static final String PROMPT_MISSING = "200 result=-1 endpos=0\n";
    public static final String GET_DATA_TIMEOUT = "200 result= (timeout)\n";
    public static final String GET_DATA_DIGITS = "200 result=1234\n";
    public static final String GET_DATA_PARTIAL = "200 result=42 (timeout)\n";
    /** WAIT FOR DIGIT answered by '#': ASCII 35. */
    public static final String DIGIT_HASH = "200 result=35\n";
    public static final String EXEC_INTERRUPTED = "200 result=-1\n";
    public static final String INVALID_COMMAND = "510 Invalid or unknown command\n";
    public static final String DEAD_CHANNEL = "511 Command Not Permitted on a dead channel or intercept routine\n";
    public static final String GET_DATA_USAGE = """
            520-Invalid command syntax.  Proper usage follows:
            Stream the given <replaceable>file</replaceable>, and receive DTMF data.
            Returns the digits received from the channel at the other end.
            520 End of proper usage.
            """;
    public static final String HANGUP = "HANGUP\n";

    /** Everything Asterisk sent in session 2 after the headers: HANGUP between replies and at the end. */
    public static final String SESSION_2_REPLIES = ANSWERED + EXEC_INTERRUPTED + HANGUP + ANSWERED + DEAD_CHANNEL
            + "200 result=1 (Local/101@inbound-00000005;2)\n" + DEAD_CHANNEL + HANGUP;

    /** The capture of one session as Asterisk sent it. */
    public static byte[] rawSession(int number) {
        Path raw = Path.of("src/test/resources/asterisk/raw/fastagi-session" + number + ".asterisk-to-agi.raw");
        try {
            return Files.readAllBytes(raw);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public static byte[] bytes(String frames) {
        return frames.getBytes(StandardCharsets.UTF_8);
    }
}
