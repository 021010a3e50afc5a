package acd.server;

import acd.core.config.ConfigError;
import acd.core.model.RoutingConfig;
import acd.ivr.store.RoutingIds;
import acd.ivr.store.SeedCustomer;
import acd.ivr.store.StoreSeed;
import acd.pbxsim.PbxSettings;
import acd.pbxsim.PbxSimulator;
import acd.pbxsim.world.SeatPhone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code ./acd serve}: runs the server until Ctrl-C. */
public final class ServeCommand {
    /** The exit status when an event has stopped the engine (EX_SOFTWARE). */
    static final int ENGINE_STOPPED_STATUS = 70;
    /**
     * What the simulated callers key in at the menus of the shipped config/ivr.yaml, in the
     * proportions the shipped floor is staffed for: most want a person in Mandarin (some pressing
     * 0 at once), one in twenty a person in English (three agents speak it), and some hear their
     * balance, which leads most of them on to the billing line. A caller who reaches a person
     * then rates the call in the survey when the seat hangs up first: mostly 4 or 5, now and then
     * 3, and one in fifteen 2, which opens a follow-up work order.
     */
    private static final List<List<String>> SIMULATED_CALLERS = List.of(
            List.of("1", "0", "5"), List.of("1", "0", "5"), List.of("1", "0", "4"), List.of("1", "0", "5"),
            List.of("1", "0", "4"), List.of("1", "0", "5"), List.of("1", "0", "3"), List.of("1", "0", "5"),
            List.of("1", "0", "4"), List.of("1", "0", "5"), List.of("1", "0", "2"), List.of("1", "0", "5"),
            List.of("0", "4"), List.of("0", "5"), List.of("2", "0", "5"),
            List.of("1", "1"), List.of("1", "1"), List.of("1", "1"), List.of("1", "0", "4"), List.of("0", "5"));

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    private static final String USAGE = """
            usage: ./acd serve [options]
              --config DIR            configuration directory (default config)
              --http-bind ADDR        address the HTTP API and /cti listen on (default from server.yaml)
              --http-port PORT        HTTP API port (default from server.yaml, 8080)
              --agi-bind ADDR         address the FastAGI server listens on (0.0.0.0: every interface)
              --agi-port PORT         FastAGI port (default from server.yaml, 4573)
              --agi-allow LIST        Asterisk hosts allowed to connect: addresses or CIDR blocks, comma-separated
              --ami-host HOST         talk to this Asterisk instead of the built-in PBX simulator
              --ami-port PORT         its AMI port (default 5038)
              --ami-user USER         AMI user (default acd)
              --ami-secret-file FILE  file holding the AMI secret (else the ACD_AMI_SECRET variable)
              --sim-rate N            built-in simulator: callers per minute (default: a busy hour for the floor)
              --sim-calls N           built-in simulator: callers in all (default 100000)
              --sim-speed F           built-in simulator: time runs F times faster (default 1)
              --sim-seed N            built-in simulator: random seed (default 1)
              --record FILE           record every engine input to FILE, for ./acd replay
            Each address option may come from the environment instead; a flag wins over its variable:
              ACD_HTTP_BIND ACD_HTTP_PORT ACD_AGI_BIND ACD_AGI_PORT ACD_AGI_ALLOW
              ACD_AMI_HOST ACD_AMI_PORT ACD_AMI_USER ACD_AMI_SECRET_FILE
            """;

    private ServeCommand() {
    }

    public static void main(String[] args) throws Exception {
        ServeOptions options;
        try {
            options = ServeOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("acd serve: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(USAGE);
            return;
        }
        Path configDir = options.configDir;

        AcdServer server;
        try {
            ServerSettings settings = options.applyTo(ServerSettings.parse(configDir.resolve("server.yaml").toString(),
                    AcdServer.read(configDir, "server.yaml").text()));
            server = new AcdServer(configDir, settings, null,
                    PbxSettings.defaults().withSpeed(options.simSpeed).withSeed(options.simSeed), options.recordTo);
        } catch (ConfigError e) {
            System.err.println("acd serve: configuration error, not started:\n" + e.getMessage());
            System.exit(1);
            return;
        } catch (IllegalArgumentException | IllegalStateException | java.io.IOException e) {
            System.err.println("acd serve: not started: " + e.getMessage());
            System.exit(1);
            return;
        }
        PbxSimulator simulator = server.pbxSimulator();
        if (simulator != null) {
            RoutingConfig routing = server.engine().config();
            staffTheFloor(simulator, routing);
            DemoTraffic.seatsEndLongCalls(simulator);
            double rate = options.simRate > 0 ? options.simRate
                    : DemoTraffic.busyHourRate(routing, DemoTraffic.reachingASeat(SIMULATED_CALLERS));
            List<String> subscribers = StoreSeed.read(configDir, RoutingIds.of(routing)).customers().stream()
                    .map(SeedCustomer::number).toList();
            simulator.startTraffic(DemoTraffic.traffic(rate, options.simCalls, options.simSeed, subscribers,
                    SIMULATED_CALLERS));
            server.startDemoDesk();
            LOG.info("no Asterisk configured: the built-in PBX simulator plays Asterisk, {} seat phones and "
                    + "{} callers a minute on average{} (--ami-host to use a real Asterisk)", routing.agents().size(),
                    String.format(java.util.Locale.ROOT, "%.1f", rate), options.simRate > 0 ? ""
                            : ", a busy hour for this floor (--sim-rate to choose)");
        }
        LOG.info("serving; figures at http://127.0.0.1:{}/api/queues, health at /api/health, Prometheus metrics at "
                + "/metrics, queue_log in {}; Ctrl-C stops", server.httpPort(), server.queueLog().path());
        CountDownLatch stopped = new CountDownLatch(1);
        AcdServer running = server;
        // A stopped engine routes nothing: make way for a fresh process (exit status 70, EX_SOFTWARE),
        // which a service manager restarts. Off the engine thread, since exiting runs the hook below.
        server.engineStopped().thenAccept(failure -> new Thread(() -> {
            LOG.error("the engine stopped on {}; exiting with status {} so that a fresh server takes over",
                    failure.event(), ENGINE_STOPPED_STATUS);
            System.exit(ENGINE_STOPPED_STATUS);
        }, "acd-engine-stopped").start());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            running.close();
            stopped.countDown();
        }, "acd-shutdown"));
        stopped.await();
    }

    /**
     * Every simulated agent's seat dials its log-in and ready codes, as agents do at the start of
     * a shift; the team leads' phones are no seats and stay quiet.
     */
    static void staffTheFloor(PbxSimulator simulator, RoutingConfig routing) throws Exception {
        Set<String> agentEndpoints = new HashSet<>();
        routing.agents().forEach(agent -> agentEndpoints.add(agent.endpoint()));
        List<CompletableFuture<String>> done = new ArrayList<>();
        for (SeatPhone seat : simulator.seats()) {
            if (agentEndpoints.contains(seat.settings().endpoint())) {
                done.add(seat.login().thenCompose(status -> seat.ready()));
            }
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
}
