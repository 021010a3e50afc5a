package acd.cti.agi;

import acd.cti.edge.EdgeRefusals;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the sessions open at once. A connection over the cap is closed with one log line; Asterisk
 * then sees the AGI fail and the dialplan goes on with {@code AGISTATUS=FAILURE}.
 */
@Sharable
final class SessionLimit extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(SessionLimit.class);
    private static final AttributeKey<Boolean> COUNTED = AttributeKey.valueOf(SessionLimit.class, "counted");

    private final int maxSessions;
    private final AtomicInteger open = new AtomicInteger();

    private final EdgeRefusals refusals;

    SessionLimit(int maxSessions) {
        this(maxSessions, new EdgeRefusals());
    }

    SessionLimit(int maxSessions, EdgeRefusals refusals) {
        this.maxSessions = maxSessions;
        this.refusals = refusals;
    }

    int openSessions() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (open.incrementAndGet() > maxSessions) {
            open.decrementAndGet();
            log.warn("refused FastAGI connection from {}: {} sessions already open", ctx.channel().remoteAddress(),
                    maxSessions);
            refusals.refused(EdgeRefusals.AGI, "max_sessions");
            ctx.close();
            return;
        }
        ctx.channel().attr(COUNTED).set(Boolean.TRUE);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ctx.channel().attr(COUNTED).getAndSet(null) != null) {
            open.decrementAndGet();
        }
        ctx.fireChannelInactive();
    }
}
