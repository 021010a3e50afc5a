package acd.server;

import acd.core.config.ConfigError;
import acd.core.config.ConfigFields;
import acd.core.config.ConfigNode;
import acd.core.config.ConfigProblems;
import acd.core.config.EngineSettings;
import acd.cti.agi.FastAgiSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's own settings from {@code config/server.yaml}: the engine's ring, the HTTP API,
 * the FastAGI server and the AMI connection. Routing lives in routing.yaml and agents.yaml.
 *
 * @param engine   ring size and wait strategy
 * @param httpBind the address the HTTP API listens on
 * @param httpPort the HTTP API's port; 0 picks a free one
 * @param agi      the FastAGI server
 * @param ami      the Asterisk to talk to; with no host, the built-in PBX simulator plays it
 */
public record ServerSettings(EngineSettings engine, String httpBind, int httpPort, FastAgiSettings agi, Ami ami) {

    /**
     * @param host       Asterisk's address, or null for the built-in PBX simulator
     * @param port       its AMI port
     * @param username   the AMI user
     * @param secretFile a file holding the secret; without it the secret comes from ACD_AMI_SECRET
     */
    public record Ami(String host, int port, String username, String secretFile) {
        public static final Ami SIMULATED = new Ami(null, 5038, "acd", null);

        public boolean simulated() {
            return host == null || host.isBlank();
        }
    }

    public static final ServerSettings DEFAULTS = new ServerSettings(EngineSettings.DEFAULTS, "127.0.0.1", 8080,
            FastAgiSettings.defaults(), Ami.SIMULATED);
    private static final List<String> HTTP_KEYS = List.of("bind", "port");
    private static final List<String> AGI_KEYS = List.of("bind", "port", "allowedClients", "maxSessions");
    private static final List<String> AMI_KEYS = List.of("host", "port", "username", "secretFile");

    public static ServerSettings parse(String source, String text) throws ConfigError {
        EngineSettings engine = EngineSettings.parse(source, text);
        ConfigProblems problems = new ConfigProblems();
        ConfigFields top = ConfigFields.of(ConfigNode.parse(source, text), "", problems);
        String bind = DEFAULTS.httpBind();
        int port = DEFAULTS.httpPort();
        ConfigFields http = top.has("http") ? top.fields("http", "http") : null;
        if (http != null) {
            http.allowOnly(HTTP_KEYS);
            bind = http.text("bind", bind);
            port = http.integer("port", port, 0, 65_535);
        }
        FastAgiSettings agi = FastAgiSettings.defaults();
        ConfigFields agiFields = top.has("agi") ? top.fields("agi", "agi") : null;
        if (agiFields != null) {
            agiFields.allowOnly(AGI_KEYS);
            List<String> allowed = new ArrayList<>(agi.allowedClients());
            if (agiFields.has("allowedClients")) {
                allowed.clear();
                ConfigNode.ListNode list = agiFields.list("allowedClients");
                if (list != null) {
                    for (ConfigNode item : list.items()) {
                        String name = agiFields.nameOf(item, "allowed client");
                        if (name != null) {
                            allowed.add(name);
                        }
                    }
                }
            }
            try {
                agi = agi.withBindAddress(agiFields.text("bind", agi.bindAddress()))
                        .withPort(agiFields.integer("port", agi.port(), 0, 65_535))
                        .withAllowedClients(allowed)
                        .withMaxSessions(agiFields.integer("maxSessions", agi.maxSessions(), 1, 1_000_000));
            } catch (IllegalArgumentException e) {
                agiFields.report(agiFields.node(), "agi: " + e.getMessage());
            }
        }
        Ami ami = Ami.SIMULATED;
        ConfigFields amiFields = top.has("ami") ? top.fields("ami", "ami") : null;
        if (amiFields != null) {
            amiFields.allowOnly(AMI_KEYS);
            String host = amiFields.text("host", null);
            ami = new Ami(host == null || host.isBlank() ? null : host,
                    amiFields.integer("port", Ami.SIMULATED.port(), 1, 65_535),
                    amiFields.text("username", Ami.SIMULATED.username()),
                    amiFields.text("secretFile", null));
        }
        problems.throwIfAny();
        return new ServerSettings(engine, bind, port, agi, ami);
    }

    public ServerSettings withHttpPort(int newPort) {
        return new ServerSettings(engine, httpBind, newPort, agi, ami);
    }

    public ServerSettings withAgi(FastAgiSettings newAgi) {
        return new ServerSettings(engine, httpBind, httpPort, newAgi, ami);
    }

    public ServerSettings withAmi(Ami newAmi) {
        return new ServerSettings(engine, httpBind, httpPort, agi, newAmi);
    }
}
