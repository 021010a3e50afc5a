package acd.ivr.store;

import acd.ivr.selfservice.PinCheck;
import acd.ivr.selfservice.PinCheck.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@EnumSource(DatabaseKind.class)
class ServicePinTest extends StoreFixture {
    /** From store-customers.csv. */
    static final String ACCOUNT = "13900000001";
    static final String PIN = "246810";
    static final String OTHER_ACCOUNT = "13800000011";
    static final String OTHER_PIN = "731904";
    static final String WITHOUT_PIN = "13600000031";

    ServicePinTest(DatabaseKind kind) {
        super(kind);
    }

    PinCheck check(String number, String pin, long atMs) {
        return selfService().checkServicePin(number, pin, atMs);
    }

    @Test
    void theAccountsOwnPinIsVerifiedAndAnotherAccountsIsNot() {
        assertEquals(new PinCheck(Status.VERIFIED, 3, 0), check(ACCOUNT, PIN, T0));
        assertEquals(new PinCheck(Status.WRONG_PIN, 2, 0), check(ACCOUNT, OTHER_PIN, T0));
        assertEquals(Status.VERIFIED, check(OTHER_ACCOUNT, OTHER_PIN, T0).status());
    }

    @Test
    void theWrongPinThatReachesTheLimitLocksTheAccountEvenAgainstTheRightOne() {
        assertEquals(new PinCheck(Status.WRONG_PIN, 2, 0), check(ACCOUNT, "000000", T0));
        assertEquals(new PinCheck(Status.WRONG_PIN, 1, 0), check(ACCOUNT, "000001", T0 + MINUTE_MS));
        long until = T0 + 2 * MINUTE_MS + 30 * MINUTE_MS;
        assertEquals(new PinCheck(Status.WRONG_PIN, 0, until), check(ACCOUNT, "000002", T0 + 2 * MINUTE_MS),
                "the third starts the lock-out");
        assertEquals(new PinCheck(Status.LOCKED_OUT, 0, until), check(ACCOUNT, PIN, T0 + 3 * MINUTE_MS),
                "no PIN is tried while locked, so guessing on cannot find it");
        assertEquals(Status.VERIFIED, check(OTHER_ACCOUNT, OTHER_PIN, T0 + 3 * MINUTE_MS).status(),
                "the lock is the account's, not everybody's");
    }

    @Test
    void theLockOutEndsOnTimeAndForgivesTheWrongPinsThatEarnedIt() {
        for (int i = 0; i < 3; i++) {
            check(ACCOUNT, "00000" + i, T0);
        }
        long after = T0 + 30 * MINUTE_MS;
        assertEquals(new PinCheck(Status.WRONG_PIN, 2, 0), check(ACCOUNT, "999999", after));
        assertEquals(new PinCheck(Status.VERIFIED, 3, 0), check(ACCOUNT, PIN, after + 1));
        assertEquals(new PinCheck(Status.WRONG_PIN, 2, 0), check(ACCOUNT, "999999", after + 2),
                "the right PIN starts the count again");
    }

    @Test
    void anAccountWithoutAPinOrANumberWithoutAnAccountCannotBeProven() {
        assertEquals(Status.NO_PIN, check(WITHOUT_PIN, "123456", T0).status());
        assertEquals(Status.UNKNOWN_NUMBER, check("13000000000", "123456", T0).status());
    }

    @Test
    void theStoreKeepsOnlyASaltedHashAndARestartKeepsTheCount() throws Exception {
        check(ACCOUNT, "000000", T0);
        restart();
        assertEquals(new PinCheck(Status.WRONG_PIN, 1, 0), check(ACCOUNT, "000001", T0 + 1));

        List<String> hashes = pinHashes();
        assertEquals(2, hashes.size());
        for (String hash : hashes) {
            assertTrue(PinHash.isHash(hash), hash);
            assertTrue(!hash.contains(PIN) && !hash.contains(OTHER_PIN), "no PIN in clear");
        }
        assertNotEquals(hashes.get(0).split("\\$")[2], hashes.get(1).split("\\$")[2], "a salt each");
    }

    @Test
    void reloadingTheCustomersFileKeepsAPinTheStoreAlreadyHas() throws Exception {
        List<String> before = pinHashes();
        store.seed(testSeed());
        assertEquals(before, pinHashes(), "the holder may have changed it since");
    }

    private List<String> pinHashes() throws Exception {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT pin_hash FROM service_pin ORDER BY number DESC");
             ResultSet r = q.executeQuery()) {
            List<String> out = new java.util.ArrayList<>();
            while (r.next()) {
                out.add(r.getString(1));
            }
            return out;
        }
    }
}
