package acd.bench.desk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Random;

/** One hostile client at work: its thread, its current connection and what it has done so far. */
public final class Attacker implements AutoCloseable {
    private final Hostility hostility;
    private final InetSocketAddress server;
    private final Random random;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Socket current;
    private volatile long connections;

    Attacker(Hostility hostility, InetSocketAddress server, long seed) {
        this.hostility = hostility;
        this.server = server;
        this.random = new Random(seed);
        this.thread = new Thread(this::run, "hostile-" + hostility.name().toLowerCase());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!stopped) {
            try (Socket socket = new Socket()) {
                current = socket;
                socket.connect(server, 2_000);
                socket.setSoTimeout(5_000);
                connections++;
                hostility.attack(socket, random);
            } catch (IOException closedOnUs) {
                // the server hung up, as it should: go again
            }
        }
    }

    public Hostility hostility() {
        return hostility;
    }

    /** Connections made so far: each one the server closed on the attacker. */
    public long connections() {
        return connections;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        Socket socket = current;
        if (socket != null) {
            try {
                // a blocked write only ends when its socket does
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        thread.join(5_000);
    }
}
