package acd.server;

import acd.ivr.customer.CustomerDirectory;
import acd.cti.seat.SecretHash;
import acd.pbxsim.PbxSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A seat desktop reaches the gateway on the server's own HTTP port. */
class SeatDesktopTest {

    @Test
    void aDesktopLogsInAtCtiOnTheHttpPort(@TempDir Path dir) throws Exception {
        ServerSettings settings = ShippedConfig.in(dir);
        Files.writeString(dir.resolve("seat-credentials.yaml"),
                "agents:\n  \"2001\": " + SecretHash.hash("s3cret".toCharArray(), 1_000) + "\n");
        try (AcdServer server = new AcdServer(dir, settings, CustomerDirectory.NONE, PbxSettings.defaults())) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket desktop = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.httpPort() + "/cti"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            received.add(data.toString());
                            ws.request(1);
                            return null;
                        }
                    }).get(5, TimeUnit.SECONDS);
            desktop.sendText("{\"type\":\"login\",\"agent\":\"2001\",\"secret\":\"s3cret\"}", true);
            String reply = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(reply, "no reply to the login");
            assertTrue(reply.contains("\"loggedIn\""), reply);
            desktop.abort();
        }
    }
}
