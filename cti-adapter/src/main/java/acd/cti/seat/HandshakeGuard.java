package acd.cti.seat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Lets only RFC 6455 handshakes reach the desk's WebSocket endpoint. Netty also speaks the
 * obsolete drafts (hixie-76, hybi-07, hybi-08), whose frames escape the message limits; a client
 * asking for one gets 426 with the one version served (RFC 6455 §4.4). A {@code Sec-WebSocket-Key}
 * that is not base64 of 16 bytes is refused with 400, as §4.2.1 says a server must.
 */
@ChannelHandler.Sharable
final class HandshakeGuard extends ChannelInboundHandlerAdapter {
    static final String VERSION = "13";
    private static final int KEY_BYTES = 16;

    private final String path;

    HandshakeGuard(String path) {
        this.path = path;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest request && isUpgradeToDesk(request)) {
            String version = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION);
            if (!VERSION.equals(version == null ? null : version.strip())) {
                refuse(ctx, request, HttpResponseStatus.UPGRADE_REQUIRED, "only WebSocket version 13 (RFC 6455) is "
                        + "served; asked for " + (version == null ? "a pre-standard draft" : "version " + version));
                return;
            }
            if (!validKey(request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_KEY))) {
                refuse(ctx, request, HttpResponseStatus.BAD_REQUEST,
                        "Sec-WebSocket-Key must be base64 of 16 bytes (RFC 6455 4.2.1)");
                return;
            }
        }
        ctx.fireChannelRead(msg);
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
