package acd.cti.edge;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the connections one address holds open at once on a port. One over the cap is closed
 * as it opens, counted as {@code per_address}, and logged at most every ten seconds, so a client
 * opening connections in a loop cannot fill the log either. Put it first in the pipeline.
 */
@Sharable
public final class ConnectionsPerAddress extends ChannelInboundHandlerAdapter {
    public static final String REASON = "per_address";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);
    private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf(ConnectionsPerAddress.class, "address");
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final int max;
    private final String edge;
    private final EdgeRefusals refusals;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
    private volatile long lastWarnNanos = System.nanoTime() - WARN_EVERY_NANOS;

    /**
     * @param max      connections one address may hold at once
     * @param edge     which edge this is, for the refusal counts
     * @param refusals where refusals are counted
     */
    public ConnectionsPerAddress(int max, String edge, EdgeRefusals refusals) {
        if (max < 1) {
            throw new IllegalArgumentException("max connections per address must be at least 1, was " + max);
        }
        this.max = max;
        this.edge = edge;
        this.refusals = refusals;
    }

    /** Connections the address holds now. */
    public int openFrom(InetAddress address) {
        AtomicInteger n = open.get(address);
        return n == null ? 0 : n.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress address = addressOf(ctx.channel().remoteAddress());
        if (address == null) {
            ctx.fireChannelActive();
            return;
        }
        AtomicInteger count = open.compute(address, (a, n) -> n == null ? new AtomicInteger(1) : inc(n));
        if (count.get() > max) {
            release(address);
            refusals.refused(edge, REASON);
            long now = System.nanoTime();
            if (now - lastWarnNanos >= WARN_EVERY_NANOS) {
                lastWarnNanos = now;
                LOG.warn("refused a connection from {} on the {} port: {} already open from there (the limit); "
                        + "further refusals are counted in /metrics", address.getHostAddress(), edge, max);
            }
            ctx.close();
            return;
        }
        ctx.channel().attr(COUNTED).set(address);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        InetAddress address = ctx.channel().attr(COUNTED).getAndSet(null);
        if (address != null) {
            release(address);
        }
        ctx.fireChannelInactive();
    }

    private static AtomicInteger inc(AtomicInteger n) {
        n.incrementAndGet();
        return n;
    }

    private void release(InetAddress address) {
        open.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    private static InetAddress addressOf(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
