package acd.ivr.selfservice;

/**
 * What a recharge attempt did.
 *
 * @param status          the result
 * @param creditedFen     the amount credited (0 unless {@link Status#CREDITED})
 * @param balanceFen      the balance after the attempt
 * @param pinAttemptsLeft wrong PINs the caller may still enter before the lock-out
 * @param lockedUntilMs   when a lock-out ends (0 when not locked out)
 */
public record RechargeOutcome(Status status, long creditedFen, long balanceFen,
                              int pinAttemptsLeft, long lockedUntilMs) {

    public enum Status {
        /** The card's value was added to the balance and the card is now used. */
        CREDITED,
        /** No card has that number. */
        UNKNOWN_CARD,
        /** The card was used before. */
        CARD_USED,
        /** The PIN does not match the card. */
        WRONG_PIN,
        /** Too many wrong PINs: recharge is refused until {@code lockedUntilMs}. */
        LOCKED_OUT,
        /** The caller's number has no account. */
        UNKNOWN_NUMBER
    }
}
