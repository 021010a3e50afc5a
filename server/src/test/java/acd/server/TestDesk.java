package acd.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A desk on a running server's {@code /cti}, logged in: sends requests and waits for the answers by type. */
public final class TestDesk implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received;

    private TestDesk(WebSocket socket, BlockingQueue<JsonNode> received) {
        this.socket = socket;
        this.received = received;
    }

    /** Connects to the server and sends {@code login}, waiting for its {@code loggedIn}. */
    public static TestDesk open(AcdServer server, String login) throws Exception {
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.httpPort() + "/cti"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        try {
                            received.add(JSON.readTree(data.toString()));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
        TestDesk desk = new TestDesk(socket, received);
        desk.send(login);
        desk.await("loggedIn");
        return desk;
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message of {@code type}, skipping others; an error instead fails. */
    public JsonNode await(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode message = received.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && type.equals(message.path("type").asText())) {
                return message;
            }
            if (message != null && "error".equals(message.path("type").asText())) {
                throw new AssertionError("error instead of " + type + ": " + message);
            }
        }
        throw new AssertionError("no '" + type + "' message");
    }

    /** The next error, which must carry {@code code}; any other message before it is skipped. */
    public JsonNode awaitError(String code) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode message = received.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && "error".equals(message.path("type").asText())) {
                if (!code.equals(message.path("code").asText())) {
                    throw new AssertionError("error " + message + " where " + code + " was expected");
                }
                return message;
            }
        }
        throw new AssertionError("no '" + code + "' error");
    }

    @Override
    public void close() {
        socket.abort();
    }
}
