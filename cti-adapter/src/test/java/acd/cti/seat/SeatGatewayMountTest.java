package acd.cti.seat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gateway mounted on an HTTP port the server owns, beside its other requests. */
class SeatGatewayMountTest {
    private final SeatFloor floor;
    private final EventLoopGroup loops = new NioEventLoopGroup(1);
    private final Channel server;

    SeatGatewayMountTest() throws InterruptedException {
        floor = new SeatFloor(SeatFloor.fastSettings());
        server = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(16 * 1024));
                        floor.gateway.mount(ch.pipeline());
                        ch.pipeline().addLast(new HealthPage());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    /** Stands in for the server's own HTTP API. */
    private static final class HealthPage extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            byte[] body = ("page " + request.uri()).getBytes(StandardCharsets.UTF_8);
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(body));
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @AfterEach
    void close() {
        server.close().syncUninterruptibly();
        floor.close();
        loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void desktopsAndPlainHttpRequestsShareThePort() throws Exception {
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        try (DeskClient desk = DeskClient.connect(URI.create("ws://127.0.0.1:" + port + "/cti"))) {
            desk.send(SeatFloor.login("agent", "1001", SeatFloor.secretOf("1001")));
            desk.next("loggedIn");
            desk.awaitState("not-ready");

            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertEquals("page /api/health", page.body());

            desk.send("{\"type\":\"ready\"}");
            desk.awaitState("ready");
        }
    }
}
