package acd.ivr.store;

/**
 * One prepaid recharge card to load.
 *
 * @param cardNumber 16 digits
 * @param pin        the PIN in clear, or a stored hash ({@link CardPin}) when the issuer
 *                   delivers cards already hashed
 * @param valueFen   what the card credits
 * @param line       where the row is in its file (0 when the card did not come from a file)
 */
public record SeedCard(String cardNumber, String pin, long valueFen, int line) {
    /** Hides the PIN. */
    @Override
    public String toString() {
        return "SeedCard[" + cardNumber + ", " + valueFen + " fen, line " + line + "]";
    }
}
