package acd.pbxsim.world;

import java.util.List;
import java.util.Objects;

/**
 * What a simulated caller does. Durations are simulated milliseconds.
 *
 * @param number     caller id number (the customer's phone number)
 * @param name       caller id name
 * @param did        the hotline number dialled: the extension in the inbound context
 * @param keypresses one answer per input request (GET DATA, WAIT FOR DIGIT, GET OPTION), in
 *                   order: "1", "1234#", "" for silence; when they run out the caller is silent
 * @param patienceMs hangs up this long after calling if no seat has answered; 0 never does
 * @param talkTimeMs hangs up this long after a seat answered; 0 leaves it to the seat
 * @param callbackAnswer what the caller keys when offered a callback while waiting ("1" takes it,
 *                   "" declines), leaving {@code keypresses} to the other prompts; null answers
 *                   the offer from {@code keypresses}, as any prompt
 */
public record CallerScript(String number, String name, String did, List<String> keypresses, long patienceMs,
                           long talkTimeMs, String callbackAnswer) {

    public static final String DEFAULT_DID = "10086";

    /** A caller who answers every prompt, a callback offer included, from {@code keypresses}. */
    public CallerScript(String number, String name, String did, List<String> keypresses, long patienceMs,
                        long talkTimeMs) {
        this(number, name, did, keypresses, patienceMs, talkTimeMs, null);
    }

    public CallerScript {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(did, "did");
        keypresses = List.copyOf(keypresses);
        name = name == null ? "" : name;
    }

    /** A caller of the default hotline who waits up to a minute and talks for 30 s. */
    public static CallerScript caller(String number) {
        return new CallerScript(number, "", DEFAULT_DID, List.of(), 60_000, 30_000);
    }

    public CallerScript withName(String n) {
        return new CallerScript(number, n, did, keypresses, patienceMs, talkTimeMs, callbackAnswer);
    }

    public CallerScript dialling(String hotline) {
        return new CallerScript(number, name, hotline, keypresses, patienceMs, talkTimeMs, callbackAnswer);
    }

    public CallerScript pressing(String... answers) {
        return new CallerScript(number, name, did, List.of(answers), patienceMs, talkTimeMs, callbackAnswer);
    }

    public CallerScript withPatienceMs(long ms) {
        return new CallerScript(number, name, did, keypresses, ms, talkTimeMs, callbackAnswer);
    }

    public CallerScript withTalkTimeMs(long ms) {
        return new CallerScript(number, name, did, keypresses, patienceMs, ms, callbackAnswer);
    }

    /** When offered a callback, keys {@code answer} ("1" takes it, "" declines), whatever else they key. */
    public CallerScript answeringCallbackOffers(String answer) {
        return new CallerScript(number, name, did, keypresses, patienceMs, talkTimeMs, answer);
    }
}
