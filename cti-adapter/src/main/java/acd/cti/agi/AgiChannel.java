package acd.cti.agi;

import acd.cti.agi.codec.AgiCommand;
import acd.cti.agi.codec.AgiReply;
import acd.cti.agi.codec.AgiRequest;

import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One call's FastAGI session as a script sees it. Commands go to Asterisk one at a time, in the
 * order they were sent; a command sent while another waits for its reply is queued. Each returns
 * a stage that completes on the connection's event loop with Asterisk's {@code 200} reply, or
 * exceptionally with
 * <ul>
 *   <li>{@link AgiHangupException} when the caller hangs up or the connection is lost first,</li>
 *   <li>{@link AgiDeadChannelException} (a hang-up too) when Asterisk answers {@code 511},</li>
 *   <li>{@link AgiCommandException} when Asterisk answers {@code 510}, {@code 520} or another
 *       failure status,</li>
 *   <li>{@link AgiProtocolException} when the answer is not an AGI reply,</li>
 *   <li>{@link IllegalStateException} when the session is closing or too many commands wait.</li>
 * </ul>
 * Safe to call from any thread.
 */
public interface AgiChannel {

    /** The header block Asterisk opened the session with. */
    AgiRequest request();

    /** Where Asterisk connected from. */
    SocketAddress remoteAddress();

    /** Whether Asterisk has reported the caller's hang-up or the connection is gone. */
    boolean isHungUp();

    /** Sends any command; the named methods below are shorthands for the common ones. */
    CompletionStage<AgiReply> send(AgiCommand command);

    /**
     * Ends the session after the commands already sent have their replies, and returns control
     * to the dialplan. Commands sent afterwards fail. Completes when the connection is closed.
     */
    CompletionStage<Void> close();

    default CompletionStage<AgiReply> answer() {
        return send(AgiCommand.answer());
    }

    /** Hangs up the caller's channel; the session ends when Asterisk closes it. */
    default CompletionStage<AgiReply> hangup() {
        return send(AgiCommand.hangup());
    }

    /** @param escapeDigits keys that interrupt the prompt; the key pressed is the reply's {@code digit()} */
    default CompletionStage<AgiReply> streamFile(String file, String escapeDigits) {
        return send(AgiCommand.streamFile(file, escapeDigits));
    }

    /**
     * Plays a prompt and collects up to {@code maxDigits} keys; the digits are the reply's
     * {@code result()}, with {@code timedOut()} set when the caller stopped short.
     */
    default CompletionStage<AgiReply> getData(String prompt, long timeoutMs, int maxDigits) {
        return send(AgiCommand.getData(prompt, timeoutMs, maxDigits));
    }

    /** @param timeoutMs {@code -1} waits for ever; the key is the reply's {@code digit()} */
    default CompletionStage<AgiReply> waitForDigit(long timeoutMs) {
        return send(AgiCommand.waitForDigit(timeoutMs));
    }

    default CompletionStage<AgiReply> sayNumber(long number, String escapeDigits) {
        return send(AgiCommand.sayNumber(number, escapeDigits));
    }

    default CompletionStage<AgiReply> sayDigits(String digits, String escapeDigits) {
        return send(AgiCommand.sayDigits(digits, escapeDigits));
    }

    default CompletionStage<AgiReply> setVariable(String name, String value) {
        return send(AgiCommand.setVariable(name, value));
    }

    /** The value is the reply's {@code data()}; {@code result()} is {@code 0} when the variable is unset. */
    default CompletionStage<AgiReply> getVariable(String name) {
        return send(AgiCommand.getVariable(name));
    }

    /** A channel variable's value, empty when it is not set. */
    default CompletionStage<Optional<String>> variableValue(String name) {
        return getVariable(name).thenApply(reply -> "1".equals(reply.result()) ? reply.data() : Optional.empty());
    }

    /** Runs a dialplan application; {@code arguments} are joined with commas. */
    default CompletionStage<AgiReply> exec(String application, String... arguments) {
        return send(AgiCommand.exec(application, arguments));
    }

    /**
     * The channel's state ({@code result}: 6 up, 4 ringing, ...); fails with
     * {@link AgiDeadChannelException} or {@link AgiHangupException} once the caller has gone.
     */
    default CompletionStage<AgiReply> channelStatus() {
        return send(AgiCommand.of("CHANNEL STATUS"));
    }

    /** Does nothing; Asterisk still answers, even on a hung-up channel. */
    default CompletionStage<AgiReply> noop() {
        return send(AgiCommand.noop());
    }

    /** Writes to the Asterisk console at the given verbosity level. */
    default CompletionStage<AgiReply> verbose(String message, int level) {
        return send(AgiCommand.verbose(message, level));
    }
}
