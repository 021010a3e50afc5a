package acd.bench.desk;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A wallboard on {@code /cti} that sends its heartbeat at a steady pace and times each round
 * trip to the desk's {@code ack}. A wallboard needs no secret, and its heartbeat takes the same
 * path as an agent's: the same event loop, the same rate limit, the same reply.
 */
public final class HeartbeatProbe implements AutoCloseable {
    private static final String ACK = "\"action\":\"heartbeat\"";
    private static final long LATE_MS = 5_000;

    private final WebSocket socket;
    private final BlockingQueue<Long> acks = new LinkedBlockingQueue<>();

    private HeartbeatProbe(URI cti) throws Exception {
        BlockingQueue<String> opening = new LinkedBlockingQueue<>();
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(cti, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        long at = System.nanoTime();
                        text.append(data);
                        if (last) {
                            String message = text.toString();
                            text.setLength(0);
                            if (message.contains(ACK)) {
                                acks.add(at);
                            } else if (message.contains("\"watching\"")) {
                                opening.add(message);
                            }
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"watch\"}", true);
        if (opening.poll(10, TimeUnit.SECONDS) == null) {
            throw new IllegalStateException("the desk at " + cti + " did not answer a wallboard's watch");
        }
    }

    public static HeartbeatProbe connect(URI cti) throws Exception {
        return new HeartbeatProbe(cti);
    }

    /**
     * Sends one heartbeat every {@code everyMs} for {@code length} and records each round trip
     * in microseconds. The pace stays under the desk's message rate, which would otherwise drop
     * the probe's own heartbeats.
     */
    public Histogram run(Duration length, long everyMs) throws InterruptedException {
        Histogram roundTrips = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            long sent = System.nanoTime();
            socket.sendText("{\"type\":\"heartbeat\"}", true).join();
            Long acked = acks.poll(LATE_MS, TimeUnit.MILLISECONDS);
            if (acked == null) {
                throw new IllegalStateException("no ack to a heartbeat within " + LATE_MS + " ms");
            }
            roundTrips.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(acked - sent)));
            long next = sent + TimeUnit.MILLISECONDS.toNanos(everyMs);
            long pause = next - System.nanoTime();
            if (pause > 0) {
                TimeUnit.NANOSECONDS.sleep(pause);
            }
        }
        return roundTrips;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
