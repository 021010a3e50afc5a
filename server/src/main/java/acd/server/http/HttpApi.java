package acd.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The read-only HTTP API on Netty: a fixed set of resources, each answering {@code GET} on its
 * path with a body and its own content type, e.g. {@code /api/queues} and {@code /api/health}
 * as JSON and {@code /metrics} in a Prometheus format. Resources read the engine's published
 * figures; none blocks it. Errors are JSON.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final int MAX_REQUEST_BYTES = 16 * 1024;
    private static final String JSON = "application/json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** What a client asked for: the path and its {@code Accept} header (empty when absent). */
    public record Request(String path, String accept) {
    }

    /** A response body and its content type. */
    public record Reply(String contentType, byte[] body) {
    }

    /** What {@code GET} on one path serves. Runs on the HTTP thread: read published figures, never wait. */
    @FunctionalInterface
    public interface Resource {
        Reply get(Request request) throws Exception;
    }

    /** A resource that serves what {@code figures} returns as JSON. */
    public static Resource json(Supplier<?> figures) {
        return request -> new Reply(JSON, MAPPER.writeValueAsBytes(figures.get()));
    }

    /**
     * A file shipped inside the server jar (the wallboard's page, script and style), read once
     * now so a missing file stops the start rather than a browser's first request.
     */
    public static Resource classpathFile(String resource, String contentType) {
        byte[] body;
        try (java.io.InputStream in = HttpApi.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the server jar");
            }
            body = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read resource " + resource, e);
        }
        Reply reply = new Reply(contentType, body);
        return request -> reply;
    }

    private final Map<String, Resource> routes;
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(1);
    private final Channel channel;

    /** @param resources by path, e.g. {@code /api/queues} */
    public HttpApi(String bind, int port, Map<String, Resource> resources) throws InterruptedException {
        this(bind, port, resources, pipeline -> { });
    }

    /**
     * @param mounts adds handlers (e.g. the seat WebSocket gateway) after the HTTP codec and
     *               before the API's own handler, so they share this port
     */
    public HttpApi(String bind, int port, Map<String, Resource> resources,
                   java.util.function.Consumer<io.netty.channel.ChannelPipeline> mounts) throws InterruptedException {
        this.routes = Map.copyOf(resources);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(4096, 8192, 8192));
                        ch.pipeline().addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
                        mounts.accept(ch.pipeline());
                        ch.pipeline().addLast(new Handler());
                    }
                });
        this.channel = bootstrap.bind(bind, port).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (!request.decoderResult().isSuccess()) {
                reply(ctx, request, HttpResponseStatus.BAD_REQUEST, error("malformed request"));
                return;
            }
            String path = new QueryStringDecoder(request.uri()).path();
            Resource route = routes.get(path);
            if (route == null) {
                reply(ctx, request, HttpResponseStatus.NOT_FOUND, error("no such resource: " + path));
            } else if (!HttpMethod.GET.equals(request.method())) {
                reply(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, error("only GET is served"));
            } else {
                try {
                    String accept = request.headers().get(HttpHeaderNames.ACCEPT, "");
                    reply(ctx, request, HttpResponseStatus.OK, route.get(new Request(path, accept)));
                } catch (Exception e) {
                    LOG.error("GET {} failed", path, e);
                    reply(ctx, request, HttpResponseStatus.INTERNAL_SERVER_ERROR, error("internal error"));
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("HTTP connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }

        private Reply error(String message) {
            try {
                return new Reply(JSON, MAPPER.writeValueAsBytes(Map.of("error", message)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private void reply(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, Reply reply) {
            byte[] body = reply.body();
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            boolean keepAlive = HttpUtil.isKeepAlive(request) && status.code() < 400;
            if (keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.writeAndFlush(response);
            } else {
                // Say so: a client that assumes keep-alive would send its next request into a closing socket.
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
