package acd.server;

import acd.core.config.ConfigError;
import acd.core.config.ConfigSource;
import acd.core.config.RoutingConfigLoader;
import acd.core.engine.AcdEngine;
import acd.core.engine.CallView;
import acd.core.engine.DirectiveSink;
import acd.core.engine.EngineListener;
import acd.core.model.RoutingConfig;
import acd.core.ring.EngineRing;
import acd.server.http.HttpApi;
import acd.server.http.QueueReports;
import com.lmax.disruptor.dsl.ProducerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The server: loads and checks {@code config/}, starts the engine behind its ring, the ticker
 * that gives it time, and the HTTP API. A bad configuration stops the start before anything
 * listens.
 */
public final class AcdServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AcdServer.class);

    private final RoutingConfig routing;
    private final AcdEngine engine;
    private final EngineRing ring;
    private final Ticker ticker;
    private final HttpApi http;

    public AcdServer(Path configDir, ServerSettings settings, DirectiveSink directives, EngineListener listener)
            throws IOException, InterruptedException {
        this.routing = RoutingConfigLoader.parse(List.of(read(configDir, "routing.yaml"), read(configDir, "agents.yaml")));
        long start = System.currentTimeMillis();
        this.engine = new AcdEngine(routing, start, directives, listener);
        this.ring = new EngineRing(engine, settings.engine().ringSize(), settings.engine().waitStrategy(),
                ProducerType.MULTI, null);
        this.ticker = new Ticker(ring, System::currentTimeMillis);
        QueueReports reports = new QueueReports(routing, engine.board());
        this.http = new HttpApi(settings.httpBind(), settings.httpPort(), reports::all, this::health);
        LOG.info("routing {} queues and {} agents; HTTP API on {}:{}", routing.queues().size(),
                routing.agents().size(), settings.httpBind(), http.port());
    }

    static ConfigSource read(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try {
            return new ConfigSource(file.toString(), Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigError(file.toString(), 0, 0, "file not found");
        }
    }

    private Object health() {
        Map<String, Object> out = new LinkedHashMap<>();
        long lagMs = System.currentTimeMillis() - engine.board().lastEventTimeMs();
        out.put("engineBacklog", ring.backlog());
        out.put("engineLagMs", Math.max(0, lagMs));
        out.put("engineFailedEvents", ring.failedEvents());
        out.put("status", lagMs < 2_000 ? "ok" : "lagging");
        return out;
    }

    public EngineRing ring() {
        return ring;
    }

    public AcdEngine engine() {
        return engine;
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() {
        http.close();
        ticker.close();
        ring.close();
    }

    public static void main(String[] args) throws Exception {
        Path configDir = Path.of("config");
        Integer httpPort = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> configDir = Path.of(value(args, ++i, "--config"));
                case "--http-port" -> httpPort = Integer.parseInt(value(args, ++i, "--http-port"));
                case "-h", "--help" -> {
                    System.out.println("usage: acd serve [--config DIR] [--http-port PORT]");
                    return;
                }
                default -> {
                    System.err.println("acd serve: unknown option '" + args[i] + "'");
                    System.exit(2);
                }
            }
        }
        AcdServer server;
        try {
            ServerSettings settings = ServerSettings.parse(configDir.resolve("server.yaml").toString(),
                    read(configDir, "server.yaml").text());
            if (httpPort != null) {
                settings = settings.withHttpPort(httpPort);
            }
            server = new AcdServer(configDir, settings, new DirectiveSink() {
                @Override
                public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
                    LOG.info("offer call {} to agent {}", call.callId(), agentIndex);
                }
            }, EngineListener.NONE);
        } catch (ConfigError e) {
            System.err.println("acd serve: configuration error, not started:\n" + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AcdServer running = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            running.close();
            stopped.countDown();
        }, "acd-shutdown"));
        stopped.await();
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            System.err.println("acd serve: " + flag + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
