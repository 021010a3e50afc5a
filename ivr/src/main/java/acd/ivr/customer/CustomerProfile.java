package acd.ivr.customer;

/**
 * What the customer directory knows about a caller.
 *
 * @param tier           tier id (e.g. {@code diamond}), or null for the default tier
 * @param brand          brand id (e.g. {@code gotone}), or null
 * @param accountManager the agent id of the caller's own account manager, or null
 * @param language       preferred language (e.g. {@code zh}, {@code en}), or null
 */
public record CustomerProfile(String tier, String brand, String accountManager, String language) {
    public static final CustomerProfile UNKNOWN = new CustomerProfile(null, null, null, null);
}
