package acd.core.model;

/**
 * A queue's callbacks: a caller whose expected wait is long may hang up and be called back, their
 * place in line kept.
 *
 * @param offerAboveWaitSeconds the expected wait over which the announcement offers a callback; 0: never offered
 * @param strategy              who is rung first when the place reaches the head of the line
 * @param attempts              how many times the customer is called before the callback becomes a reply task
 * @param retryAfterSeconds     how long after an unanswered attempt the callback takes its place again
 * @param customerRingSeconds   how long the customer's phone rings on an attempt
 */
public record CallbackRules(int offerAboveWaitSeconds, CallbackStrategy strategy, int attempts,
                            int retryAfterSeconds, int customerRingSeconds) {

    public static final int DEFAULT_ATTEMPTS = 3;
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 300;
    public static final int DEFAULT_CUSTOMER_RING_SECONDS = 30;

    /** No callbacks offered. */
    public static final CallbackRules NONE = new CallbackRules(0, CallbackStrategy.SEAT_FIRST, DEFAULT_ATTEMPTS,
            DEFAULT_RETRY_AFTER_SECONDS, DEFAULT_CUSTOMER_RING_SECONDS);

    public CallbackRules {
        if (strategy == null) {
            throw new IllegalArgumentException("callback strategy missing");
        }
        if (offerAboveWaitSeconds < 0 || attempts < 1 || retryAfterSeconds < 0 || customerRingSeconds < 1) {
            throw new IllegalArgumentException("callback rules out of range: " + offerAboveWaitSeconds + "/" + attempts
                    + "/" + retryAfterSeconds + "/" + customerRingSeconds);
        }
    }

    /** Callbacks offered once the expected wait passes {@code seconds}, the other rules at their defaults. */
    public static CallbackRules offeredAbove(int seconds) {
        return new CallbackRules(seconds, CallbackStrategy.SEAT_FIRST, DEFAULT_ATTEMPTS, DEFAULT_RETRY_AFTER_SECONDS,
                DEFAULT_CUSTOMER_RING_SECONDS);
    }

    public boolean offered() {
        return offerAboveWaitSeconds > 0;
    }
}
