package acd.server;

import acd.core.config.ConfigError;
import acd.cti.agi.FastAgiSettings;
import acd.cti.seat.SeatGatewaySettings;
import acd.ivr.customer.CallerNumbers;
import acd.ivr.customer.CustomerDirectory;
import acd.pbxsim.PbxSettings;
import acd.server.http.HttpApi;
import acd.server.journal.QueueLogSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerSettingsTest {
    private static final Path CONFIG = Path.of("..", "config");

    @Test
    void theShippedSettingsWriteTheQueueLogUnderDataEverySecond() throws Exception {
        ServerSettings settings = ServerSettings.parse("server.yaml", Files.readString(CONFIG.resolve("server.yaml")));
        assertEquals(new QueueLogSettings("data/queue_log", 1, 32_768), settings.queueLog());
    }

    @Test
    void recordingsAreKeptNinetyDaysAndPrunedOnlyWhereTheServerSeesThem() throws Exception {
        ServerSettings shipped = ServerSettings.parse("server.yaml", Files.readString(CONFIG.resolve("server.yaml")));
        assertEquals(new ServerSettings.Recordings(null, 90), shipped.recordings());
        assertEquals(new ServerSettings.Recordings("/var/spool/asterisk/monitor/acd", 30), ServerSettings.parse(
                "server.yaml", "recordings:\n  directory: /var/spool/asterisk/monitor/acd\n  retentionDays: 30\n")
                .recordings());
        ConfigError error = assertThrows(ConfigError.class, () -> ServerSettings.parse("server.yaml",
                "recordings:\n  retentionDays: 0\n"));
        assertEquals(2, error.line());
        assertTrue(error.getMessage().contains("retentionDays"), error.getMessage());
    }

    @Test
    void theQualitySampleIsTenPercentWithRedosBelowEightyUnlessSaidOtherwise() throws Exception {
        ServerSettings shipped = ServerSettings.parse("server.yaml", Files.readString(CONFIG.resolve("server.yaml")));
        assertEquals(acd.ivr.qa.QaRules.DEFAULTS, shipped.quality());
        assertEquals(new acd.ivr.qa.QaRules(5, 42, 85), ServerSettings.parse("server.yaml",
                "quality:\n  samplePercent: 5\n  seed: 42\n  redoBelow: 85\n").quality());
        ConfigError error = assertThrows(ConfigError.class, () -> ServerSettings.parse("server.yaml",
                "quality:\n  samplePercent: 0\n"));
        assertEquals(2, error.line());
        assertTrue(error.getMessage().contains("samplePercent"), error.getMessage());
    }

    @Test
    void eachTeamLeadsPhoneForListeningInIsAnEndpointOrTheStartStopsAtItsLine() throws Exception {
        ServerSettings shipped = ServerSettings.parse("server.yaml", Files.readString(CONFIG.resolve("server.yaml")));
        assertEquals(java.util.Map.of("lead1", "PJSIP/9001"), shipped.listenInPhones());
        ConfigError error = assertThrows(ConfigError.class, () -> ServerSettings.parse("server.yaml",
                "listenIn:\n  phones:\n    lead1: PJSIP/9001\n    lead2: 9002\n"));
        assertEquals(4, error.line());
        assertTrue(error.getMessage().contains("listenIn.phones.lead2 must be an endpoint like PJSIP/9001"),
                error.getMessage());
    }

    @Test
    void theShippedSettingsWriteCallerIdsAsChinasNumberingPlanDoes() throws Exception {
        ServerSettings settings = ServerSettings.parse("server.yaml", Files.readString(CONFIG.resolve("server.yaml")));
        assertEquals("13900000001", settings.callerNumbers().normalise("+8613900000001"));
        assertEquals(CallerNumbers.CHINA.mobile().pattern(), settings.callerNumbers().mobile().pattern());
    }

    @Test
    void aMobilePatternThatIsNotARegularExpressionStopsTheStartWithItsLine() {
        ConfigError error = assertThrows(ConfigError.class,
                () -> ServerSettings.parse("server.yaml", "callerNumbers:\n  countryCode: \"86\"\n  mobile: \"1[3-9\"\n"));
        assertEquals(3, error.line());
        assertTrue(error.getMessage().contains("mobile is not a regular expression"), error.getMessage());
        ConfigError prefix = assertThrows(ConfigError.class,
                () -> ServerSettings.parse("server.yaml", "callerNumbers:\n  countryCode: \"+86\"\n"));
        assertTrue(prefix.getMessage().contains("countryCode must be digits, found '+86'"), prefix.getMessage());
    }

    @Test
    void theShippedSettingsSetTheEdgeLimitsToTheirSafeDefaults() throws Exception {
        ServerSettings settings = ServerSettings.parse("server.yaml", Files.readString(CONFIG.resolve("server.yaml")));
        assertEquals(HttpApi.Limits.DEFAULTS, settings.httpLimits());
        assertEquals(SeatGatewaySettings.defaults(), settings.desk());
        assertEquals(FastAgiSettings.defaults().idleTimeout(), settings.agi().idleTimeout());
        assertEquals(Path.of("data/audit.log"), settings.auditPath());
    }

    @Test
    void theEdgeLimitsComeFromTheirSections() {
        ServerSettings settings = ServerSettings.parse("server.yaml", """
                http:
                  maxRequestBytes: 4096
                  idleTimeoutSeconds: 20
                  maxConnectionsPerAddress: 900
                desk:
                  maxConnections: 50
                  maxMessageBytes: 8192
                  messagesPerSecond: 5
                  heartbeatIntervalSeconds: 30
                  heartbeatGraceSeconds: 5
                  loginTimeoutSeconds: 12
                  maxLoginFailures: 5
                  ioThreads: 4
                agi:
                  idleTimeoutSeconds: 45
                audit:
                  file: /var/log/acd/audit.log
                """);
        assertEquals(new HttpApi.Limits(4096, 20_000, 900), settings.httpLimits());
        SeatGatewaySettings desk = settings.desk();
        assertEquals(50, desk.maxConnections());
        assertEquals(8192, desk.maxFrameBytes());
        assertEquals(5, desk.messagesPerSecond());
        assertEquals(30_000, desk.heartbeatIntervalMs());
        assertEquals(5_000, desk.heartbeatGraceMs());
        assertEquals(12_000, desk.loginTimeoutMs());
        assertEquals(5, desk.maxLoginFailures());
        assertEquals(4, desk.ioThreads());
        assertEquals(java.time.Duration.ofSeconds(45), settings.agi().idleTimeout());
        assertEquals(Path.of("/var/log/acd/audit.log"), settings.auditPath());
    }

    @Test
    void anEdgeLimitOutOfRangeStopsTheStartWithItsLine() {
        ConfigError error = assertThrows(ConfigError.class, () -> ServerSettings.parse("server.yaml",
                "http:\n  port: 8080\n  maxConnectionsPerAddress: 0\n"));
        assertEquals(3, error.line());
        assertTrue(error.getMessage().contains("maxConnectionsPerAddress"), error.getMessage());
        ConfigError desk = assertThrows(ConfigError.class, () -> ServerSettings.parse("server.yaml",
                "desk:\n  maxMesageBytes: 4096\n"));
        assertEquals(2, desk.line());
        assertTrue(desk.getMessage().contains("maxMessageBytes"), desk.getMessage());
    }

    @Test
    void withoutAQueueLogSectionTheDefaultsApply() {
        assertEquals(QueueLogSettings.DEFAULTS, ServerSettings.parse("server.yaml", "http:\n  port: 8080\n").queueLog());
    }

    @Test
    void aHandOffThatIsNotAPowerOfTwoStopsTheStartWithItsLine() {
        ConfigError error = assertThrows(ConfigError.class, () -> ServerSettings.parse("server.yaml",
                "queueLog:\n  file: /var/log/acd/queue_log\n  bufferLines: 3000\n"));
        assertEquals(3, error.line());
        assertTrue(error.getMessage().contains("power of two"), error.getMessage());
    }

    @Test
    void aMistypedQueueLogKeyIsNamedWithTheRightOne() {
        ConfigError error = assertThrows(ConfigError.class,
                () -> ServerSettings.parse("server.yaml", "queueLog:\n  flushEverySecond: 5\n"));
        assertEquals(2, error.line());
        assertTrue(error.getMessage().contains("flushEverySeconds"), error.getMessage());
    }

    @Test
    void aFlushIntervalOfZeroIsRefused() {
        ConfigError error = assertThrows(ConfigError.class,
                () -> ServerSettings.parse("server.yaml", "queueLog:\n  flushEverySeconds: 0\n"));
        assertEquals(2, error.line());
    }

    @Test
    void aQueueLogThatCannotBeOpenedStopsTheStartNamingTheFile(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        ServerSettings settings = ServerSettings.DEFAULTS.withHttpPort(0).withSelfServiceDataDirectory(dir)
                .withAgi(ServerSettings.DEFAULTS.agi().withPort(0))
                .withQueueLog(QueueLogSettings.DEFAULTS.withFile(notAFolder.resolve("queue_log")));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new AcdServer(CONFIG, settings, CustomerDirectory.NONE, PbxSettings.defaults()));
        assertTrue(error.getMessage().contains("plain-file/queue_log"), error.getMessage());
    }
}
