package acd.pbxsim.agi;

import acd.pbxsim.dialplan.AgiScripts;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.Pbx;
import acd.pbxsim.pbx.Prompts;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Asterisk's side of FastAGI: for each AGI() step, a TCP connection to the script's server and
 * an {@link RunAgiSession} serving it. Half-closure is allowed so that a script shutting down its
 * write side still receives the final HANGUP, as with a real Asterisk.
 */
public final class FastAgiClient implements AgiScripts {

    private static final Logger log = LoggerFactory.getLogger(FastAgiClient.class);
    /** AGI_BUF_LEN in res_agi: longer command lines are not commands. */
    private static final int MAX_LINE_LENGTH = 2048;
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final EventLoopGroup group;
    private final Pbx pbx;
    private final Prompts prompts;

    public FastAgiClient(EventLoopGroup group, Pbx pbx, Prompts prompts) {
        this.group = group;
        this.pbx = pbx;
        this.prompts = prompts;
    }

    @Override
    public void run(Channel channel, String url, List<String> args, Consumer<String> done) {
        AgiUrl target;
        try {
            target = AgiUrl.parse(url);
        } catch (IllegalArgumentException e) {
            log.warn("{}: {}", channel.name(), e.getMessage());
            pbx.later(() -> done.accept("FAILURE"));
            return;
        }
        RunAgiSession session = new RunAgiSession(pbx, channel, target, args, prompts, done);
        channel.activity(session);
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(
                                new LineBasedFrameDecoder(MAX_LINE_LENGTH),
                                new StringDecoder(StandardCharsets.UTF_8),
                                new StringEncoder(StandardCharsets.UTF_8),
                                new ScriptHandler(session));
                    }
                });
        b.connect(target.host(), target.port()).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                io.netty.channel.Channel socket = f.channel();
                pbx.execute(() -> session.connected(new NettySocket(socket)));
            } else {
                pbx.execute(() -> session.connectFailed(f.cause()));
            }
        });
    }

    private record NettySocket(io.netty.channel.Channel socket) implements RunAgiSession.AgiSocket {
        @Override
        public void write(String text) {
            if (socket.isActive()) {
                socket.writeAndFlush(text);
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /** Lines from the script go to the PBX thread; so does the end of its input. */
    private final class ScriptHandler extends SimpleChannelInboundHandler<String> {
        private final RunAgiSession session;
        private boolean ended;

        ScriptHandler(RunAgiSession session) {
            this.session = session;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String line) {
            pbx.execute(() -> session.onLine(line));
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof ChannelInputShutdownEvent) {
                scriptEnded();
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            scriptEnded();
        }

        private void scriptEnded() {
            if (!ended) {
                ended = true;
                pbx.execute(session::onScriptClosed);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                log.warn("AGI script sent a line longer than {} bytes; ignored", MAX_LINE_LENGTH);
                return;
            }
            log.debug("AGI connection error: {}", cause.toString());
            ctx.close();
        }
    }
}
