package acd.ivr.selfservice;

/**
 * What checking an account's service PIN found.
 *
 * @param status        the result
 * @param attemptsLeft  wrong PINs that may still be given for the account before it is locked
 * @param lockedUntilMs when the account's lock-out ends (0 when not locked out)
 */
public record PinCheck(Status status, int attemptsLeft, long lockedUntilMs) {

    public enum Status {
        /** The PIN is the account's: the caller may do the account's business. */
        VERIFIED,
        /**
         * The PIN is not the account's. The one that reaches the limit has no attempts left and
         * starts the lock-out: {@code lockedUntilMs} is set.
         */
        WRONG_PIN,
        /** Too many wrong PINs for the account: no PIN is checked until {@code lockedUntilMs}, the right one included. */
        LOCKED_OUT,
        /** The account has no service PIN set, so nobody can prove to be its holder by phone. */
        NO_PIN,
        /** No account has that number. */
        UNKNOWN_NUMBER
    }
}
