package acd.server;

import acd.core.config.ConfigError;
import acd.core.config.ConfigFields;
import acd.core.config.ConfigNode;
import acd.core.config.ConfigProblems;
import acd.core.config.EngineSettings;

import java.util.List;

/**
 * The server's own settings from {@code config/server.yaml}: the engine's ring and the HTTP
 * port. Each adapter reads its own section of the same file.
 *
 * @param engine   ring size and wait strategy
 * @param httpBind the address the HTTP API listens on
 * @param httpPort the HTTP API's port; 0 picks a free one
 */
public record ServerSettings(EngineSettings engine, String httpBind, int httpPort) {
    public static final ServerSettings DEFAULTS = new ServerSettings(EngineSettings.DEFAULTS, "127.0.0.1", 8080);
    private static final List<String> HTTP_KEYS = List.of("bind", "port");

    public static ServerSettings parse(String source, String text) throws ConfigError {
        EngineSettings engine = EngineSettings.parse(source, text);
        ConfigProblems problems = new ConfigProblems();
        ConfigFields top = ConfigFields.of(ConfigNode.parse(source, text), "", problems);
        String bind = DEFAULTS.httpBind();
        int port = DEFAULTS.httpPort();
        if (top.has("http")) {
            ConfigFields http = top.fields("http", "http");
            if (http != null) {
                http.allowOnly(HTTP_KEYS);
                bind = http.text("bind", bind);
                port = http.integer("port", port, 0, 65_535);
            }
        }
        problems.throwIfAny();
        return new ServerSettings(engine, bind, port);
    }

    public ServerSettings withHttpPort(int port) {
        return new ServerSettings(engine, httpBind, port);
    }
}
