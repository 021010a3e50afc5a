package acd.pbxsim.ami;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One manager connection: the banner on connect, then its actions handed to the PBX thread in
 * arrival order. Login state and event filters live here; {@link AmiActions} changes them on the
 * PBX thread, which is also where events are offered, so no locking is needed.
 */
public final class AmiSession extends SimpleChannelInboundHandler<Object> {

    private static final Logger log = LoggerFactory.getLogger(AmiSession.class);

    private final AmiServer server;
    private volatile Channel channel;
    private boolean authenticated;
    private boolean closing;
    private String username = "";
    private int readMask;
    private int writeMask;
    private int eventMask = Privilege.ALL;
    private String challenge = "";

    AmiSession(AmiServer server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.channel = ctx.channel();
        server.opened(this);
        ctx.writeAndFlush(Unpooled.copiedBuffer(AmiWire.BANNER, StandardCharsets.UTF_8));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        server.closed(this);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof AmiMessage action) {
            server.pbx().execute(() -> server.actions().handle(this, action));
        } else if (msg instanceof AmiDecodeError error) {
            log.warn("AMI client {}: {}", ctx.channel().remoteAddress(), error.reason());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("AMI connection error: {}", cause.toString());
        ctx.close();
    }

    // ---- state, read and changed on the PBX thread ----

    public boolean authenticated() {
        return authenticated;
    }

    void loggedIn(AmiUser user, int events) {
        this.authenticated = true;
        this.username = user.username();
        this.readMask = user.readMask();
        this.writeMask = user.writeMask();
        if (events >= 0) {
            this.eventMask = events;
        }
    }

    public String username() {
        return username;
    }

    int readMask() {
        return readMask;
    }

    int writeMask() {
        return writeMask;
    }

    int eventMask() {
        return eventMask;
    }

    void eventMask(int mask) {
        this.eventMask = mask;
    }

    String challenge() {
        return challenge;
    }

    void challenge(String value) {
        this.challenge = value;
    }

    boolean closing() {
        return closing;
    }

    /** Whether an event of this category goes to this client (manager.c's readperm and send_events). */
    boolean wants(Privilege category) {
        int bit = category.bit();
        return authenticated && !closing && (readMask & bit) == bit && (eventMask & bit) == bit;
    }

    public void send(AmiMessage message) {
        Channel c = channel;
        if (c != null && c.isActive()) {
            c.writeAndFlush(message);
        }
    }

    /** Sends a last block and closes, as Logoff and a failed Login do. */
    void sendAndClose(AmiMessage message) {
        closing = true;
        Channel c = channel;
        if (c != null && c.isActive()) {
            c.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Asterisk sleeps a second before refusing a login; the connection is useless meanwhile. */
    void refuseAfter(long delayMs, AmiMessage message) {
        closing = true;
        Channel c = channel;
        if (c != null) {
            c.eventLoop().schedule(() -> {
                if (c.isActive()) {
                    c.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
                }
            }, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    public void close() {
        closing = true;
        Channel c = channel;
        if (c != null) {
            c.close();
        }
    }
}
