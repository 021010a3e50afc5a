package acd.pbxsim.ami;

import acd.pbxsim.pbx.Pbx;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The manager interface's TCP listener; it offers every PBX event to each logged-in session. */
public final class AmiServer implements AutoCloseable {

    private final Pbx pbx;
    private final AmiActions actions;
    private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private final AmiEncoder encoder = new AmiEncoder();
    private Channel listener;

    public AmiServer(Pbx pbx, AmiActions actions) {
        this.pbx = pbx;
        this.actions = actions;
    }

    Pbx pbx() {
        return pbx;
    }

    AmiActions actions() {
        return actions;
    }

    /** Binds and returns the port (useful with port 0). */
    public int start(EventLoopGroup boss, EventLoopGroup workers, String bindAddress, int port)
            throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new AmiDecoder(), encoder, new AmiSession(AmiServer.this));
                    }
                });
        listener = b.bind(bindAddress, port).sync().channel();
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public int port() {
        return listener == null ? -1 : ((InetSocketAddress) listener.localAddress()).getPort();
    }

    void opened(AmiSession s) {
        sessions.add(s);
    }

    void closed(AmiSession s) {
        sessions.remove(s);
    }

    /** Called on the PBX thread for each event, in order. */
    public void broadcast(Privilege category, AmiMessage event) {
        for (AmiSession s : sessions) {
            if (s.wants(category)) {
                s.send(event);
            }
        }
    }

    public int connections() {
        return sessions.size();
    }

    /** Closes every client connection but keeps listening, so clients can reconnect. */
    public void dropConnections() {
        for (AmiSession s : sessions) {
            s.close();
        }
    }

    @Override
    public void close() {
        dropConnections();
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
    }
}
