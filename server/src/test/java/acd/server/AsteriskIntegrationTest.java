package acd.server;

import acd.core.engine.AgentState;
import acd.ivr.customer.CustomerDirectory;
import acd.pbxsim.PbxSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shipped dialplan against a real Asterisk, when one is installed: a Local-channel caller
 * goes through acd-inbound, AGI /acd, acd-hold and acd-deliver to a Local-channel seat that
 * answers. Without an {@code asterisk} binary on the PATH the test is skipped and says so; the
 * same flow is always checked against pbx-sim by {@link EndToEndTest}.
 */
class AsteriskIntegrationTest {

    private static Path asteriskBinary() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "asterisk");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theShippedDialplanDeliversACallerToASeatOnARealAsterisk(@TempDir Path dir) throws Exception {
        Path asterisk = asteriskBinary();
        assumeTrue(asterisk != null, "no asterisk binary on the PATH: skipping the real-Asterisk run of the shipped "
                + "dialplan (EndToEndTest covers the same flow against pbx-sim)");
        int amiPort = freePort();
        int agiPort = freePort();
        Path etc = Files.createDirectories(dir.resolve("etc"));
        for (String sub : new String[]{"run", "log", "lib", "spool"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(etc.resolve("asterisk.conf"), "[directories]\nastetcdir => " + etc + "\nastrundir => "
                + dir.resolve("run") + "\nastlogdir => " + dir.resolve("log") + "\nastvarlibdir => "
                + dir.resolve("lib") + "\nastspooldir => " + dir.resolve("spool")
                + "\nastmoddir => /usr/lib/asterisk/modules\nastdatadir => /usr/share/asterisk\n");
        Files.writeString(etc.resolve("modules.conf"), "[modules]\nautoload=yes\nnoload => chan_sip.so\n");
        Files.writeString(etc.resolve("musiconhold.conf"), "[default]\nmode=files\ndirectory=moh\n");
        String dialplan = Files.readString(Path.of("..", "config", "asterisk", "extensions.conf"))
                .replace("agi://127.0.0.1:4573", "agi://127.0.0.1:" + agiPort)
                // A seat that answers at once and stays on the line for a few seconds.
                + "\n[test-seats]\nexten => _X.,1,Answer()\n same => n,Wait(3)\n same => n,Hangup()\n";
        Files.writeString(etc.resolve("extensions.conf"), dialplan);
        Files.writeString(etc.resolve("manager.conf"), "[general]\nenabled = yes\nport = " + amiPort
                + "\nbindaddr = 127.0.0.1\n\n[acd]\nsecret = integration\nread = all\nwrite = all\n");
        Path secret = dir.resolve("ami.secret");
        Files.writeString(secret, "integration\n");

        Path config = Files.createDirectories(dir.resolve("config"));
        Files.copy(Path.of("..", "config", "routing.yaml"), config.resolve("routing.yaml"));
        Files.writeString(config.resolve("agents.yaml"), "agents:\n  - id: \"2001\"\n    endpoint: Local/2001@test-seats\n"
                + "    skills: {general: 1, billing: 1, broadband: 1}\n    groups: [general]\n    wrapUpSeconds: 0\n");
        Process pbx = new ProcessBuilder(asterisk.toString(), "-f", "-C", etc.resolve("asterisk.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("asterisk.out").toFile()).start();
        try {
            TimeUnit.SECONDS.sleep(3);
            ServerSettings settings = ServerSettings.DEFAULTS.withHttpPort(0)
                    .withAgi(ServerSettings.DEFAULTS.agi().withPort(agiPort))
                    .withAmi(new ServerSettings.Ami("127.0.0.1", amiPort, "acd", secret.toString()))
                    .withQueueLog(ServerSettings.DEFAULTS.queueLog().withFile(dir.resolve("queue_log")));
            settings = settings.withSelfServiceDataDirectory(dir);
            try (AcdServer server = new AcdServer(config, settings, CustomerDirectory.NONE, PbxSettings.defaults())) {
                for (int i = 0; i < 250 && !server.ami().isConnected(); i++) {
                    Thread.sleep(20);
                }
                try (Socket ami = new Socket("127.0.0.1", amiPort)) {
                    Writer out = new OutputStreamWriter(ami.getOutputStream(), StandardCharsets.UTF_8);
                    BufferedReader in = new BufferedReader(new InputStreamReader(ami.getInputStream(), StandardCharsets.UTF_8));
                    in.readLine();
                    out.write("Action: Login\r\nUsername: acd\r\nSecret: integration\r\n\r\n");
                    // The seat logs in and goes ready with its feature codes, as a seat phone would.
                    for (String code : new String[]{"*21", "*23"}) {
                        out.write("Action: Originate\r\nChannel: Local/" + code + "@acd-seat-features\r\n"
                                + "Application: Wait\r\nData: 1\r\nCallerID: 2001\r\nAsync: true\r\n\r\n");
                        out.flush();
                        Thread.sleep(1_500);
                    }
                    out.write("Action: Originate\r\nChannel: Local/10086@acd-inbound\r\nApplication: Wait\r\n"
                            + "Data: 10\r\nCallerID: 13800000000\r\nAsync: true\r\n\r\n");
                    out.flush();
                    for (int i = 0; i < 100 && server.engine().board().queue(0).answered() == 0; i++) {
                        Thread.sleep(100);
                    }
                    assertEquals(1, server.engine().board().queue(0).answered(), "the caller reached the seat");
                    for (int i = 0; i < 100 && server.engine().board().agents(AgentState.TALKING) > 0; i++) {
                        Thread.sleep(100);
                    }
                    assertEquals(0, server.engine().board().agents(AgentState.TALKING));
                }
            }
        } finally {
            pbx.destroy();
            pbx.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
