package acd.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shipped configuration, copied into a test's own folder, with settings that put every
 * port on a free one and every file the server writes (queue_log, data, audit log) in that folder.
 */
public final class ShippedConfig {
    private static final Path CONFIG = Path.of("..", "config");
    private static final String[] FILES = {"routing.yaml", "agents.yaml", "hours.yaml", "server.yaml", "ivr.yaml",
            "work-orders.yaml", "customers.csv"};

    private ShippedConfig() {
    }

    /** Copies the shipped files into {@code dir} and returns the settings to run them there. */
    public static ServerSettings in(Path dir) throws IOException {
        for (String file : FILES) {
            Files.copy(CONFIG.resolve(file), dir.resolve(file));
        }
        ServerSettings settings = ServerSettings.parse("server.yaml", Files.readString(dir.resolve("server.yaml")))
                .withHttpPort(0);
        return settings.withAgi(settings.agi().withPort(0))
                .withQueueLog(settings.queueLog().withFile(dir.resolve("queue_log")))
                .withSelfServiceDataDirectory(dir.resolve("data"));
    }
}
