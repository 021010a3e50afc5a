package acd.ivr.store;

import acd.ivr.selfservice.SelfService;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An open store on a fresh database of one {@link DatabaseKind}, seeded with the test
 * subscribers and cards in {@code store-customers.csv} and {@code store-recharge-cards.csv}.
 *
 * <p>Each test class extends this and is run once per database ({@code @ParameterizedClass} over
 * {@link DatabaseKind}), so every case runs on H2 and, when it is configured, on PostgreSQL.
 */
abstract class StoreFixture {
    static final RoutingIds IDS = new RoutingIds(
            new LinkedHashSet<>(List.of("supreme", "diamond", "gold", "silver", "standard")),
            new LinkedHashSet<>(List.of("gotone", "mzone", "easyown")),
            new LinkedHashSet<>(List.of("1001", "1002", "1003", "1004", "2001")));
    static final long T0 = 1_790_000_000_000L;
    static final long HOUR_MS = 3_600_000L;
    static final long MINUTE_MS = 60_000L;

    static {
        // The module has no logging configuration of its own for tests; keep the pool's and
        // Flyway's start-up chatter out of the build log.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // outage warnings are provoked on purpose
        ((Logger) LoggerFactory.getLogger(StoredCustomerDirectory.class)).setLevel(Level.ERROR);
    }

    final DatabaseKind kind;

    DatabaseKind.TestDatabase database;
    SelfServiceStore store;

    StoreFixture(DatabaseKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void openStore() {
        assumeTrue(kind.available(), kind.whyUnavailable());
        database = kind.create();
        store = SelfServiceStore.open(settings(), seed());
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** The settings the store opens with; tests override to change a rule. */
    StoreSettings settings() {
        return database.settings();
    }

    StoreSeed seed() {
        return testSeed();
    }

    SelfService selfService() {
        return store.selfService();
    }

    /** Closes the store and opens it again on the same database, as a server restart does. */
    void restart() {
        store.close();
        store = null;
        store = SelfServiceStore.open(settings(), seed());
    }

    static StoreSeed testSeed() {
        return new StoreSeed(CustomerFile.parse("store-customers.csv", resource("store-customers.csv"), IDS),
                RechargeCardFile.parse("store-recharge-cards.csv", resource("store-recharge-cards.csv")));
    }

    static String resource(String name) {
        try (InputStream in = StoreFixture.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SeedCard card(String number, String pin, long valueFen) {
        return new SeedCard(number, pin, valueFen, 0);
    }

    static List<SeedCard> cards(SeedCard... cards) {
        return List.of(cards);
    }
}
