package acd.cti.seat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Holds ping frames to the desk's message rate. The protocol handler behind it answers every
 * ping with a pong written at once, and pings never reach the desk's own rate limit, so without
 * this a client could make the desk's thread write ten thousand pongs from one read. Pings over
 * the rate are dropped unanswered; a client that keeps on is told {@link #FLOODING}, which the
 * desk session turns into its close. Browsers cannot send pings, so no desktop page meets it.
 * One per connection, confined to its event loop.
 */
final class PingLimit extends ChannelInboundHandlerAdapter {
    /** Fired down the pipeline once a connection floods pings. */
    static final Object FLOODING = new Object() {
        @Override
        public String toString() {
            return "ping flood";
        }
    };

    private final int perSecond;
    private MessageRateLimit limit;
    private boolean flooded;

    PingLimit(int perSecond) {
        this.perSecond = perSecond;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof PingWebSocketFrame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        long now = System.nanoTime();
        if (limit == null) {
            limit = new MessageRateLimit(perSecond, now);
        }
        MessageRateLimit.Verdict verdict = flooded ? MessageRateLimit.Verdict.DROP : limit.admit(now);
        switch (verdict) {
            case PASS -> ctx.fireChannelRead(msg);
            case FLOOD -> {
                flooded = true;
                ReferenceCountUtil.release(msg);
                ctx.fireUserEventTriggered(FLOODING);
            }
            default -> ReferenceCountUtil.release(msg);
        }
    }
}
