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
 */
public record SeedCustomer(String number, CustomerProfile profile, long balanceFen, Bill latestBill, int line) {
}
