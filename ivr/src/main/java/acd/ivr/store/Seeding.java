package acd.ivr.store;

import acd.ivr.customer.CustomerProfile;
import acd.ivr.selfservice.Bill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Applies seed rows inside the caller's transaction; safe to repeat. */
final class Seeding {
    private Seeding() {
    }

    /** @return how many subscribers were new */
    static int customers(Connection c, List<SeedCustomer> customers, int iterations) throws SQLException {
        int created = 0;
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE subscriber SET tier = ?, brand = ?, account_manager = ?, language = ? WHERE number = ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO subscriber (tier, brand, account_manager, language, number, balance_fen)"
                             + " VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement updateBill = c.prepareStatement(
                     "UPDATE bill SET amount_fen = ? WHERE number = ? AND period = ?");
             PreparedStatement insertBill = c.prepareStatement(
                     "INSERT INTO bill (amount_fen, number, period) VALUES (?, ?, ?)");
             PreparedStatement pinExists = c.prepareStatement("SELECT 1 FROM service_pin WHERE number = ?");
             PreparedStatement insertPin = c.prepareStatement(
                     "INSERT INTO service_pin (number, pin_hash, wrong_pins, locked_until_ms) VALUES (?, ?, 0, 0)")) {
            for (SeedCustomer customer : customers) {
                CustomerProfile p = customer.profile();
                update.setString(1, p.tier());
                update.setString(2, p.brand());
                update.setString(3, p.accountManager());
                update.setString(4, p.language());
                update.setString(5, customer.number());
                if (update.executeUpdate() == 0) {
                    // only a new account takes the file's balance: an existing one has been
                    // recharged and charged since, and the file knows nothing of that
                    insert.setString(1, p.tier());
                    insert.setString(2, p.brand());
                    insert.setString(3, p.accountManager());
                    insert.setString(4, p.language());
                    insert.setString(5, customer.number());
                    insert.setLong(6, customer.balanceFen());
                    insert.executeUpdate();
                    created++;
                }
                Bill bill = customer.latestBill();
                if (bill != null) {
                    // bills are issued by billing, never changed by a call: the file is the truth
                    updateBill.setLong(1, bill.amountFen());
                    updateBill.setString(2, customer.number());
                    updateBill.setInt(3, bill.period());
                    if (updateBill.executeUpdate() == 0) {
                        insertBill.setLong(1, bill.amountFen());
                        insertBill.setString(2, customer.number());
                        insertBill.setInt(3, bill.period());
                        insertBill.executeUpdate();
                    }
                }
                String pin = customer.servicePin();
                if (pin != null && !hasRow(pinExists, customer.number())) {
                    // only an account without a PIN takes the file's: the holder may have changed it since
                    insertPin.setString(1, customer.number());
                    insertPin.setString(2, PinHash.isHash(pin) ? pin : PinHash.hash(pin, iterations));
                    insertPin.executeUpdate();
                }
            }
        }
        return created;
    }

    private static boolean hasRow(PreparedStatement exists, String key) throws SQLException {
        exists.setString(1, key);
        try (ResultSet r = exists.executeQuery()) {
            return r.next();
        }
    }

    /** @return how many cards were new */
    static int cards(Connection c, List<SeedCard> cards, int iterations) throws SQLException {
        int added = 0;
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM recharge_card WHERE card_number = ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO recharge_card (card_number, pin_hash, value_fen) VALUES (?, ?, ?)")) {
            for (SeedCard card : cards) {
                if (hasRow(exists, card.cardNumber())) {
                    // a known card may have been used; loading the file again must not revive it
                    continue;
                }
                String pin = card.pin();
                insert.setString(1, card.cardNumber());
                insert.setString(2, PinHash.isHash(pin) ? pin : PinHash.hash(pin, iterations));
                insert.setLong(3, card.valueFen());
                insert.executeUpdate();
                added++;
            }
        }
        return added;
    }
}
