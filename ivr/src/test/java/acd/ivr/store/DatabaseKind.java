package acd.ivr.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The databases the store's tests run on: always H2 in a temporary directory; PostgreSQL too
 * when {@code ACD_TEST_POSTGRES_URL} (with {@code ACD_TEST_POSTGRES_USER} and
 * {@code ACD_TEST_POSTGRES_PASSWORD}) names one. Each test gets a database of its own: a new
 * H2 directory, or a new PostgreSQL schema dropped afterwards.
 */
enum DatabaseKind {
    H2,
    POSTGRESQL;

    static final String URL_VARIABLE = "ACD_TEST_POSTGRES_URL";

    /** Settings every store test starts from: cheap PIN hashes, short waits for a dead database. */
    static final StoreSettings TEST_SETTINGS = StoreSettings.defaults()
            .withPinHashIterations(PinHash.MIN_ITERATIONS)
            .withConnectTimeoutMs(1_000);

    boolean available() {
        return this == H2 || postgresUrl() != null;
    }

    String whyUnavailable() {
        return "PostgreSQL tests run when " + URL_VARIABLE + " is set (.ci/run sets it)";
    }

    /** A new, empty database. */
    TestDatabase create() {
        return this == H2 ? h2() : postgres();
    }

    /** A database for one test; closing it deletes it. */
    interface TestDatabase extends AutoCloseable {
        StoreSettings settings();

        @Override
        void close();
    }

    private static TestDatabase h2() {
        Path dir;
        try {
            dir = Files.createTempDirectory("store-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StoreSettings settings = TEST_SETTINGS.withDataDirectory(dir.resolve("data"));
        return new TestDatabase() {
            @Override
            public StoreSettings settings() {
                return settings;
            }

            @Override
            public void close() {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static TestDatabase postgres() {
        String url = postgresUrl();
        String user = System.getenv("ACD_TEST_POSTGRES_USER");
        String password = System.getenv("ACD_TEST_POSTGRES_PASSWORD");
        String schema = "store_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(url, user, password, "CREATE SCHEMA " + schema);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        StoreSettings settings = TEST_SETTINGS.withDatabase(schemaUrl, user, password);
        return new TestDatabase() {
            @Override
            public StoreSettings settings() {
                return settings;
            }

            @Override
            public void close() {
                execute(url, user, password, "DROP SCHEMA " + schema + " CASCADE");
            }
        };
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database at " + url + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    private static String postgresUrl() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? null : url;
    }

    @Override
    public String toString() {
        return this == H2 ? "h2" : "postgresql";
    }
}
