package acd.bench.agi;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One call as Asterisk plays it on a FastAGI connection: sends the header block, checks each
 * command against {@link LoadDialogue}, answers it after the reply delay, and after the hang-up
 * waits for the server to end the session, as Asterisk does. Confined to its event loop.
 */
final class AsteriskCall extends ChannelInboundHandlerAdapter implements Runnable {

    private static final List<LoadDialogue.Step> STEPS = LoadDialogue.STEPS;
    private static final byte[][] REPLIES = STEPS.stream().map(LoadDialogue.Step::replyBytes).toArray(byte[][]::new);

    private final AgiLoadGenerator generator;
    /** Dropped once sent: thousands of open calls should not each keep a copy. */
    private String header;
    private final long replyDelayNanos;
    private final boolean measured;
    private final long connectStartNanos;

    private ChannelHandlerContext ctx;
    private boolean active;
    private int step;
    private byte[] pendingReply;
    private long replySentNanos;
    private boolean hungUp;
    private boolean timedOut;
    private boolean abandoned;
    private String unexpected;
    private boolean finished;

    AsteriskCall(AgiLoadGenerator generator, String header, long replyDelayNanos, boolean measured) {
        this.generator = generator;
        this.header = header;
        this.replyDelayNanos = replyDelayNanos;
        this.measured = measured;
        this.connectStartNanos = System.nanoTime();
    }

    boolean measured() {
        return measured;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        active = true;
        ctx.writeAndFlush(ByteBufUtil.writeAscii(ctx.alloc(), header));
        header = null;
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        long now = System.nanoTime();
        String line = (String) message;
        if (hungUp) {
            generator.countAfterHangup();
            ctx.writeAndFlush(Unpooled.wrappedBuffer(LoadDialogue.deadChannelReply(line)));
            return;
        }
        if (step >= STEPS.size() || pendingReply != null || !STEPS.get(step).matches(line)) {
            // Asterisk would answer; the call is lost for the measurement either way.
            unexpected = pendingReply != null ? line + " (before the previous reply)" : line;
            ctx.writeAndFlush(Unpooled.wrappedBuffer(LoadDialogue.UNKNOWN_COMMAND));
            ctx.close();
            return;
        }
        if (step == 0) {
            generator.recordSetup(now - connectStartNanos);
        } else {
            generator.recordTurnaround(now - replySentNanos);
        }
        generator.countCommand(step);
        pendingReply = REPLIES[step];
        step++;
        if (replyDelayNanos > 0) {
            ctx.executor().schedule(this, replyDelayNanos, TimeUnit.NANOSECONDS);
        } else {
            run();
        }
    }

    /** Sends the pending reply; scheduled when replies are delayed. */
    @Override
    public void run() {
        byte[] reply = pendingReply;
        pendingReply = null;
        if (reply == null || !ctx.channel().isActive()) {
            return;
        }
        if (step == STEPS.size()) {
            hungUp = true;
        }
        replySentNanos = System.nanoTime();
        ctx.writeAndFlush(Unpooled.wrappedBuffer(reply));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            timedOut = true;
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset or a refused connection shows in how the call ended; nothing more to say.
        ctx.close();
    }

    /** The run is over and this call is still open: close it and count it as such. */
    void abandon(Channel channel) {
        channel.eventLoop().execute(() -> {
            abandoned = true;
            channel.close();
        });
    }

    /** Called once, on the event loop, when the channel has closed for whatever reason. */
    void closed() {
        if (finished) {
            return;
        }
        finished = true;
        generator.finished(this, outcome(), unexpected);
    }

    private SessionEnd outcome() {
        if (!active) {
            return SessionEnd.CONNECT_FAILED;
        }
        if (unexpected != null) {
            return SessionEnd.WRONG_SEQUENCE;
        }
        if (hungUp && !timedOut && !abandoned) {
            return SessionEnd.COMPLETED;
        }
        if (timedOut) {
            return SessionEnd.TIMED_OUT;
        }
        if (abandoned) {
            return SessionEnd.UNFINISHED;
        }
        return step == 0 ? SessionEnd.REFUSED : SessionEnd.DROPPED;
    }
}
