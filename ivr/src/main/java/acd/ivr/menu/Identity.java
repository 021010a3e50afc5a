package acd.ivr.menu;

/**
 * How a menu identifies the caller before account business (balance, bill, recharge, services):
 * where the check starts, and when it asks for the account's service PIN.
 *
 * @param node   the node a call goes to when it reaches account business unidentified; the
 *               {@code identify} action's {@code ok} then leads back to that business
 * @param askPin when the service PIN is asked for
 */
public record Identity(String node, AskPin askPin) {

    public enum AskPin {
        /**
         * Only when the account is not the calling phone's own: the network's caller id is the
         * proof for the account's own phone.
         */
        OTHER_NUMBERS,
        /** From every caller, the account's own phone included. */
        ALWAYS
    }
}
