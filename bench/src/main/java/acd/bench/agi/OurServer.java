package acd.bench.agi;

import acd.cti.agi.AgiScriptRouter;
import acd.cti.agi.FastAgiServer;
import acd.cti.agi.FastAgiSettings;

import java.net.InetSocketAddress;

/** The server's own FastAGI server, {@link FastAgiServer}, running {@link LoadScript}. */
final class OurServer implements ServerUnderTest {

    private final FastAgiSettings settings;
    private FastAgiServer server;

    /**
     * @param maxSessions the session cap; set above the offered concurrency, because a call that
     *                    has just ended on the generator's side may still be closing on the server's
     */
    OurServer(int maxSessions, int ioThreads) {
        this.settings = FastAgiSettings.defaults().withPort(0).withMaxSessions(maxSessions).withIoThreads(ioThreads);
    }

    @Override
    public String key() {
        return "ours";
    }

    @Override
    public String description() {
        return "acd FastAgiServer (Netty, " + settings.ioThreads() + " I/O threads, max "
                + settings.maxSessions() + " sessions)";
    }

    @Override
    public InetSocketAddress start() {
        AgiScriptRouter router = new AgiScriptRouter();
        LoadScript script = new LoadScript();
        router.register(LoadDialogue.SCRIPT_PATH, () -> script);
        server = new FastAgiServer(settings, router);
        return server.start();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
