package acd.pbxsim.agi;

import java.util.function.LongFunction;

/**
 * What a command answers: the reply line(s) for the script, the result AGIExecEnd reports, and,
 * for commands that take time (STREAM FILE, GET DATA...), the delay and the reply they give
 * instead when the caller hangs up meanwhile ({@code playedMs -> reply}).
 */
final class AgiResult {

    static final String SUCCESS = "Success";

    final String reply;
    final int amiCode;
    final String amiResult;
    final long delayMs;
    final LongFunction<String> hangupReply;
    final int hangupAmiCode;
    final String hangupAmiResult;
    final Runnable afterReply;

    private AgiResult(String reply, int amiCode, String amiResult, long delayMs, LongFunction<String> hangupReply,
                      int hangupAmiCode, String hangupAmiResult, Runnable afterReply) {
        this.reply = reply;
        this.amiCode = amiCode;
        this.amiResult = amiResult;
        this.delayMs = delayMs;
        this.hangupReply = hangupReply;
        this.hangupAmiCode = hangupAmiCode;
        this.hangupAmiResult = hangupAmiResult;
        this.afterReply = afterReply;
    }

    static AgiResult now(String reply) {
        return new AgiResult(reply, 200, SUCCESS, 0, null, 0, null, null);
    }

    /** RESULT_FAILURE: the script still gets a 200 line, AGIExecEnd says -1 Failure, AGISTATUS ends FAILURE. */
    static AgiResult failure(String reply) {
        return new AgiResult(reply, -1, "Failure", 0, null, 0, null, null);
    }

    static AgiResult usage(String usageText) {
        String block = "520-Invalid command syntax.  Proper usage follows:\n" + usageText + "\n520 End of proper usage.";
        return new AgiResult(block, 520, "Usage", 0, null, 0, null, null);
    }

    static AgiResult unknown() {
        return new AgiResult("510 Invalid or unknown command", 510, "Invalid or unknown command", 0, null, 0, null,
                null);
    }

    static AgiResult deadChannel() {
        String text = "Command Not Permitted on a dead channel or intercept routine";
        return new AgiResult("511 " + text, 511, text, 0, null, 0, null, null);
    }

    /** A command that takes {@code delayMs}; on hang-up it answers {@code onHangup} (AGIExecEnd -1 Failure). */
    static AgiResult after(long delayMs, String reply, LongFunction<String> onHangup) {
        return new AgiResult(reply, 200, SUCCESS, Math.max(0, delayMs), onHangup, -1, "Failure", null);
    }

    AgiResult hangupResult(int code, String result) {
        return new AgiResult(reply, amiCode, amiResult, delayMs, hangupReply, code, result, afterReply);
    }

    AgiResult then(Runnable action) {
        return new AgiResult(reply, amiCode, amiResult, delayMs, hangupReply, hangupAmiCode, hangupAmiResult, action);
    }
}
