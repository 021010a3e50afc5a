package acd.ivr.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the self-service store keeps its data and the business rules it applies.
 *
 * @param dataDirectory        where the embedded H2 database lives (file {@code selfservice.mv.db});
 *                             ignored when {@code jdbcUrl} is set
 * @param jdbcUrl              a JDBC URL to use instead of the embedded database (e.g. PostgreSQL), or null
 * @param user                 the database user for {@code jdbcUrl}, or null
 * @param password             the database password for {@code jdbcUrl}, or null
 * @param maxConnections       connections kept open to the database
 * @param connectTimeoutMs     how long a request waits for a connection before the store counts
 *                             as unavailable; a caller is on the line meanwhile
 * @param normalFaultDueHours  time to resolve a normal fault
 * @param complexFaultDueHours time to resolve a complex fault
 * @param wrongPinLimit        wrong PINs in a row after which a caller is locked out of recharge
 *                             (card PINs) or an account's self-service is locked (service PINs)
 * @param lockOutMinutes       how long either lock-out lasts
 * @param followUpDueHours     time to call a dissatisfied caller back
 * @param dissatisfiedRating   survey ratings from 1 up to this one put the call on the follow-up list
 * @param pinHashIterations    PBKDF2 iterations for card PINs hashed from now on
 */
public record StoreSettings(Path dataDirectory, String jdbcUrl, String user, String password,
                            int maxConnections, long connectTimeoutMs,
                            int normalFaultDueHours, int complexFaultDueHours,
                            int wrongPinLimit, int lockOutMinutes,
                            int followUpDueHours, int dissatisfiedRating,
                            int pinHashIterations) {

    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data");
    /** File name (without H2's {@code .mv.db}) of the embedded database in the data directory. */
    public static final String H2_DATABASE_NAME = "selfservice";
    public static final int DEFAULT_PIN_HASH_ITERATIONS = 100_000;

    public StoreSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        positive("maxConnections", maxConnections);
        positive("connectTimeoutMs", connectTimeoutMs);
        positive("normalFaultDueHours", normalFaultDueHours);
        positive("complexFaultDueHours", complexFaultDueHours);
        positive("wrongPinLimit", wrongPinLimit);
        positive("lockOutMinutes", lockOutMinutes);
        positive("followUpDueHours", followUpDueHours);
        if (dissatisfiedRating < 1 || dissatisfiedRating > 5) {
            throw new IllegalArgumentException("dissatisfiedRating must be 1..5, got " + dissatisfiedRating);
        }
        if (pinHashIterations < PinHash.MIN_ITERATIONS) {
            throw new IllegalArgumentException("pinHashIterations must be at least " + PinHash.MIN_ITERATIONS);
        }
        if (jdbcUrl != null && jdbcUrl.isBlank()) {
            jdbcUrl = null;
        }
    }

    /** The embedded database under {@code data/}, with the hotline's usual rules. */
    public static StoreSettings defaults() {
        return new StoreSettings(DEFAULT_DATA_DIRECTORY, null, null, null, 8, 3_000,
                24, 48, 3, 30, 24, 2, DEFAULT_PIN_HASH_ITERATIONS);
    }

    public StoreSettings withDataDirectory(Path directory) {
        return new StoreSettings(directory, jdbcUrl, user, password, maxConnections, connectTimeoutMs,
                normalFaultDueHours, complexFaultDueHours, wrongPinLimit, lockOutMinutes,
                followUpDueHours, dissatisfiedRating, pinHashIterations);
    }

    /** Uses the database at {@code url} instead of the embedded one. */
    public StoreSettings withDatabase(String url, String dbUser, String dbPassword) {
        return new StoreSettings(dataDirectory, url, dbUser, dbPassword, maxConnections, connectTimeoutMs,
                normalFaultDueHours, complexFaultDueHours, wrongPinLimit, lockOutMinutes,
                followUpDueHours, dissatisfiedRating, pinHashIterations);
    }

    public StoreSettings withConnectTimeoutMs(long timeoutMs) {
        return new StoreSettings(dataDirectory, jdbcUrl, user, password, maxConnections, timeoutMs,
                normalFaultDueHours, complexFaultDueHours, wrongPinLimit, lockOutMinutes,
                followUpDueHours, dissatisfiedRating, pinHashIterations);
    }

    public StoreSettings withPinHashIterations(int iterations) {
        return new StoreSettings(dataDirectory, jdbcUrl, user, password, maxConnections, connectTimeoutMs,
                normalFaultDueHours, complexFaultDueHours, wrongPinLimit, lockOutMinutes,
                followUpDueHours, dissatisfiedRating, iterations);
    }

    /** The URL the store connects to: {@code jdbcUrl}, or the H2 file in the data directory. */
    public String effectiveJdbcUrl() {
        if (jdbcUrl != null) {
            return jdbcUrl;
        }
        // LOCK_TIMEOUT: a recharge waiting on another's row lock (the same card) should wait for
        // it to commit, not fail after H2's default of one second. DB_CLOSE_ON_EXIT=FALSE: the
        // server closes the store itself as it stops, after its last figures are written; H2's
        // own hook would close it under them.
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().normalize().resolve(H2_DATABASE_NAME)
                + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The database as logs and errors name it: the URL without parameters that might hold secrets. */
    public String describeDatabase() {
        String url = effectiveJdbcUrl();
        int cut = indexOfAny(url, ';', '?');
        return cut < 0 ? url : url.substring(0, cut);
    }

    long normalFaultDueMs() {
        return normalFaultDueHours * 3_600_000L;
    }

    long complexFaultDueMs() {
        return complexFaultDueHours * 3_600_000L;
    }

    long lockOutMs() {
        return lockOutMinutes * 60_000L;
    }

    long followUpDueMs() {
        return followUpDueHours * 3_600_000L;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "StoreSettings[database=" + describeDatabase() + ", user=" + user
                + ", password=" + (password == null ? "none" : "***")
                + ", maxConnections=" + maxConnections + ", connectTimeoutMs=" + connectTimeoutMs
                + ", normalFaultDueHours=" + normalFaultDueHours + ", complexFaultDueHours=" + complexFaultDueHours
                + ", wrongPinLimit=" + wrongPinLimit + ", lockOutMinutes=" + lockOutMinutes
                + ", followUpDueHours=" + followUpDueHours + ", dissatisfiedRating=" + dissatisfiedRating
                + ", pinHashIterations=" + pinHashIterations + "]";
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
