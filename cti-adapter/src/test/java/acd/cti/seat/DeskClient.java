package acd.cti.seat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** A seat or supervisor desktop over the JDK's own WebSocket client: what a browser would do. */
final class DeskClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    private DeskClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(WAIT)
                .buildAsync(uri, new Listener())
                .join();
    }

    static DeskClient connect(URI uri) {
        return new DeskClient(uri);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    inbox.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    inbox.add(JSON.createObjectNode().put("type", "client-could-not-parse").put("text", partial.toString()));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closeCode.complete(-1);
        }
    }

    /** Sends one text message; false when the connection is already gone. */
    boolean send(String text) {
        try {
            socket.sendText(text, true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    boolean sendBinary(byte[] bytes) {
        try {
            socket.sendBinary(ByteBuffer.wrap(bytes), true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The next message, whatever it is; fails the test after a while. */
    JsonNode next() {
        JsonNode message = poll(WAIT);
        assertNotNull(message, "no message from the gateway within " + WAIT);
        return message;
    }

    /** The next message, or null if none comes within {@code wait}. */
    JsonNode poll(Duration wait) {
        try {
            return inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next message, which must be of this type. */
    JsonNode next(String type) {
        JsonNode message = next();
        assertEquals(type, message.path("type").asText(), () -> "expected a '" + type + "' message, got " + message);
        return message;
    }

    /** Skips other messages until one of this type comes. */
    JsonNode await(String type) {
        List<JsonNode> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = poll(Duration.ofMillis(50));
            if (message == null) {
                continue;
            }
            if (type.equals(message.path("type").asText())) {
                return message;
            }
            skipped.add(message);
        }
        return fail("no '" + type + "' message within " + WAIT + "; got " + skipped);
    }

    /** Skips messages until this agent's state message with this state comes. */
    JsonNode awaitState(String state) {
        List<JsonNode> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = poll(Duration.ofMillis(50));
            if (message == null) {
                continue;
            }
            if ("state".equals(message.path("type").asText()) && state.equals(message.path("state").asText())) {
                return message;
            }
            skipped.add(message);
        }
        return fail("no state '" + state + "' within " + WAIT + "; got " + skipped);
    }

    /** The error that must come next, checked for its code. */
    JsonNode error(String code) {
        JsonNode message = next("error");
        assertEquals(code, message.path("code").asText(), () -> "error " + message);
        return message;
    }

    /** Skips other messages until an error comes, which must have this code. */
    JsonNode awaitError(String code) {
        JsonNode message = await("error");
        assertEquals(code, message.path("code").asText(), () -> "error " + message);
        return message;
    }

    /** Messages still unread, without waiting. */
    List<JsonNode> drain() {
        List<JsonNode> out = new ArrayList<>();
        inbox.drainTo(out);
        return out;
    }

    /** The close status the gateway sent; fails when the connection is still open after a while. */
    int closeCode() {
        try {
            return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return fail("the gateway did not close the connection within " + WAIT);
        }
    }

    boolean isClosed() {
        return closeCode.isDone() || socket.isInputClosed();
    }

    /** Drops the TCP connection without a close handshake, as a crashed browser would. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed() && !closeCode.isDone()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                // already going
            }
        }
        socket.abort();
    }
}
