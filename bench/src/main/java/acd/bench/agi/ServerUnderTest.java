package acd.bench.agi;

import java.io.IOException;
import java.net.InetSocketAddress;

/** A FastAGI server the load is played against, started and stopped inside the run. */
interface ServerUnderTest extends AutoCloseable {

    /** {@code ours} or {@code baseline}. */
    String key();

    /** What runs, with the settings that matter for the comparison. */
    String description();

    /** Starts listening on loopback; returns once connections are accepted. */
    InetSocketAddress start() throws IOException, InterruptedException;

    /** Stops listening and ends the sessions still open. */
    @Override
    void close();
}
