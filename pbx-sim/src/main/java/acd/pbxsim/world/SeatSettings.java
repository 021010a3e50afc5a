package acd.pbxsim.world;

import java.util.Objects;

/**
 * How a seat phone behaves. Durations are simulated milliseconds.
 *
 * @param endpoint            the device the ACD dials: {@code PJSIP/1001}
 * @param name                the caller id name the phone presents ("Seat 1001")
 * @param registration        whether it can be reached
 * @param ringMs              how long it rings before the person picks up
 * @param noAnswerProbability the chance a call rings out unanswered (0..1)
 * @param busy                refuses every call with 486 Busy Here
 * @param talkTimeMs          after this long in a call the seat hangs up; 0 leaves it to the caller
 * @param wrapUpDoneAfterMs   after a call the seat dials *25 this long after hanging up; negative never
 */
public record SeatSettings(String endpoint, String name, Registration registration, long ringMs,
                           double noAnswerProbability, boolean busy, long talkTimeMs, long wrapUpDoneAfterMs) {

    public SeatSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.indexOf('/') <= 0) {
            throw new IllegalArgumentException("endpoint must be tech/resource, e.g. PJSIP/1001: " + endpoint);
        }
        Objects.requireNonNull(registration, "registration");
        if (noAnswerProbability < 0 || noAnswerProbability > 1) {
            throw new IllegalArgumentException("noAnswerProbability must be within 0..1: " + noAnswerProbability);
        }
    }

    /** A registered seat that picks up after 2 s and leaves the hang-up to the caller. */
    public static SeatSettings of(String endpoint) {
        String number = endpoint.substring(endpoint.indexOf('/') + 1);
        return new SeatSettings(endpoint, "Seat " + number, Registration.REGISTERED, 2000, 0, false, 0, -1);
    }

    public String number() {
        return endpoint.substring(endpoint.indexOf('/') + 1);
    }

    public SeatSettings withRegistration(Registration r) {
        return new SeatSettings(endpoint, name, r, ringMs, noAnswerProbability, busy, talkTimeMs, wrapUpDoneAfterMs);
    }

    public SeatSettings withRingMs(long ms) {
        return new SeatSettings(endpoint, name, registration, ms, noAnswerProbability, busy, talkTimeMs, wrapUpDoneAfterMs);
    }

    public SeatSettings withNoAnswerProbability(double p) {
        return new SeatSettings(endpoint, name, registration, ringMs, p, busy, talkTimeMs, wrapUpDoneAfterMs);
    }

    public SeatSettings withBusy(boolean b) {
        return new SeatSettings(endpoint, name, registration, ringMs, noAnswerProbability, b, talkTimeMs, wrapUpDoneAfterMs);
    }

    public SeatSettings withTalkTimeMs(long ms) {
        return new SeatSettings(endpoint, name, registration, ringMs, noAnswerProbability, busy, ms, wrapUpDoneAfterMs);
    }

    public SeatSettings withWrapUpDoneAfterMs(long ms) {
        return new SeatSettings(endpoint, name, registration, ringMs, noAnswerProbability, busy, talkTimeMs, ms);
    }
}
