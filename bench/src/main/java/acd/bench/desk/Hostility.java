package acd.bench.desk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * What a hostile client does to the server's HTTP port, over a plain socket, for as long as it
 * is let: each kind writes as fast as the server reads and connects again whenever the server
 * closes on it. None ever reads a reply unless the protocol needs it to go on.
 */
public enum Hostility {
    /** Random bytes where an HTTP request should be. */
    HTTP_GARBAGE("random bytes instead of an HTTP request") {
        @Override
        void attack(Socket socket, Random random) throws IOException {
            streamRandom(socket.getOutputStream(), random);
        }
    },
    /** A request whose body never ends. */
    HTTP_ENDLESS_BODY("a POST whose 1 GB body keeps coming") {
        @Override
        void attack(Socket socket, Random random) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/queues HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            streamRandom(out, random);
        }
    },
    /** The most expensive GETs there are, pipelined, the replies read as fast as they come. */
    API_HAMMER("pipelined GET /metrics and /api/queues, replies drained") {
        @Override
        void attack(Socket socket, Random random) throws IOException {
            byte[] requests = ("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\nGET /api/queues HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            InputStream in = socket.getInputStream();
            Thread drain = new Thread(() -> {
                byte[] sink = new byte[64 * 1024];
                try {
                    while (in.read(sink) >= 0) {
                        // the replies only have to leave the server
                    }
                } catch (IOException closed) {
                    // the connection is gone
                }
            }, "hostile-drain");
            drain.setDaemon(true);
            drain.start();
            OutputStream out = socket.getOutputStream();
            while (!Thread.currentThread().isInterrupted()) {
                out.write(requests);
            }
        }
    },
    /** A valid handshake, then random bytes where frames should be. */
    DESK_GARBAGE("a valid /cti handshake, then random bytes") {
        @Override
        void attack(Socket socket, Random random) throws IOException {
            handshake(socket, random);
            streamRandom(socket.getOutputStream(), random);
        }
    },
    /** A text frame announced as far over the message limit, its payload streamed. */
    DESK_OVERSIZED_FRAME("a /cti text frame of 2 MiB, streamed") {
        @Override
        void attack(Socket socket, Random random) throws IOException {
            handshake(socket, random);
            OutputStream out = socket.getOutputStream();
            out.write(new byte[]{(byte) 0x81, (byte) 0xFF, 0, 0, 0, 0, 0, 0x20, 0, 0, 1, 2, 3, 4});
            streamRandom(out, random);
        }
    },
    /** Pings as fast as the socket takes them; a pong is owed for each. */
    DESK_PING_FLOOD("/cti ping frames as fast as they go, pongs unread") {
        @Override
        void attack(Socket socket, Random random) throws IOException {
            handshake(socket, random);
            byte[] pings = new byte[6 * 1024];
            for (int i = 0; i < pings.length; i += 6) {
                // FIN + ping, masked, no payload, a zero mask
                pings[i] = (byte) 0x89;
                pings[i + 1] = (byte) 0x80;
            }
            OutputStream out = socket.getOutputStream();
            while (!Thread.currentThread().isInterrupted()) {
                out.write(pings);
            }
        }
    },
    /** Small text frames of broken JSON as fast as they go: each costs a parse and an error reply. */
    DESK_MESSAGE_FLOOD("/cti text frames of broken JSON as fast as they go") {
        @Override
        void attack(Socket socket, Random random) throws IOException {
            handshake(socket, random);
            byte[] payload = "{\"type\":".getBytes(StandardCharsets.US_ASCII);
            byte[] frame = new byte[6 + payload.length];
            frame[0] = (byte) 0x81;
            frame[1] = (byte) (0x80 | payload.length);
            System.arraycopy(payload, 0, frame, 6, payload.length);
            byte[] burst = new byte[frame.length * 512];
            for (int i = 0; i < burst.length; i += frame.length) {
                System.arraycopy(frame, 0, burst, i, frame.length);
            }
            OutputStream out = socket.getOutputStream();
            while (!Thread.currentThread().isInterrupted()) {
                out.write(burst);
            }
        }
    };

    private final String description;

    Hostility(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Writes until the server closes on it or the thread is interrupted. */
    abstract void attack(Socket socket, Random random) throws IOException;

    /**
     * Starts attacking from a thread of its own, again and again, a new connection each time the
     * server closes one, until {@link Attacker#close()}.
     */
    public Attacker start(InetSocketAddress server, long seed) {
        return new Attacker(this, server, seed);
    }

    /** Random bytes made once, so the attacker spends its CPU on sending rather than on making them. */
    static void streamRandom(OutputStream out, Random random) throws IOException {
        byte[] noise = new byte[64 * 1024];
        random.nextBytes(noise);
        int chunk = 16 * 1024;
        while (!Thread.currentThread().isInterrupted()) {
            out.write(noise, random.nextInt(noise.length - chunk), chunk);
        }
    }

    static void handshake(Socket socket, Random random) throws IOException {
        byte[] key = new byte[16];
        random.nextBytes(key);
        socket.getOutputStream().write(("GET /cti HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        // the response ends with an empty line
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }
}
