package acd.cti.seat;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Lets only RFC 6455 handshakes reach the desk's WebSocket endpoint. Netty also speaks the
 * obsolete drafts (hixie-76, hybi-07, hybi-08), whose frames escape the message limits; a client
 * asking for one gets 426 with the one version served (RFC 6455 §4.4). A {@code Sec-WebSocket-Key}
 * that is not base64 of 16 bytes is refused with 400, as §4.2.1 says a server must.
 *
 * <p>A valid handshake moves the connection onto the desk's own event loops before it goes on
 * to the WebSocket handler, so from then on the desktop shares no thread with the HTTP API
 * the port also serves. Reads pause during the move; the handshake request is handed on from
 * the new loop.
 */
@ChannelHandler.Sharable
final class HandshakeGuard extends ChannelInboundHandlerAdapter {
    static final String VERSION = "13";
    private static final int KEY_BYTES = 16;

    private final String path;
    private final SeatGateway gateway;
    private final EventLoopGroup deskLoops;

    HandshakeGuard(SeatGateway gateway) {
        this.gateway = gateway;
        this.path = gateway.settings.path();
        this.deskLoops = gateway.deskLoops();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest request && isUpgradeToDesk(request)) {
            String version = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION);
            if (!VERSION.equals(version == null ? null : version.strip())) {
                gateway.refused("handshake_version");
                refuse(ctx, request, HttpResponseStatus.UPGRADE_REQUIRED, "only WebSocket version 13 (RFC 6455) is "
                        + "served; asked for " + (version == null ? "a pre-standard draft" : "version " + version));
                return;
            }
            if (!validKey(request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_KEY))) {
                gateway.refused("handshake_key");
                refuse(ctx, request, HttpResponseStatus.BAD_REQUEST,
                        "Sec-WebSocket-Key must be base64 of 16 bytes (RFC 6455 4.2.1)");
                return;
            }
            if (!gateway.admitConnection(ctx.channel())) {
                gateway.refused("max_connections");
                refuse(ctx, request, HttpResponseStatus.SERVICE_UNAVAILABLE, "the desk has "
                        + gateway.settings.maxConnections() + " connections already (its limit); try again later");
                return;
            }
            if (ctx.channel().eventLoop().parent() != deskLoops) {
                moveToDeskLoops(ctx, request);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void moveToDeskLoops(ChannelHandlerContext ctx, FullHttpRequest request) {
        Channel channel = ctx.channel();
        channel.config().setAutoRead(false);
        // The HTTP port's idle timeout: a desktop has its heartbeat and login deadline instead.
        if (channel.pipeline().get(IdleStateHandler.class) != null) {
            channel.pipeline().remove(IdleStateHandler.class);
        }
        channel.deregister().addListener(deregistered -> {
            if (!deregistered.isSuccess() || deskLoops.isShuttingDown()) {
                // the server is stopping: the connection goes with it
                ReferenceCountUtil.release(request);
                channel.unsafe().closeForcibly();
                return;
            }
            deskLoops.register(channel).addListener(registered -> {
                if (!registered.isSuccess()) {
                    ReferenceCountUtil.release(request);
                    channel.unsafe().closeForcibly();
                    return;
                }
                ctx.fireChannelRead(request);
                channel.config().setAutoRead(true);
            });
        });
    }

    private boolean isUpgradeToDesk(FullHttpRequest request) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        String requestPath = query < 0 ? uri : uri.substring(0, query);
        return requestPath.equals(path)
                && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    static boolean validKey(String key) {
        if (key == null) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key.strip()).length == KEY_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static void refuse(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
                               String why) {
        ReferenceCountUtil.release(request);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(why + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.headers().set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, VERSION);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        HttpUtil.setContentLength(response, response.content().readableBytes());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
