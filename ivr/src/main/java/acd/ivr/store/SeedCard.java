package acd.ivr.store;

/**
 * One prepaid recharge card to load.
 *
 * @param cardNumber 16 digits
 * @param pin        the PIN in clear, or a stored hash ({@link PinHash}) when the issuer
 *                   delivers cards already hashed
 * @param valueFen   what the card credits
 * @param line       where the row is in its file (0 when the card did not come from a file)
 */
public record SeedCard(String cardNumber, String pin, long valueFen, int line) {

    /** @throws IllegalArgumentException for a card the store could never accept (never quoting the PIN) */
    public SeedCard {
        if (cardNumber == null || !RechargeCardFile.CARD_NUMBER.matcher(cardNumber).matches()) {
            throw new IllegalArgumentException("a card number is 16 digits, got " + cardNumber);
        }
        if (pin == null) {
            throw new IllegalArgumentException("card " + cardNumber + " has no PIN");
        }
        if (PinHash.isHash(pin)) {
            PinHash.check(pin);
        } else if (!RechargeCardFile.PIN.matcher(pin).matches()) {
            throw new IllegalArgumentException("card " + cardNumber + ": a PIN is 4 to 20 digits");
        }
        if (valueFen <= 0) {
            throw new IllegalArgumentException("card " + cardNumber + " must be worth more than 0.00");
        }
    }
    /** Hides the PIN. */
    @Override
    public String toString() {
        return "SeedCard[" + cardNumber + ", " + valueFen + " fen, line " + line + "]";
    }
}
