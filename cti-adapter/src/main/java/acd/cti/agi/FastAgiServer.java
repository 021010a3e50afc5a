package acd.cti.agi;

import acd.cti.edge.EdgeRefusals;
import acd.cti.agi.codec.AgiDecoder;
import acd.cti.agi.codec.AgiEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Listens for Asterisk's FastAGI connections and runs a script per call. Sessions share a few
 * event-loop threads: a session waiting for Asterisk holds none.
 *
 * <p>Each connection passes, in order: the client allow-list, the session cap, the idle timer,
 * {@link AgiDecoder}, {@link AgiEncoder} and the session that talks to the script.
 */
public final class FastAgiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    private final FastAgiSettings settings;
    private final AgiScriptRouter router;
    private final ClientAllowList allowList;
    private final SessionLimit sessionLimit;
    private final EdgeRefusals refusals;
    private final AgiEncoder encoder = new AgiEncoder();

    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private ChannelGroup channels;
    private Channel listener;

    public FastAgiServer(FastAgiSettings settings, AgiScriptRouter router) {
        this(settings, router, new EdgeRefusals());
    }

    /** @param refusals where connections refused or cut off are counted, by reason */
    public FastAgiServer(FastAgiSettings settings, AgiScriptRouter router, EdgeRefusals refusals) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.router = Objects.requireNonNull(router, "router");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
        this.allowList = new ClientAllowList(settings.allowedClients(), refusals);
        this.sessionLimit = new SessionLimit(settings.maxSessions(), refusals);
    }

    /**
     * Binds and starts accepting; returns once listening.
     *
     * @return the address listened on, with the actual port when the settings asked for port 0
     * @throws IllegalStateException if the address cannot be bound or the server was started before
     */
    public synchronized InetSocketAddress start() {
        if (listener != null || acceptor != null) {
            throw new IllegalStateException("the FastAGI server was started before");
        }
        acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("fastagi-accept"));
        workers = new NioEventLoopGroup(settings.ioThreads(), new DefaultThreadFactory("fastagi-io"));
        channels = new DefaultChannelGroup("fastagi", GlobalEventExecutor.INSTANCE);
        long idleMs = settings.idleTimeout().toMillis();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        ch.pipeline().addLast(
                                allowList,
                                sessionLimit,
                                new IdleStateHandler(0, 0, idleMs, TimeUnit.MILLISECONDS),
                                new AgiDecoder(settings.maxLineLength(), settings.maxHeaderCount()),
                                encoder,
                                new AgiSession(router, refusals));
                    }
                });
        InetSocketAddress requested = new InetSocketAddress(settings.bindAddress(), settings.port());
        ChannelFuture bind = bootstrap.bind(requested).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            shutDownEventLoops();
            throw new IllegalStateException(
                    "cannot listen for FastAGI on " + requested + ": " + bind.cause().getMessage(), bind.cause());
        }
        listener = bind.channel();
        InetSocketAddress bound = (InetSocketAddress) listener.localAddress();
        log.info("FastAGI listening on {} for {} (scripts {})", bound, settings.allowedClients(), router.paths());
        return bound;
    }

    /** The address listened on; {@code null} before {@link #start()}. */
    public synchronized InetSocketAddress localAddress() {
        return listener == null ? null : (InetSocketAddress) listener.localAddress();
    }

    /** Sessions open right now. */
    public int openSessions() {
        return sessionLimit.openSessions();
    }

    /** Stops accepting, closes every session (their scripts see a hang-up) and stops the threads. */
    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
            listener = null;
        }
        if (channels != null) {
            channels.close().awaitUninterruptibly();
        }
        shutDownEventLoops();
    }

    private void shutDownEventLoops() {
        if (acceptor != null) {
            acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
