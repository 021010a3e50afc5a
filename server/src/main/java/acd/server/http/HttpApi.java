package acd.server.http;

import acd.cti.edge.ConnectionsPerAddress;
import acd.cti.edge.EdgeRefusals;
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
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The read-only HTTP API on Netty: a fixed set of resources, each answering {@code GET} on its
 * path with a body and its own content type, e.g. {@code /api/queues} and {@code /api/health}
 * as JSON and {@code /metrics} in a Prometheus format. A resource whose path ends in {@code /}
 * answers every path under it ({@code /recordings/} serves {@code /recordings/<pass>.wav}). Resources read the engine's published
 * figures; none blocks it. Errors are JSON.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /**
     * The port's limits.
     *
     * @param maxRequestBytes          the largest request taken whole; a bigger one gets 413
     * @param idleTimeoutMs            a connection with nothing read or written for this long is closed
     * @param maxConnectionsPerAddress connections one address may hold at once, desktops included
     */
    public record Limits(int maxRequestBytes, long idleTimeoutMs, int maxConnectionsPerAddress) {
        public static final Limits DEFAULTS = new Limits(16 * 1024, 60_000, 256);

        public Limits {
            if (maxRequestBytes < 1024) {
                throw new IllegalArgumentException("maxRequestBytes must be at least 1024, was " + maxRequestBytes);
            }
            if (idleTimeoutMs < 1000) {
                throw new IllegalArgumentException("the idle timeout must be at least 1 s, was " + idleTimeoutMs + " ms");
            }
            if (maxConnectionsPerAddress < 1) {
                throw new IllegalArgumentException("maxConnectionsPerAddress must be at least 1, was "
                        + maxConnectionsPerAddress);
            }
        }
    }

    /**
     * What a client asked for: the path, its {@code Accept} and {@code Range} headers (empty when
     * absent), and the client's address as {@code host:port}.
     */
    public record Request(String path, String accept, String range, String from) {
    }

    /**
     * A part of a file sent as the body, straight from the disk (no copy through the heap):
     * {@code length} bytes from {@code offset} of a file of {@code size} bytes.
     */
    public record FilePart(Path file, long offset, long length, long size) {
    }

    /**
     * A response: its content type, its HTTP status (200 unless said), and a body in memory or,
     * when {@code file} is set, a part of a file ({@code body} then is empty). A 206 names the part
     * it sends in {@code Content-Range}.
     */
    public record Reply(String contentType, byte[] body, int status, FilePart file) {
        public Reply(String contentType, byte[] body, int status) {
            this(contentType, body, status, null);
        }

        public Reply(String contentType, byte[] body) {
            this(contentType, body, 200);
        }

        /** A file, or the part of it a {@code Range} asked for (206). */
        public static Reply file(String contentType, FilePart part, int status) {
            return new Reply(contentType, new byte[0], status, part);
        }
    }

    /** What {@code GET} on one path serves. Runs on the HTTP thread: read published figures, never wait. */
    @FunctionalInterface
    public interface Resource {
        Reply get(Request request) throws Exception;
    }

    /** A document as the API serves it, byte for byte. */
    public static byte[] jsonBytes(Object document) throws java.io.IOException {
        return MAPPER.writeValueAsBytes(document);
    }

    /** A resource that serves what {@code figures} returns as JSON. */
    public static Resource json(Supplier<?> figures) {
        return request -> new Reply(JSON, MAPPER.writeValueAsBytes(figures.get()));
    }

    /** As {@link #json(Supplier)}, with the status {@code status} decides from the same figures. */
    public static <T> Resource json(Supplier<T> figures, java.util.function.ToIntFunction<T> status) {
        return request -> {
            T now = figures.get();
            return new Reply(JSON, MAPPER.writeValueAsBytes(now), status.applyAsInt(now));
        };
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
    private final EdgeRefusals refusals;
    private final EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("acd-http-accept", true));
    /** One loop serves every plain HTTP request; desktops leave it once their handshake is valid. */
    private final EventLoopGroup workers = new NioEventLoopGroup(1, new DefaultThreadFactory("acd-http", true));
    private final Channel channel;

    /** @param resources by path, e.g. {@code /api/queues} */
    public HttpApi(String bind, int port, Map<String, Resource> resources) throws InterruptedException {
        this(bind, port, resources, pipeline -> { }, Limits.DEFAULTS, new EdgeRefusals());
    }

    /**
     * @param mounts   adds handlers (e.g. the seat WebSocket gateway) after the HTTP codec and
     *                 before the API's own handler, so they share this port
     * @param limits   the port's limits
     * @param refusals where refused connections and requests are counted, by reason
     */
    public HttpApi(String bind, int port, Map<String, Resource> resources,
                   java.util.function.Consumer<io.netty.channel.ChannelPipeline> mounts, Limits limits,
                   EdgeRefusals refusals) throws InterruptedException {
        this.routes = Map.copyOf(resources);
        this.refusals = refusals;
        ConnectionsPerAddress perAddress = new ConnectionsPerAddress(limits.maxConnectionsPerAddress(),
                EdgeRefusals.HTTP, refusals);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(perAddress);
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, limits.idleTimeoutMs(), TimeUnit.MILLISECONDS));
                        ch.pipeline().addLast(new HttpServerCodec(4096, 8192, 8192));
                        ch.pipeline().addLast(new CountedAggregator(limits.maxRequestBytes()));
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

    /** The resource at {@code path}: its own, or one whose key ends in {@code /} and starts the path. */
    private Resource route(String path) {
        Resource exact = routes.get(path);
        if (exact != null) {
            return exact;
        }
        int slash = path.indexOf('/', 1);
        return slash < 0 ? null : routes.get(path.substring(0, slash + 1));
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (!request.decoderResult().isSuccess()) {
                refusals.refused(EdgeRefusals.HTTP, "malformed_request");
                reply(ctx, request, HttpResponseStatus.BAD_REQUEST, error("malformed request"));
                return;
            }
            String path = new QueryStringDecoder(request.uri()).path();
            Resource route = route(path);
            if (route == null) {
                reply(ctx, request, HttpResponseStatus.NOT_FOUND, error("no such resource: " + path));
            } else if (!HttpMethod.GET.equals(request.method())) {
                reply(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, error("only GET is served"));
            } else {
                try {
                    String accept = request.headers().get(HttpHeaderNames.ACCEPT, "");
                    String range = request.headers().get(HttpHeaderNames.RANGE, "");
                    Reply served = route.get(new Request(path, accept, range,
                            String.valueOf(ctx.channel().remoteAddress())));
                    reply(ctx, request, HttpResponseStatus.valueOf(served.status()), served);
                } catch (Exception e) {
                    LOG.error("GET {} failed", path, e);
                    reply(ctx, request, HttpResponseStatus.INTERNAL_SERVER_ERROR, error("internal error"));
                }
            }
        }

        /**
         * A client that sends requests without reading the replies would otherwise grow its
         * outbound buffer without end: stop reading from it until it has caught up.
         */
        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
            ctx.channel().config().setAutoRead(ctx.channel().isWritable());
            super.channelWritabilityChanged(ctx);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent) {
                refusals.refused(EdgeRefusals.HTTP, "idle_timeout");
                ctx.close();
                return;
            }
            super.userEventTriggered(ctx, evt);
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
            if (reply.file() != null) {
                replyWithFile(ctx, request, status, reply);
                return;
            }
            byte[] body = reply.body();
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            finish(ctx, keepAlive(request, status, response), response);
        }

        /** Headers first, then the file's part by zero-copy transfer as the socket takes it. */
        private void replyWithFile(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
                                   Reply reply) {
            FilePart part = reply.file();
            java.nio.channels.FileChannel file;
            try {
                file = java.nio.channels.FileChannel.open(part.file(), java.nio.file.StandardOpenOption.READ);
            } catch (java.io.IOException e) {
                LOG.warn("{} could not be opened: {}", part.file(), e.toString());
                reply(ctx, request, HttpResponseStatus.NOT_FOUND, error("gone: the file could not be opened"));
                return;
            }
            io.netty.handler.codec.http.HttpResponse response = new io.netty.handler.codec.http.DefaultHttpResponse(
                    HttpVersion.HTTP_1_1, status);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
            response.headers().set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, part.length());
            if (status.code() == 206) {
                response.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes " + part.offset() + "-"
                        + (part.offset() + part.length() - 1) + "/" + part.size());
            }
            boolean keepAlive = keepAlive(request, status, response);
            ctx.write(response);
            ctx.write(new io.netty.channel.DefaultFileRegion(file, part.offset(), part.length()));
            finish(ctx, keepAlive, io.netty.handler.codec.http.LastHttpContent.EMPTY_LAST_CONTENT);
        }

        /**
         * Whether the connection stays open after this response, said in its headers: a client
         * that assumes keep-alive would otherwise send its next request into a closing socket.
         */
        private boolean keepAlive(FullHttpRequest request, HttpResponseStatus status, HttpMessage response) {
            boolean keepAlive = HttpUtil.isKeepAlive(request) && status.code() < 400;
            response.headers().set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE
                    : HttpHeaderValues.CLOSE);
            return keepAlive;
        }

        /** Writes the response's last part, then closes the connection unless it is kept. */
        private void finish(ChannelHandlerContext ctx, boolean keepAlive, Object last) {
            if (keepAlive) {
                ctx.writeAndFlush(last);
            } else {
                ctx.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    /** The aggregator's own 413 (and close, when the client would go on sending), counted. */
    private final class CountedAggregator extends HttpObjectAggregator {
        CountedAggregator(int maxContentLength) {
            super(maxContentLength);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
            refusals.refused(EdgeRefusals.HTTP, "request_too_large");
            super.handleOversizedMessage(ctx, oversized);
        }
    }
}
