package acd.bench.agi;

import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asterisk-Java's {@link DefaultAgiServer} running {@link BlockingLoadScript}, at its defaults: a
 * thread per session from a pool of 10 core and 500 most threads with no queue, so the 501st
 * concurrent session is accepted and closed at once ("Execution was rejected by pool").
 */
final class BaselineServer implements ServerUnderTest {

    private int corePoolSize = 10;
    private int maximumPoolSize = 500;
    private DefaultAgiServer server;
    private Thread acceptor;

    @Override
    public String key() {
        return "baseline";
    }

    @Override
    public String description() {
        return "Asterisk-Java DefaultAgiServer (thread per session, default pool of " + corePoolSize + " to "
                + maximumPoolSize + " threads)";
    }

    @Override
    public InetSocketAddress start() throws IOException, InterruptedException {
        quietRejections();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int port = freePort(loopback);
        CountDownLatch listening = new CountDownLatch(1);
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        mapping.setMappings(Map.of(LoadDialogue.SCRIPT_PATH, new BlockingLoadScript()));
        DefaultAgiServer agiServer = new ListeningAgiServer(mapping, listening);
        corePoolSize = agiServer.getPoolSize();
        maximumPoolSize = agiServer.getMaximumPoolSize();
        agiServer.setAddress(loopback);
        agiServer.setPort(port);
        server = agiServer;
        acceptor = new Thread(() -> {
            try {
                agiServer.startup();
            } catch (IOException e) {
                throw new IllegalStateException("baseline FastAGI server did not start on port " + port, e);
            }
        }, "baseline-agi-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        if (!listening.await(10, TimeUnit.SECONDS)) {
            close();
            throw new IOException("baseline FastAGI server did not start listening on port " + port);
        }
        return new InetSocketAddress(loopback, port);
    }

    /** Says when it listens: Asterisk-Java's {@code startup()} blocks in its accept loop. */
    private static final class ListeningAgiServer extends DefaultAgiServer {
        private final CountDownLatch listening;

        ListeningAgiServer(MappingStrategy mapping, CountDownLatch listening) {
            super(mapping);
            this.listening = listening;
        }

        @Override
        protected ServerSocketFacade createServerSocket() throws IOException {
            ServerSocketFacade socket = super.createServerSocket();
            listening.countDown();
            return socket;
        }
    }

    /**
     * Asterisk-Java warns once per refused connection, through a logger named after the server's
     * class; past its pool size that is thousands of lines. The generator counts the refusals.
     */
    private static void quietRejections() {
        for (String name : List.of(ListeningAgiServer.class.getName(), DefaultAgiServer.class.getName())) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.ERROR);
            }
        }
    }

    /** Asterisk-Java listens on a fixed port only, so a free one is found first. */
    private static int freePort(InetAddress address) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            probe.setReuseAddress(true);
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
        if (acceptor != null) {
            try {
                acceptor.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            acceptor = null;
        }
    }
}
