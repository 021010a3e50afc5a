package acd.server.wallboard;

import acd.server.AcdServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A server's page in headless Chromium: the test starts the server and the browser into these
 * fields, and both are closed after it. Skipped where Chromium is not installed, unless the
 * environment insists on it.
 */
abstract class PageInChromium {
    protected AcdServer server;
    protected HeadlessChromium browser;
    @TempDir
    protected Path dir;

    @BeforeEach
    void needsChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
