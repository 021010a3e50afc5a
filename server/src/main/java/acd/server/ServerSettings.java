package acd.server;

import acd.core.config.ConfigError;
import acd.core.config.ConfigFields;
import acd.core.config.ConfigNode;
import acd.core.config.ConfigProblems;
import acd.core.config.EngineSettings;
import acd.cti.agi.FastAgiSettings;
import acd.cti.seat.SeatGatewaySettings;
import acd.ivr.customer.CallerNumbers;
import acd.ivr.qa.QaRules;
import acd.ivr.store.StoreSettings;
import acd.server.http.HttpApi;
import acd.server.journal.QueueLogSettings;

import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server's own settings from {@code config/server.yaml}: the engine's ring, the HTTP API,
 * the FastAGI server, the AMI connection and the queue_log. Routing lives in routing.yaml and
 * agents.yaml.
 *
 * @param engine   ring size and wait strategy
 * @param httpBind the address the HTTP API listens on
 * @param httpPort the HTTP API's port; 0 picks a free one
 * @param agi      the FastAGI server
 * @param ami      the Asterisk to talk to; with no host, the built-in PBX simulator plays it
 * @param queueLog where the Asterisk-format queue_log is written
 * @param callerNumbers how caller ids are written before callers are looked up
 * @param httpLimits the HTTP port's limits: request size, idle timeout, connections per address
 * @param desk       the seat desktops' WebSocket: its limits and intervals
 * @param auditFile  where the audit log (JSON lines) is written; null for {@code audit.log} in the
 *                   self-service data directory
 * @param recordings how long call recordings are kept, and where the server sees them
 */
public record ServerSettings(EngineSettings engine, String httpBind, int httpPort, FastAgiSettings agi, Ami ami,
                             QueueLogSettings queueLog, SelfService selfService, CallerNumbers callerNumbers,
                             HttpApi.Limits httpLimits, SeatGatewaySettings desk, String auditFile,
                             Recordings recordings, QaRules quality, Map<String, String> listenInPhones) {

    public ServerSettings {
        listenInPhones = Map.copyOf(listenInPhones);
    }

    /**
     * Call recordings: Asterisk writes them (the dialplan's {@code acd-record}), one folder a day
     * under its monitor directory's {@code acd/}; the server deletes the folders older than
     * {@code retentionDays} when it can see them.
     *
     * @param directory     that {@code acd/} folder as the server sees it (same host or a mount), or
     *                      null when it cannot: then Asterisk's host keeps the rule
     * @param retentionDays days a recording is kept after the day of its call
     */
    public record Recordings(String directory, int retentionDays) {
        public static final int DEFAULT_RETENTION_DAYS = 90;
        public static final Recordings DEFAULTS = new Recordings(null, DEFAULT_RETENTION_DAYS);
    }

    /**
     * Where the IVR's self-service data lives and its rules.
     *
     * @param store        the database (embedded H2 under a data directory, or a JDBC URL)
     * @param passwordFile a file holding the database password; without it ACD_DB_PASSWORD
     */
    public record SelfService(StoreSettings store, String passwordFile) {
        public static final SelfService DEFAULTS = new SelfService(StoreSettings.defaults(), null);
    }

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
            FastAgiSettings.defaults(), Ami.SIMULATED, QueueLogSettings.DEFAULTS, SelfService.DEFAULTS, CallerNumbers.CHINA,
            HttpApi.Limits.DEFAULTS, SeatGatewaySettings.defaults(), null, Recordings.DEFAULTS,
            QaRules.DEFAULTS, Map.of());
    private static final List<String> HTTP_KEYS = List.of("bind", "port", "maxRequestBytes", "idleTimeoutSeconds",
            "maxConnectionsPerAddress");
    private static final List<String> AGI_KEYS = List.of("bind", "port", "allowedClients", "maxSessions",
            "idleTimeoutSeconds");
    private static final List<String> DESK_KEYS = List.of("maxConnections", "maxMessageBytes", "messagesPerSecond",
            "heartbeatIntervalSeconds", "heartbeatGraceSeconds", "loginTimeoutSeconds", "maxLoginFailures",
            "ioThreads");
    private static final List<String> AUDIT_KEYS = List.of("file");
    private static final List<String> RECORDING_KEYS = List.of("directory", "retentionDays");
    private static final List<String> QUALITY_KEYS = List.of("samplePercent", "seed", "redoBelow");
    private static final List<String> LISTEN_IN_KEYS = List.of("phones");
    private static final List<String> AMI_KEYS = List.of("host", "port", "username", "secretFile");
    private static final List<String> CALLER_NUMBER_KEYS = List.of("countryCode", "internationalPrefix", "trunkPrefix",
            "mobile");
    private static final List<String> QUEUE_LOG_KEYS = List.of("file", "flushEverySeconds", "bufferLines");
    private static final List<String> SELF_SERVICE_KEYS = List.of("dataDirectory", "jdbcUrl", "user", "passwordFile",
            "maxConnections", "connectTimeoutMs", "normalFaultDueHours", "complexFaultDueHours", "wrongPinLimit",
            "lockOutMinutes", "followUpDueHours", "dissatisfiedRating");

    public static ServerSettings parse(String source, String text) throws ConfigError {
        ConfigProblems problems = new ConfigProblems();
        ConfigFields top = ConfigFields.of(ConfigNode.parse(source, text), "", problems);
        EngineSettings engine = EngineSettings.read(top);
        String bind = DEFAULTS.httpBind();
        int port = DEFAULTS.httpPort();
        HttpApi.Limits httpLimits = HttpApi.Limits.DEFAULTS;
        ConfigFields http = top.has("http") ? top.fields("http", "http") : null;
        if (http != null) {
            http.allowOnly(HTTP_KEYS);
            bind = http.text("bind", bind);
            port = http.integer("port", port, 0, 65_535);
            httpLimits = new HttpApi.Limits(
                    http.integer("maxRequestBytes", httpLimits.maxRequestBytes(), 1024, 16 * 1024 * 1024),
                    http.integer("idleTimeoutSeconds", (int) (httpLimits.idleTimeoutMs() / 1000), 1, 86_400) * 1000L,
                    http.integer("maxConnectionsPerAddress", httpLimits.maxConnectionsPerAddress(), 1, 1_000_000));
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
                        .withMaxSessions(agiFields.integer("maxSessions", agi.maxSessions(), 1, 1_000_000))
                        .withIdleTimeout(java.time.Duration.ofSeconds(agiFields.integer("idleTimeoutSeconds",
                                (int) agi.idleTimeout().toSeconds(), 1, 86_400)));
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
        QueueLogSettings queueLog = queueLog(top);
        SelfService selfService = selfService(top);
        CallerNumbers callerNumbers = callerNumbers(top);
        SeatGatewaySettings desk = desk(top);
        String auditFile = DEFAULTS.auditFile();
        ConfigFields audit = top.has("audit") ? top.fields("audit", "audit") : null;
        if (audit != null) {
            audit.allowOnly(AUDIT_KEYS);
            String file = audit.text("file", null);
            auditFile = file == null || file.isBlank() ? null : file.strip();
        }
        Recordings recordings = Recordings.DEFAULTS;
        ConfigFields recordingFields = top.has("recordings") ? top.fields("recordings", "recordings") : null;
        if (recordingFields != null) {
            recordingFields.allowOnly(RECORDING_KEYS);
            String directory = recordingFields.text("directory", null);
            recordings = new Recordings(directory == null || directory.isBlank() ? null : directory.strip(),
                    recordingFields.integer("retentionDays", Recordings.DEFAULT_RETENTION_DAYS, 1, 36_500));
        }
        QaRules quality = QaRules.DEFAULTS;
        ConfigFields qualityFields = top.has("quality") ? top.fields("quality", "quality") : null;
        if (qualityFields != null) {
            qualityFields.allowOnly(QUALITY_KEYS);
            quality = new QaRules(qualityFields.integer("samplePercent", QaRules.DEFAULT_SAMPLE_PERCENT, 1, 100),
                    qualityFields.integer("seed", (int) QaRules.DEFAULT_SEED, 0, Integer.MAX_VALUE),
                    qualityFields.integer("redoBelow", QaRules.DEFAULT_REDO_BELOW, 0, 100));
        }
        Map<String, String> listenInPhones = listenInPhones(top);
        problems.throwIfAny();
        return new ServerSettings(engine, bind, port, agi, ami, queueLog, selfService, callerNumbers, httpLimits, desk,
                auditFile, recordings, quality, listenInPhones);
    }

    /** {@code listenIn.phones}: supervisor id to the endpoint of the lead's own phone ({@code PJSIP/9001}). */
    private static Map<String, String> listenInPhones(ConfigFields top) {
        Map<String, String> phones = new java.util.LinkedHashMap<>();
        ConfigFields f = top.has("listenIn") ? top.fields("listenIn", "listenIn") : null;
        if (f == null) {
            return phones;
        }
        f.allowOnly(LISTEN_IN_KEYS);
        ConfigNode.MapNode map = f.has("phones") ? f.map("phones") : null;
        if (map == null) {
            return phones;
        }
        for (Map.Entry<String, ConfigNode> e : map.values().entrySet()) {
            ConfigNode v = e.getValue();
            if (v instanceof ConfigNode.ScalarNode s && s.kind() == ConfigNode.ScalarNode.Kind.STRING
                    && s.text().matches("[A-Za-z0-9]+/[^\\s,()&|]+")) {
                phones.put(e.getKey(), s.text());
            } else {
                f.report(v, "listenIn.phones." + e.getKey() + " must be an endpoint like PJSIP/9001, found "
                        + v.describe());
            }
        }
        return phones;
    }

    private static SeatGatewaySettings desk(ConfigFields top) {
        SeatGatewaySettings d = SeatGatewaySettings.defaults();
        ConfigFields f = top.has("desk") ? top.fields("desk", "desk") : null;
        if (f == null) {
            return d;
        }
        f.allowOnly(DESK_KEYS);
        try {
            return d.withMaxConnections(f.integer("maxConnections", d.maxConnections(), 1, 1_000_000))
                    .withMaxFrameBytes(f.integer("maxMessageBytes", d.maxFrameBytes(), 1024, 16 * 1024 * 1024))
                    .withMessagesPerSecond(f.integer("messagesPerSecond", d.messagesPerSecond(), 1, 10_000))
                    .withHeartbeat(f.integer("heartbeatIntervalSeconds", (int) (d.heartbeatIntervalMs() / 1000), 1,
                                    3_600) * 1000L,
                            f.integer("heartbeatGraceSeconds", (int) (d.heartbeatGraceMs() / 1000), 0, 3_600) * 1000L)
                    .withLoginTimeoutMs(f.integer("loginTimeoutSeconds", (int) (d.loginTimeoutMs() / 1000), 1, 3_600)
                            * 1000L)
                    .withMaxLoginFailures(f.integer("maxLoginFailures", d.maxLoginFailures(), 1, 100))
                    .withIoThreads(f.integer("ioThreads", d.ioThreads(), 1, 64));
        } catch (IllegalArgumentException e) {
            f.report(f.node(), "desk: " + e.getMessage());
            return d;
        }
    }

    private static SelfService selfService(ConfigFields top) {
        ConfigFields f = top.has("selfService") ? top.fields("selfService", "selfService") : null;
        if (f == null) {
            return SelfService.DEFAULTS;
        }
        f.allowOnly(SELF_SERVICE_KEYS);
        StoreSettings d = StoreSettings.defaults();
        String dir = f.text("dataDirectory", d.dataDirectory().toString());
        try {
            StoreSettings store = new StoreSettings(Path.of(dir == null || dir.isBlank() ? "data" : dir.strip()),
                    f.text("jdbcUrl", null), f.text("user", null), null,
                    f.integer("maxConnections", d.maxConnections(), 1, 1_000),
                    f.integer("connectTimeoutMs", (int) d.connectTimeoutMs(), 100, 600_000),
                    f.integer("normalFaultDueHours", d.normalFaultDueHours(), 1, 10_000),
                    f.integer("complexFaultDueHours", d.complexFaultDueHours(), 1, 10_000),
                    f.integer("wrongPinLimit", d.wrongPinLimit(), 1, 100),
                    f.integer("lockOutMinutes", d.lockOutMinutes(), 1, 100_000),
                    f.integer("followUpDueHours", d.followUpDueHours(), 1, 10_000),
                    f.integer("dissatisfiedRating", d.dissatisfiedRating(), 1, 5),
                    d.pinHashIterations());
            return new SelfService(store, f.text("passwordFile", null));
        } catch (IllegalArgumentException e) {
            f.report(f.node(), "selfService: " + e.getMessage());
            return SelfService.DEFAULTS;
        }
    }

    private static CallerNumbers callerNumbers(ConfigFields top) {
        CallerNumbers d = CallerNumbers.CHINA;
        ConfigFields f = top.has("callerNumbers") ? top.fields("callerNumbers", "callerNumbers") : null;
        if (f == null) {
            return d;
        }
        f.allowOnly(CALLER_NUMBER_KEYS);
        String mobile = f.text("mobile", d.mobile().pattern());
        Pattern pattern;
        try {
            pattern = Pattern.compile(mobile == null ? "" : mobile);
        } catch (PatternSyntaxException e) {
            f.report(f.value("mobile"), "mobile is not a regular expression: " + e.getDescription());
            return d;
        }
        try {
            return new CallerNumbers(f.text("countryCode", d.countryCode()), f.text("internationalPrefix",
                    d.internationalPrefix()), f.text("trunkPrefix", d.trunkPrefix()), pattern);
        } catch (IllegalArgumentException e) {
            f.report(f.node(), "callerNumbers: " + e.getMessage());
            return d;
        }
    }

    private static QueueLogSettings queueLog(ConfigFields top) {
        QueueLogSettings defaults = QueueLogSettings.DEFAULTS;
        ConfigFields fields = top.has("queueLog") ? top.fields("queueLog", "queueLog") : null;
        if (fields == null) {
            return defaults;
        }
        fields.allowOnly(QUEUE_LOG_KEYS);
        String file = fields.text("file", defaults.file());
        if (file == null || file.isBlank()) {
            fields.report(fields.keyNode("file"), "file must name a file");
            file = defaults.file();
        }
        int flushEverySeconds = fields.integer("flushEverySeconds", defaults.flushEverySeconds(), 1,
                QueueLogSettings.MAX_FLUSH_EVERY_SECONDS);
        int bufferLines = fields.integer("bufferLines", defaults.bufferLines(), QueueLogSettings.MIN_BUFFER_LINES,
                QueueLogSettings.MAX_BUFFER_LINES);
        if (Integer.bitCount(bufferLines) != 1) {
            fields.report(fields.value("bufferLines"), "bufferLines must be a power of two, found " + bufferLines);
            bufferLines = defaults.bufferLines();
        }
        return new QueueLogSettings(file.strip(), flushEverySeconds, bufferLines);
    }

    public ServerSettings withHttpPort(int newPort) {
        return new ServerSettings(engine, httpBind, newPort, agi, ami, queueLog, selfService, callerNumbers, httpLimits, desk, auditFile, recordings, quality, listenInPhones);
    }

    public ServerSettings withAgi(FastAgiSettings newAgi) {
        return new ServerSettings(engine, httpBind, httpPort, newAgi, ami, queueLog, selfService, callerNumbers, httpLimits, desk, auditFile, recordings, quality, listenInPhones);
    }

    public ServerSettings withAmi(Ami newAmi) {
        return new ServerSettings(engine, httpBind, httpPort, agi, newAmi, queueLog, selfService, callerNumbers, httpLimits, desk, auditFile, recordings, quality, listenInPhones);
    }

    public ServerSettings withQueueLog(QueueLogSettings newQueueLog) {
        return new ServerSettings(engine, httpBind, httpPort, agi, ami, newQueueLog, selfService, callerNumbers, httpLimits, desk, auditFile, recordings, quality, listenInPhones);
    }

    /** Keeps the embedded self-service database in {@code directory}. */
    public ServerSettings withSelfServiceDataDirectory(Path directory) {
        return withSelfService(new SelfService(selfService.store().withDataDirectory(directory),
                selfService.passwordFile()));
    }

    public ServerSettings withHttpBind(String newBind) {
        return new ServerSettings(engine, newBind, httpPort, agi, ami, queueLog, selfService, callerNumbers, httpLimits, desk, auditFile, recordings, quality, listenInPhones);
    }

    public ServerSettings withSelfService(SelfService newSelfService) {
        return new ServerSettings(engine, httpBind, httpPort, agi, ami, queueLog, newSelfService, callerNumbers, httpLimits, desk, auditFile, recordings, quality, listenInPhones);
    }

    /** Where the audit log goes: the configured file, or {@code audit.log} in the data directory. */
    public Path auditPath() {
        return auditFile != null ? Path.of(auditFile) : selfService.store().dataDirectory().resolve("audit.log");
    }

    public ServerSettings withDesk(SeatGatewaySettings newDesk) {
        return new ServerSettings(engine, httpBind, httpPort, agi, ami, queueLog, selfService, callerNumbers, httpLimits,
                newDesk, auditFile, recordings, quality, listenInPhones);
    }

    public ServerSettings withHttpLimits(HttpApi.Limits newLimits) {
        return new ServerSettings(engine, httpBind, httpPort, agi, ami, queueLog, selfService, callerNumbers, newLimits,
                desk, auditFile, recordings, quality, listenInPhones);
    }

    public ServerSettings withAuditFile(String newAuditFile) {
        return new ServerSettings(engine, httpBind, httpPort, agi, ami, queueLog, selfService, callerNumbers, httpLimits,
                desk, newAuditFile, recordings, quality, listenInPhones);
    }

    public ServerSettings withRecordings(Recordings newRecordings) {
        return new ServerSettings(engine, httpBind, httpPort, agi, ami, queueLog, selfService, callerNumbers, httpLimits,
                desk, auditFile, newRecordings, quality, listenInPhones);
    }

    public ServerSettings withListenInPhones(Map<String, String> phones) {
        return new ServerSettings(engine, httpBind, httpPort, agi, ami, queueLog, selfService, callerNumbers, httpLimits,
                desk, auditFile, recordings, quality, phones);
    }

    public ServerSettings withQuality(QaRules newQuality) {
        return new ServerSettings(engine, httpBind, httpPort, agi, ami, queueLog, selfService, callerNumbers, httpLimits,
                desk, auditFile, recordings, newQuality, listenInPhones);
    }
}
