package acd.ivr.store;

import acd.ivr.customer.CustomerDirectory;
import acd.ivr.customer.CustomerProfile;
import acd.ivr.selfservice.SelfServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link CustomerDirectory} over the store's subscribers: one primary-key lookup per call, on a
 * pooled connection, so classification costs well under a millisecond.
 *
 * <p>A caller the store does not know is {@link CustomerProfile#UNKNOWN} (the default tier). So
 * is every caller while the database is unavailable: a call must still reach a person even when
 * the profile cannot be read. The outage is logged once when it starts and once when it ends,
 * not once per call.
 */
public final class StoredCustomerDirectory implements CustomerDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(StoredCustomerDirectory.class);

    private final Transactions tx;
    private final AtomicBoolean failing = new AtomicBoolean();

    StoredCustomerDirectory(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public CustomerProfile find(String callerNumber) {
        if (callerNumber == null || callerNumber.isEmpty()) {
            return CustomerProfile.UNKNOWN;
        }
        try {
            CustomerProfile profile = profile(callerNumber).orElse(CustomerProfile.UNKNOWN);
            if (failing.compareAndSet(true, false)) {
                LOG.info("customer directory: the store answers again; callers are classified again");
            }
            return profile;
        } catch (SelfServiceUnavailableException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.warn("customer directory: callers get the default tier until the store answers again: {}",
                        e.getMessage());
            }
            return CustomerProfile.UNKNOWN;
        }
    }

    /**
     * The caller's profile, or empty for an unknown caller.
     *
     * @throws SelfServiceUnavailableException when the store cannot be read
     */
    public Optional<CustomerProfile> profile(String callerNumber) {
        return tx.read("profile of " + callerNumber, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT tier, brand, account_manager, language FROM subscriber WHERE number = ?")) {
                s.setString(1, callerNumber);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<CustomerProfile>empty();
                    }
                    return Optional.of(new CustomerProfile(r.getString(1), r.getString(2), r.getString(3),
                            r.getString(4)));
                }
            }
        });
    }
}
