package acd.ivr.store;

import acd.ivr.customer.CustomerProfile;
import acd.ivr.selfservice.Bill;

/**
 * One row of the customers file: the caller's profile, the balance a new account opens with,
 * and optionally the latest bill.
 *
 * @param line        where the row is in its file
 * @param balanceFen  the opening balance; applied only when the account is created
 * @param latestBill  the latest bill, or null
 * @param servicePin  the account's service PIN in clear, or its stored hash ({@link PinHash}),
 *                    or null when it has none; applied only when the account has no PIN yet
 */
public record SeedCustomer(String number, CustomerProfile profile, long balanceFen, Bill latestBill,
                           String servicePin, int line) {
    /** Never shows the PIN: a seed row may end up in a log. */
    @Override
    public String toString() {
        return "SeedCustomer[number=" + number + ", profile=" + profile + ", balanceFen=" + balanceFen
                + ", latestBill=" + latestBill + ", servicePin=" + (servicePin == null ? "none" : "***")
                + ", line=" + line + "]";
    }
}
