package acd.ivr.store;

import acd.ivr.order.OrderDeadlines;
import acd.ivr.selfservice.SelfServiceUnavailableException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The embedded self-service store, open: a connection pool to its database, the schema
 * migrated, the seed applied, and the ports the IVR uses.
 *
 * <pre>{@code
 * StoreSeed seed = StoreSeed.read(Path.of("config"), RoutingIds.of(routingConfig)); // ConfigError on a bad row
 * try (SelfServiceStore store = SelfServiceStore.open(StoreSettings.defaults(), seed)) {
 *     SelfService selfService = store.selfService();
 *     SurveyStore surveys = store.surveys();
 *     CustomerDirectory customers = store.customers();
 *     ...
 * }
 * }</pre>
 *
 * <p>Seeding is idempotent, so it runs at every start: subscribers' profiles (tier, brand,
 * account manager, language) and bills follow the file; a balance is set only when the account
 * is created, so a restart never undoes a recharge; cards are added when new and never changed.
 * Subscribers missing from the file are kept: they may have money on their account.
 */
public final class SelfServiceStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SelfServiceStore.class);

    private final HikariDataSource pool;
    private final StoreSettings settings;
    private final Transactions tx;
    private final JdbcSelfService selfService;
    private final JdbcSurveyStore surveys;
    private final JdbcWorkOrders workOrders;
    private final JdbcReplyTasks replyTasks;
    private final JdbcQaReviews qaReviews;
    private final JdbcTrafficIntervals intervals;
    private final StoredCustomerDirectory customers;

    private SelfServiceStore(HikariDataSource pool, StoreSettings settings, OrderDeadlines deadlines) {
        this.pool = pool;
        this.settings = settings;
        this.tx = new Transactions(pool, settings.describeDatabase());
        this.selfService = new JdbcSelfService(tx, settings);
        this.workOrders = new JdbcWorkOrders(() -> tx, deadlines, settings);
        this.surveys = new JdbcSurveyStore(tx, settings, workOrders);
        this.replyTasks = new JdbcReplyTasks(tx);
        this.qaReviews = new JdbcQaReviews(tx);
        this.intervals = new JdbcTrafficIntervals(() -> tx);
        this.customers = new StoredCustomerDirectory(tx);
    }

    /**
     * Connects, migrates the schema to the latest version and applies {@code seed}.
     *
     * @throws SelfServiceUnavailableException when the database cannot be reached or migrated;
     *                                         nothing is left open then
     */
    public static SelfServiceStore open(StoreSettings settings, StoreSeed seed) {
        return open(settings, seed, OrderDeadlines.STANDARD);
    }

    /**
     * As {@link #open(StoreSettings, StoreSeed)}, with work orders due by {@code deadlines}.
     *
     * @throws SelfServiceUnavailableException when the database cannot be reached or migrated
     */
    public static SelfServiceStore open(StoreSettings settings, StoreSeed seed, OrderDeadlines deadlines) {
        HikariDataSource pool = connect(settings);
        try {
            migrate(pool, settings);
            SelfServiceStore store = new SelfServiceStore(pool, settings, deadlines);
            store.seed(seed);
            return store;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource connect(StoreSettings settings) {
        if (settings.jdbcUrl() == null) {
            try {
                Files.createDirectories(settings.dataDirectory());
            } catch (IOException e) {
                throw new SelfServiceUnavailableException("cannot create the self-service data directory "
                        + settings.dataDirectory() + ": " + e, e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("selfservice");
        config.setJdbcUrl(settings.effectiveJdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxConnections());
        config.setMinimumIdle(Math.min(2, settings.maxConnections()));
        // a caller is waiting on the line: give up soon and let the menu say "try later"
        long timeoutMs = Math.max(250, settings.connectTimeoutMs());
        config.setConnectionTimeout(timeoutMs);
        config.setValidationTimeout(Math.min(timeoutMs, 5_000));
        config.setInitializationFailTimeout(timeoutMs);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SelfServiceUnavailableException("cannot open the self-service store "
                    + settings.describeDatabase() + ": " + cause.getMessage(), e);
        }
    }

    private static void migrate(DataSource pool, StoreSettings settings) {
        try {
            var result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("self-service store {}: schema migrated to version {}", settings.describeDatabase(),
                        result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            throw new SelfServiceUnavailableException("cannot migrate the self-service store "
                    + settings.describeDatabase() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies a seed: creates or updates subscribers, adds new cards. Each file is applied in one
     * transaction, so a failure leaves it as it was.
     */
    public void seed(StoreSeed seed) {
        if (!seed.customers().isEmpty()) {
            int created = tx.run("seeding customers", c -> Seeding.customers(c, seed.customers(),
                    settings.pinHashIterations()));
            LOG.info("self-service store: {} customers seeded, {} of them new", seed.customers().size(), created);
        }
        int added = addCards(seed.cards());
        if (added > 0) {
            LOG.info("self-service store: {} new recharge cards", added);
        }
    }

    /**
     * Adds recharge cards, hashing clear PINs; a card already in the store is left as it is.
     *
     * @return how many cards were new
     */
    public int addCards(List<SeedCard> cards) {
        if (cards.isEmpty()) {
            return 0;
        }
        return tx.run("adding recharge cards", c -> Seeding.cards(c, cards, settings.pinHashIterations()));
    }

    /** Balance, bill, recharge, fault reports and value-added services. */
    public JdbcSelfService selfService() {
        return selfService;
    }

    /** Voicemail messages to answer. */
    public JdbcReplyTasks replyTasks() {
        return replyTasks;
    }

    /** The work orders: faults, complaints, questions and survey follow-ups. */
    public JdbcWorkOrders workOrders() {
        return workOrders;
    }

    Transactions transactions() {
        return tx;
    }

    /** Answered calls, the daily quality sample, its scores and who heard which recording. */
    /** The stored 15-minute intervals, and the survey answers and complaints the reports read beside them. */
    public acd.ivr.report.TrafficIntervals intervals() {
        return intervals;
    }

    public JdbcQaReviews qaReviews() {
        return qaReviews;
    }

    /** Post-call survey answers and the follow-up list. */
    public JdbcSurveyStore surveys() {
        return surveys;
    }

    /** Caller classification from the subscribers. */
    public StoredCustomerDirectory customers() {
        return customers;
    }

    public StoreSettings settings() {
        return settings;
    }

    /** The pool, for tests that put faults between the store and its database. */
    DataSource dataSource() {
        return pool;
    }

    /** Closes the pool; later requests fail with {@link SelfServiceUnavailableException}. */
    @Override
    public void close() {
        pool.close();
    }
}
