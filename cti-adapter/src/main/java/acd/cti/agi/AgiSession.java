package acd.cti.agi;

import acd.cti.agi.codec.AgiCommand;
import acd.cti.agi.codec.AgiDecodeError;
import acd.cti.agi.codec.AgiHangup;
import acd.cti.agi.codec.AgiReply;
import acd.cti.agi.codec.AgiRequest;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DuplexChannel;
import acd.cti.edge.EdgeRefusals;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One FastAGI connection: routes its request to a script and carries the script's commands to
 * Asterisk one at a time. All mutable state is confined to the connection's event loop; calls
 * from other threads are handed over to it.
 */
final class AgiSession extends ChannelInboundHandlerAdapter implements AgiChannel {

    private static final Logger log = LoggerFactory.getLogger(AgiSession.class);

    /** Enough for any script that chains its commands; a larger backlog means a runaway loop. */
    static final int MAX_QUEUED_COMMANDS = 64;
    /** How long Asterisk may keep its side open after the script closed ours. */
    static final long CLOSE_LINGER_MS = 5_000;

    private final AgiScriptRouter router;

    private volatile Channel channel;
    private volatile AgiRequest request;
    private volatile boolean hungUp;

    private AgiScript script;
    private final ArrayDeque<PendingCommand> queue = new ArrayDeque<>();
    private PendingCommand inFlight;
    private boolean closing;
    private boolean outputShut;
    private boolean hangupReported;
    private boolean connectionGone;
    private ScheduledFuture<?> lingerTimeout;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private final EdgeRefusals refusals;

    AgiSession(AgiScriptRouter router) {
        this(router, new EdgeRefusals());
    }

    /** @param refusals where sessions refused or cut off are counted */
    AgiSession(AgiScriptRouter router, EdgeRefusals refusals) {
        this.refusals = refusals;
        this.router = Objects.requireNonNull(router, "router");
    }

    private static final class PendingCommand {
        final AgiCommand command;
        final CompletableFuture<AgiReply> reply;
        /** Failed early by a hang-up; Asterisk's reply, when it comes, is swallowed. */
        boolean abandoned;

        PendingCommand(AgiCommand command, CompletableFuture<AgiReply> reply) {
            this.command = command;
            this.reply = reply;
        }
    }

    // ---- AgiChannel

    @Override
    public AgiRequest request() {
        return request;
    }

    @Override
    public SocketAddress remoteAddress() {
        Channel ch = channel;
        return ch == null ? null : ch.remoteAddress();
    }

    @Override
    public boolean isHungUp() {
        return hungUp;
    }

    @Override
    public CompletionStage<AgiReply> send(AgiCommand command) {
        Objects.requireNonNull(command, "command");
        CompletableFuture<AgiReply> reply = new CompletableFuture<>();
        onEventLoop(() -> enqueue(new PendingCommand(command, reply)),
                rejected -> reply.completeExceptionally(
                        new AgiHangupException("connection to Asterisk is closed; '" + command + "' not sent", rejected)));
        return reply;
    }

    @Override
    public CompletionStage<Void> close() {
        onEventLoop(() -> {
            closing = true;
            pump();
        }, rejected -> closed.complete(null));
        return closed;
    }

    private void onEventLoop(Runnable task, Consumer<RejectedExecutionException> whenGone) {
        Channel ch = channel;
        if (ch == null) {
            throw new IllegalStateException("the session has no connection yet");
        }
        EventLoop loop = ch.eventLoop();
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException shutDown) {
            whenGone.accept(shutDown);
        }
    }

    private void enqueue(PendingCommand pending) {
        if (connectionGone) {
            pending.reply.completeExceptionally(
                    new AgiHangupException("connection to Asterisk is closed; '" + pending.command + "' not sent"));
        } else if (closing) {
            pending.reply.completeExceptionally(
                    new IllegalStateException("the AGI session is closing; '" + pending.command + "' not sent"));
        } else if (queue.size() >= MAX_QUEUED_COMMANDS) {
            pending.reply.completeExceptionally(new IllegalStateException(
                    MAX_QUEUED_COMMANDS + " AGI commands already wait; '" + pending.command + "' not sent"));
        } else {
            queue.add(pending);
            pump();
        }
    }

    private void pump() {
        if (inFlight == null && !queue.isEmpty()) {
            PendingCommand next = queue.poll();
            inFlight = next;
            channel.writeAndFlush(next.command).addListener(written -> {
                if (!written.isSuccess()) {
                    writeFailed(next, written.cause());
                }
            });
        }
        if (closing && inFlight == null && queue.isEmpty()) {
            endSession();
        }
    }

    private void writeFailed(PendingCommand pending, Throwable cause) {
        if (inFlight == pending) {
            inFlight = null;
        }
        pending.reply.completeExceptionally(
                new AgiHangupException("could not send '" + pending.command + "' to Asterisk", cause));
        channel.close();
    }

    /** Closes our side as Asterisk expects; Asterisk answers with HANGUP and closes its side. */
    private void endSession() {
        if (outputShut) {
            return;
        }
        outputShut = true;
        Channel ch = channel;
        if (ch.isActive() && ch instanceof DuplexChannel duplex) {
            duplex.shutdownOutput();
            lingerTimeout = ch.eventLoop().schedule(() -> {
                ch.close();
            }, CLOSE_LINGER_MS, TimeUnit.MILLISECONDS);
        } else {
            ch.close();
        }
    }

    // ---- inbound

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof AgiReply reply) {
            onReply(reply);
        } else if (message instanceof AgiHangup) {
            onHangupLine();
        } else if (message instanceof AgiRequest agiRequest) {
            onRequest(ctx, agiRequest);
        } else if (message instanceof AgiDecodeError error) {
            onDecodeError(ctx, error);
        } else {
            ReferenceCountUtil.release(message);
        }
    }

    private void onRequest(ChannelHandlerContext ctx, AgiRequest agiRequest) {
        if (request != null) {
            log.warn("second AGI header block on {} from {} ignored", request.channel(), ctx.channel().remoteAddress());
            return;
        }
        request = agiRequest;
        String path = agiRequest.scriptPath();
        Optional<AgiScript> found;
        try {
            found = router.scriptFor(path);
        } catch (RuntimeException broken) {
            log.error("AGI script {} could not be made for {} on {}", path, agiRequest.callerId(), agiRequest.channel(), broken);
            close();
            return;
        }
        if (found.isEmpty()) {
            log.warn("unknown AGI script {} requested by caller {} on {} from {}; ending the session",
                    path, agiRequest.callerId(), agiRequest.channel(), ctx.channel().remoteAddress());
            verbose("unknown script " + path, 1);
            close();
            return;
        }
        script = found.get();
        try {
            script.start(agiRequest, this);
        } catch (RuntimeException broken) {
            log.error("AGI script {} failed to start on {}", path, agiRequest.channel(), broken);
            close();
        }
    }

    private void onReply(AgiReply reply) {
        if (reply.status() == AgiReply.TRYING) {
            return;
        }
        PendingCommand answered = inFlight;
        if (answered == null) {
            log.warn("AGI reply '{}' on {} with no command waiting; dropped", reply, describe());
            return;
        }
        inFlight = null;
        if (!answered.abandoned) {
            settle(answered, reply);
        }
        pump();
    }

    private void settle(PendingCommand answered, AgiReply reply) {
        switch (reply.status()) {
            case AgiReply.SUCCESS -> answered.reply.complete(reply);
            case AgiReply.DEAD_CHANNEL -> {
                hungUp = true;
                answered.reply.completeExceptionally(new AgiDeadChannelException(answered.command, reply));
            }
            default -> answered.reply.completeExceptionally(new AgiCommandException(answered.command, reply));
        }
    }

    private void onHangupLine() {
        hungUp = true;
        // The HANGUP that follows the end of the session says nothing the script needs to hear.
        if (hangupReported || outputShut) {
            return;
        }
        reportHangup(new AgiHangupException("caller hung up"));
    }

    private void reportHangup(AgiHangupException hangup) {
        hangupReported = true;
        failPending(hangup);
        if (script != null) {
            runHook("onHangup", script::onHangup);
        }
    }

    private void failPending(AgiException cause) {
        if (inFlight != null && !inFlight.abandoned) {
            inFlight.abandoned = true;
            inFlight.reply.completeExceptionally(cause);
        }
        PendingCommand queued;
        while ((queued = queue.poll()) != null) {
            queued.reply.completeExceptionally(cause);
        }
    }

    private void onDecodeError(ChannelHandlerContext ctx, AgiDecodeError error) {
        if (request == null) {
            log.warn("refused FastAGI connection from {}: {}", ctx.channel().remoteAddress(), error);
            refusals.refused(EdgeRefusals.AGI, "bad_request");
            ctx.close();
            return;
        }
        log.warn("unreadable data from Asterisk on {}: {}", describe(), error);
        PendingCommand answered = inFlight;
        if (answered != null) {
            inFlight = null;
            if (!answered.abandoned) {
                answered.reply.completeExceptionally(new AgiProtocolException(answered.command, error));
            }
        }
        if (error.fatal()) {
            ctx.close();
        } else {
            pump();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            // A command in flight may rightly take long (a Dial, a long prompt): Asterisk is busy.
            if (inFlight == null) {
                log.warn("closing idle FastAGI session {}", describe());
                refusals.refused(EdgeRefusals.AGI, "idle_timeout");
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connectionGone = true;
        hungUp = true;
        if (lingerTimeout != null) {
            lingerTimeout.cancel(false);
        }
        AgiHangupException lost = new AgiHangupException("connection to Asterisk closed");
        if (script != null && !hangupReported && !outputShut) {
            reportHangup(lost);
        } else {
            failPending(lost);
        }
        inFlight = null;
        if (script != null) {
            runHook("onEnd", script::onEnd);
        }
        closed.complete(null);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("FastAGI connection {} failed", describe(), cause);
        } else {
            log.warn("FastAGI session {} failed", describe(), cause);
        }
        ctx.close();
    }

    private void runHook(String name, Consumer<AgiChannel> hook) {
        try {
            hook.accept(this);
        } catch (RuntimeException broken) {
            log.warn("AGI script {} threw from {} on {}", request.scriptPath(), name, describe(), broken);
        }
    }

    private String describe() {
        AgiRequest r = request;
        SocketAddress remote = remoteAddress();
        return r == null ? String.valueOf(remote) : r.scriptPath() + " " + r.channel() + " from " + remote;
    }
}
