package acd.server;

import acd.core.config.BusinessHoursLoader;
import acd.core.config.ConfigError;
import acd.core.config.ConfigSource;
import acd.core.config.RoutingConfigLoader;
import acd.core.engine.AcdEngine;
import acd.core.engine.DirectiveFanOut;
import acd.core.engine.ListenerFanOut;
import acd.core.model.AgentSpec;
import acd.core.model.BusinessHours;
import acd.core.model.RoutingConfig;
import acd.core.record.DirectiveLines;
import acd.core.record.RecordingHeader;
import acd.core.ring.EngineRing;
import acd.cti.agi.AgiScriptRouter;
import acd.cti.agi.FastAgiServer;
import acd.cti.ami.AmiClient;
import acd.cti.ami.AmiSettings;
import acd.cti.ami.AsteriskReadiness;
import acd.cti.flow.AsteriskCallFlow;
import acd.cti.qa.AnsweredCalls;
import acd.cti.qa.ListenIn;
import acd.cti.qa.QaDays;
import acd.cti.qa.QualityDesk;
import acd.cti.qa.RecordingPasses;
import acd.ivr.customer.CustomerDirectory;
import acd.cti.ivr.IvrScripts;
import acd.cti.ivr.VoicemailScript;
import acd.cti.task.CallbackFollowUps;
import acd.cti.task.ReplyTaskDesk;
import acd.cti.task.WorkOrderDesk;
import acd.ivr.order.OrderDeadlines;
import acd.ivr.order.OrderDeadlinesLoader;
import acd.ivr.menu.IvrFigures;
import acd.ivr.menu.IvrMenu;
import acd.ivr.menu.IvrMenuLoader;
import acd.ivr.menu.SelfServiceDesk;
import acd.ivr.store.RetryingStore;
import acd.ivr.store.RoutingIds;
import acd.ivr.store.SelfServiceStore;
import acd.ivr.store.StoreSeed;
import acd.ivr.store.StoreSettings;
import acd.server.http.IvrReports;
import acd.cti.seat.SeatCredentials;
import acd.cti.edge.EdgeRefusals;
import acd.cti.seat.SeatGateway;
import acd.cti.seat.StoredCredentials;
import acd.pbxsim.PbxSettings;
import acd.pbxsim.PbxSimulator;
import acd.pbxsim.world.SeatSettings;
import acd.server.audit.AuditLogFile;
import acd.server.http.HttpApi;
import acd.server.http.RecordingDownloads;
import acd.core.metrics.QueueReports;
import acd.server.journal.QueueLogFile;
import acd.server.journal.QueueLogJournal;
import acd.server.journal.QueueLogSettings;
import acd.server.metrics.MetricsEndpoint;
import acd.server.metrics.ServerMetrics;
import acd.server.metrics.ServerVitals;
import acd.server.record.EngineRecorder;
import acd.server.record.RecordingEngine;
import com.lmax.disruptor.dsl.ProducerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * The server: loads and checks {@code config/}, opens the queue_log, starts the engine behind
 * its ring, the ticker that gives it time, the FastAGI server, the AMI connection and the HTTP
 * API with its metrics. With no Asterisk configured it starts the built-in PBX simulator and
 * talks to it over the same protocols. A bad configuration, or a queue_log that cannot be
 * opened, stops the start before anything listens.
 */
public final class AcdServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AcdServer.class);
    /** How often the hours file is read for an edit. */
    private static final long HOURS_CHECK_MS = 2_000;
    /** How often the reply tasks are counted for the wallboard. */
    private static final long TASK_COUNT_MS = 5_000;

    private final RoutingConfig routing;
    private final AcdEngine engine;
    private final EngineRing ring;
    private final AsteriskCallFlow flow;
    private final SeatGateway seats;
    private final ReplyTaskDesk replyTasks;
    private final WorkOrderDesk workOrders;
    private final FastAgiServer agi;
    private final PbxSimulator pbxSimulator;
    private final AmiClient ami;
    private final AsteriskReadiness readiness;
    /** Where the check of what Asterisk allows and knows runs after each AMI login. */
    private final ExecutorService checks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "acd-asterisk-check");
        t.setDaemon(true);
        return t;
    });
    /**
     * House-keeping off the engine and I/O threads: counts the open and overdue reply tasks for
     * the wallboard and /metrics, deletes call recordings past their retention, keeps answered
     * calls for quality review and draws each day's sample once the day is over.
     */
    private final java.util.concurrent.ScheduledExecutorService housekeeping =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "acd-housekeeping");
                t.setDaemon(true);
                return t;
            });
    private final Ticker ticker;
    private final HttpApi http;
    private final AmiDropWatch amiDrops = AmiDropWatch.install();
    private final LongSupplier clockMs;
    private final QueueLogFile queueLog;
    private final QueueLogJournal journal;
    /** Takes edits of the hours file without a restart. */
    private final HoursWatch hoursWatch;
    /** The figures {@code /api/queues} serves. */
    private final QueueReports reports;
    /** The demo floor's simulated desk work; null with a real Asterisk. */
    private final DemoDesk demoDesk;
    /** Keeps the 15-minute intervals in the store and gives today's counts. */
    private final acd.server.report.IntervalKeeper intervals;
    /** Records every engine input when asked to; else null. */
    private final EngineRecorder recorder;
    private final ServerVitals vitals = new Vitals();
    private final ServerMetrics metrics;
    /** The AMI user the server logs in as, for the check of its permissions. */
    private final String amiUser;
    /** Completes once an event has stopped the engine. */
    private final CompletableFuture<EngineRing.Failure> engineStopped = new CompletableFuture<>();
    /** Every refusal at the HTTP port, the desk and the FastAGI port, by reason, for /metrics. */
    private final EdgeRefusals refusals = new EdgeRefusals();
    private final AuditLogFile audit;
    private final RetryingStore store;
    private final ExecutorService selfServiceThreads;
    private final IvrFigures ivrFigures = new IvrFigures();
    /** Quality review at the desks: the daily sample, scores, redos and passes to hear recordings. */
    private final QualityDesk quality;
    /** Every agent's part of every answered call, kept for the quality sample. */
    private final AnsweredCalls answeredCalls;
    private static final long STORE_RETRY_MS = 10_000;
    /** How often the demo floor's simulated back office works its orders along. */
    private static final long DEMO_DESK_MS = 15_000;
    /** How often the intervals counted into are written to the store: what a crash can lose. */
    private static final long INTERVAL_WRITE_MS = 5_000;
    /** How often the server looks for a day over whose quality sample is not drawn yet. */
    private static final long QA_DRAW_CHECK_MS = 10 * 60_000;
    /** How long a desk's pass to hear a recording lasts: long enough to listen, rewind and score. */
    private static final long RECORDING_PASS_MS = 30 * 60_000;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * @param simulatorSettings how the built-in PBX simulator runs when no Asterisk is
     *                          configured (its AMI, AGI and seats are filled in here); ignored
     *                          with a real Asterisk
     */
    public AcdServer(Path configDir, ServerSettings settings, CustomerDirectory directory,
                     PbxSettings simulatorSettings) throws IOException, InterruptedException {
        this(configDir, settings, directory, simulatorSettings, null);
    }

    /**
     * @param recordTo where every engine input is recorded for a replay ({@code ./acd replay}),
     *                 or null for no recording
     */
    public AcdServer(Path configDir, ServerSettings settings, CustomerDirectory directory,
                     PbxSettings simulatorSettings, Path recordTo) throws IOException, InterruptedException {
        List<ConfigSource> routingFiles = List.of(read(configDir, "routing.yaml"), read(configDir, "agents.yaml"));
        this.routing = RoutingConfigLoader.parse(routingFiles);
        // Optional: without it every queue answers always.
        Path hoursPath = configDir.resolve(BusinessHoursLoader.FILE_NAME);
        ConfigSource hoursFile = Files.exists(hoursPath) ? read(configDir, BusinessHoursLoader.FILE_NAME) : null;
        BusinessHours hours = hoursFile == null ? BusinessHours.ALWAYS_OPEN : BusinessHoursLoader.parse(hoursFile, routing);
        List<ConfigSource> engineFiles = new ArrayList<>(routingFiles);
        if (hoursFile != null) {
            engineFiles.add(hoursFile);
        }
        // Every file is checked before anything opens: a mistake stops the start naming file and line.
        IvrMenu menu = IvrMenuLoader.parse(read(configDir, "ivr.yaml"), routing);
        Path deadlinesFile = configDir.resolve(OrderDeadlinesLoader.FILE_NAME);
        OrderDeadlines deadlines = Files.exists(deadlinesFile)
                ? OrderDeadlinesLoader.parse(read(configDir, OrderDeadlinesLoader.FILE_NAME)) : OrderDeadlines.STANDARD;
        StoreSeed seed = StoreSeed.read(configDir, RoutingIds.of(routing));
        // A database that is not there yet does not stop routing: the store opens when it can.
        this.store = RetryingStore.open(storeSettings(settings.selfService()), seed, deadlines,
                STORE_RETRY_MS);
        this.selfServiceThreads = Executors.newFixedThreadPool(settings.selfService().store().maxConnections(),
                new SelfServiceThreads());
        CustomerDirectory customers = directory != null ? directory : store;
        String amiSecret = settings.ami().simulated() ? null : AmiSettings.readSecret(
                settings.ami().secretFile() == null ? null : Path.of(settings.ami().secretFile()), System.getenv());
        this.queueLog = openQueueLog(settings.queueLog());
        this.audit = new AuditLogFile(settings.auditPath());
        this.journal = new QueueLogJournal(routing, queueLog);

        AgiScriptRouter scripts = new AgiScriptRouter();
        this.agi = new FastAgiServer(settings.agi(), scripts, refusals);
        PbxSimulator simulator = null;
        AmiSettings amiSettings;
        InetSocketAddress agiAddress;
        if (settings.ami().simulated()) {
            agiAddress = agi.start();
            // nextBytes, not generateSeed: the latter may block on the kernel's entropy pool.
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            String secret = HexFormat.of().formatHex(random);
            List<SeatSettings> seats = new ArrayList<>();
            for (AgentSpec agent : routing.agents()) {
                seats.add(SeatSettings.of(agent.endpoint()));
            }
            // the team leads' own phones, for listening in (a lead may sit at a seat of their own)
            for (String phone : new java.util.TreeSet<>(settings.listenInPhones().values())) {
                if (seats.stream().noneMatch(seat -> seat.endpoint().equals(phone))) {
                    seats.add(SeatSettings.of(phone));
                }
            }
            simulator = new PbxSimulator(simulatorSettings.withAmi("127.0.0.1", 0).withAmiUser("acd", secret)
                    .withAgi(agiAddress.getAddress().getHostAddress(), agiAddress.getPort()).withSeats(seats)).start();
            amiSettings = new AmiSettings("127.0.0.1", simulator.amiPort(), "acd", secret);
        } else {
            amiSettings = new AmiSettings(settings.ami().host(), settings.ami().port(), settings.ami().username(),
                    amiSecret);
            agiAddress = null;
        }
        this.pbxSimulator = simulator;
        // In simulation the PBX's clock is the one time: the engine's waits and the callers' agree.
        PbxSimulator clockSource = simulator;
        this.clockMs = clockSource != null ? clockSource::nowMs : System::currentTimeMillis;

        long startMs = clockMs.getAsLong();
        journal.serverStarted(startMs);
        this.recorder = recordTo == null ? null : EngineRecorder.open(recordTo, new RecordingHeader(startMs, engineFiles));
        // Built before the engine, started once it exists: the parts that publish need the ring,
        // and the engine needs them as its directive sinks.
        this.ring = new EngineRing(settings.engine().ringSize(), settings.engine().waitStrategy(), ProducerType.MULTI);
        this.readiness = new AsteriskReadiness(routing, settings.listenInPhones());
        this.amiUser = amiSettings.username();
        this.ami = new AmiClient(amiSettings);
        this.flow = new AsteriskCallFlow(routing, ring::publish, ami, customers, settings.callerNumbers(), clockMs);
        flow.useHours(hours);
        this.hoursWatch = new HoursWatch(hoursPath, hoursFile == null ? null : hoursFile.text(),
                routing, ring, flow::useHours, clockMs);
        scripts.register("/acd", flow::queueScript);
        scripts.register("/seat", flow::seatScript);
        scripts.register("/callback", flow::callbackScript);
        scripts.register("/transfer", flow::transferScript);
        IvrScripts ivr = new IvrScripts(menu, new SelfServiceDesk(store, store, "ivr", clockMs),
                customers, settings.callerNumbers(), flow, ivrFigures, selfServiceThreads, clockMs, routing.defaultTier(),
                audit);
        scripts.register("/ivr", ivr::menuScript);
        scripts.register("/survey", ivr::surveyScript);
        scripts.register("/voicemail", () -> new VoicemailScript(store, customers, settings.callerNumbers(),
                flow::hours, selfServiceThreads, clockMs));
        this.seats = new SeatGateway(routing, () -> engine().board(), ring::publish,
                seatCredentials(configDir), settings.desk(), clockMs, audit, refusals);
        this.replyTasks = new ReplyTaskDesk(store, ami, seatEndpoints(routing)::get, tierWeights(routing),
                selfServiceThreads, clockMs);
        seats.useReplyTasks(replyTasks);
        housekeeping.scheduleWithFixedDelay(replyTasks::countTasks, 0, TASK_COUNT_MS, TimeUnit.MILLISECONDS);
        RoutingIds ids = RoutingIds.of(routing);
        this.workOrders = new WorkOrderDesk(store.workOrders(), new WorkOrderDesk.Names(
                routing.queues().stream().map(acd.core.model.QueueSpec::id).collect(java.util.stream.Collectors.toSet()),
                ids.tiers(), ids.brands()), selfServiceThreads, clockMs, () -> flow.hours().zone());
        seats.useWorkOrders(workOrders);
        // overdue steps escalate and the counts refresh on the same beat as the reply tasks'
        housekeeping.scheduleWithFixedDelay(workOrders::sweep, 0, TASK_COUNT_MS, TimeUnit.MILLISECONDS);
        ServerSettings.Recordings recordings = settings.recordings();
        Path recordingDays = recordings.directory() == null ? null : Path.of(recordings.directory());
        this.quality = new QualityDesk(store, settings.quality(), recordingDays, new RecordingPasses(RECORDING_PASS_MS),
                selfServiceThreads, clockMs);
        seats.useQuality(quality);
        seats.useBoardDocument(this::queuesDocument);
        housekeeping.scheduleWithFixedDelay(quality::countQuality, 0, TASK_COUNT_MS, TimeUnit.MILLISECONDS);
        seats.useListenIn(new ListenIn(settings.listenInPhones(), ami));
        this.answeredCalls = new AnsweredCalls(routing, store, housekeeping, STORE_RETRY_MS);
        housekeeping.scheduleWithFixedDelay(new QaDays(store, settings.quality(), () -> flow.hours().zone(), clockMs),
                0, QA_DRAW_CHECK_MS, TimeUnit.MILLISECONDS);
        // Unsampled answered calls go with their recordings, once their day has surely been drawn.
        long keepAnsweredMs = TimeUnit.DAYS.toMillis(Math.max(recordings.retentionDays(), QaDays.CATCH_UP_DAYS + 1));
        housekeeping.scheduleWithFixedDelay(() -> forgetAnsweredCalls(clockMs.getAsLong() - keepAnsweredMs),
                1, 1, TimeUnit.HOURS);
        if (recordingDays != null) {
            housekeeping.scheduleWithFixedDelay(() -> RecordingRetention.prune(recordingDays,
                    recordings.retentionDays(), java.time.Instant.ofEpochMilli(clockMs.getAsLong())
                            .atZone(java.time.ZoneOffset.UTC).toLocalDate()), 0, 1, TimeUnit.HOURS);
        }
        // The call flow stays the first to act on a directive; desktops and the queue_log follow.
        CallbackFollowUps followUps = new CallbackFollowUps(routing, store, flow::hours, selfServiceThreads);
        DirectiveFanOut directives = recorder == null ? new DirectiveFanOut(flow, seats, journal, followUps)
                : new DirectiveFanOut(flow, seats, journal, followUps, new DirectiveLines(recorder::directive));
        // The demo floor has nobody at the desks: simulated agents may open and work the odd order.
        this.demoDesk = simulator == null ? null : new DemoDesk(routing, workOrders, simulatorSettings.seed());
        ListenerFanOut listeners = demoDesk == null ? new ListenerFanOut(seats, journal, answeredCalls)
                : new ListenerFanOut(seats, journal, answeredCalls, demoDesk);
        this.engine = new AcdEngine(routing, hours, startMs, directives, listeners);
        ring.start(recorder == null ? engine : new RecordingEngine(recorder, engine), null, engineStopped::complete);
        if (agiAddress == null) {
            agiAddress = agi.start();
        }
        this.ticker = new Ticker(ring, clockMs);
        hoursWatch.start(HOURS_CHECK_MS);
        // AMI events go to the call flow alone. After each login the server checks what Asterisk
        // allows and knows: it asks Asterisk and waits, so off the AMI threads. The built-in
        // simulator plays only what the call flow needs, so there is nothing to check there.
        ami.start(flow::onPbxEvent, simulator != null ? () -> { }
                : () -> checks.execute(() -> readiness.check(ami, amiUser)));
        this.intervals = new acd.server.report.IntervalKeeper(routing, engine.board(), store.intervals(),
                () -> flow.hours().zone(), clockMs);
        // Today's figures from before the start are read now, so the first wallboard shows them.
        intervals.keepQuietly();
        housekeeping.scheduleWithFixedDelay(intervals::keepQuietly, INTERVAL_WRITE_MS, INTERVAL_WRITE_MS,
                TimeUnit.MILLISECONDS);
        this.reports = new QueueReports(routing, engine.board(), intervals);
        seats.useTraffic(intervals);
        seats.useReports(new acd.cti.report.ReportDesk(new acd.ivr.report.TrafficReports(routing), store.intervals(),
                intervals::keep, selfServiceThreads, clockMs, () -> flow.hours().zone()));
        this.metrics = new ServerMetrics(routing, engine.board(), vitals, queueLog, journal);
        metrics.addEdge(refusals, audit);
        metrics.addIvr(ivrFigures::snapshot);
        metrics.addReplyTasks(replyTasks::figures);
        metrics.addWorkOrders(workOrders::figures);
        metrics.addQuality(quality::figures);
        Map<String, HttpApi.Resource> resources = new LinkedHashMap<>();
        resources.put("/api/queues", HttpApi.json(this::queuesDocument));
        // 503 once the engine has stopped, so a load balancer or service manager sees it too
        resources.put("/api/health", HttpApi.json(this::health, h -> "stopped".equals(h.get("status")) ? 503 : 200));
        resources.put("/api/ivr", HttpApi.json(this::ivrReport));
        resources.put("/metrics", new MetricsEndpoint(metrics.registry()));
        resources.put(RecordingPasses.URL_PREFIX, new RecordingDownloads(quality, audit));
        HttpApi.Resource wallboard = HttpApi.classpathFile("/wallboard/index.html", "text/html; charset=utf-8");
        resources.put("/", wallboard);
        resources.put("/index.html", wallboard);
        resources.put("/wallboard.js", HttpApi.classpathFile("/wallboard/wallboard.js",
                "text/javascript; charset=utf-8"));
        resources.put("/wallboard.css", HttpApi.classpathFile("/wallboard/wallboard.css", "text/css; charset=utf-8"));
        resources.put("/page.js", HttpApi.classpathFile("/common/page.js", "text/javascript; charset=utf-8"));
        resources.put("/desk", HttpApi.classpathFile("/desk/desk.html", "text/html; charset=utf-8"));
        resources.put("/desk.js", HttpApi.classpathFile("/desk/desk.js", "text/javascript; charset=utf-8"));
        resources.put("/desk.css", HttpApi.classpathFile("/desk/desk.css", "text/css; charset=utf-8"));
        resources.put("/reports", HttpApi.classpathFile("/reports/reports.html", "text/html; charset=utf-8"));
        resources.put("/reports.js", HttpApi.classpathFile("/reports/reports.js", "text/javascript; charset=utf-8"));
        resources.put("/reports.css", HttpApi.classpathFile("/reports/reports.css", "text/css; charset=utf-8"));
        this.http = new HttpApi(settings.httpBind(), settings.httpPort(), resources, seats::mount, settings.httpLimits(),
                refusals);
        LOG.info("routing {} queues and {} agents; FastAGI on {}; AMI {}; HTTP API and /metrics on {}:{}; queue_log {}",
                routing.queues().size(), routing.agents().size(), agiAddress, simulator != null
                        ? "to the built-in PBX simulator (no Asterisk configured) on port " + simulator.amiPort()
                        : "to " + amiSettings, settings.httpBind(), http.port(), queueLog.path());
    }

    private static QueueLogFile openQueueLog(QueueLogSettings settings) {
        try {
            return QueueLogFile.open(settings);
        } catch (IOException e) {
            throw new IllegalStateException("queue_log " + settings.path().toAbsolutePath() + " cannot be opened "
                    + "for appending: " + e, e);
        }
    }

    /** The figures health and metrics read, from whatever holds them now. */
    private final class Vitals implements ServerVitals {
        @Override
        public boolean amiConnected() {
            return ami.isConnected();
        }

        @Override
        public long amiReconnects() {
            return ami.reconnects();
        }

        @Override
        public long amiEventsDropped() {
            return amiDrops.droppedEvents();
        }

        @Override
        public long amiEventsMalformed() {
            return ami.translator().malformedEvents();
        }

        @Override
        public long amiActionsFailed() {
            return ami.failedActions();
        }

        @Override
        public int agiSessionsOpen() {
            return agi.openSessions();
        }

        @Override
        public int callsInProgress() {
            return flow.callsInProgress();
        }

        @Override
        public long engineBacklog() {
            return ring.backlog();
        }

        @Override
        public long engineLagMs() {
            return Math.max(0, clockMs.getAsLong() - engine.board().lastEventTimeMs());
        }

        @Override
        public boolean engineStopped() {
            return ring.failure() != null;
        }

        @Override
        public long engineEventsNotApplied() {
            return ring.eventsNotApplied();
        }
    }

    /**
     * {@code GET /api/queues}: the wallboard's document, the reply tasks', work orders' and quality
     * review's counts included.
     */
    private Map<String, Object> queuesDocument() {
        Map<String, Object> document = reports.all();
        document.put("replyTasks", replyTasks.figures().section());
        document.put("workOrders", workOrders.figures().section());
        addSurveys(document);
        addComplaintRates(document);
        document.put("quality", quality.figures().section());
        if (pbxSimulator != null) {
            // A demo's figures are no hotline's: the wallboard says so, and how fast its time runs.
            document.put("simulation", Map.of("speed", pbxSimulator.settings().speed()));
        }
        return document;
    }

    /**
     * The post-call survey's figures in the board's document, in all and on each queue's entry:
     * today's from the store (so a restart loses none of them), or, while the store has not
     * counted today's, those heard since the start.
     */
    @SuppressWarnings("unchecked")
    private void addSurveys(Map<String, Object> document) {
        List<acd.ivr.report.SurveyTally> today = intervals.surveysToday();
        IvrFigures.Snapshot ivr = today == null ? ivrFigures.snapshot() : null;
        document.put("survey", IvrReports.survey(today == null ? ivr.surveys() : surveyFigures(today, null)));
        for (Map<String, Object> queue : (List<Map<String, Object>>) document.get("queues")) {
            String id = String.valueOf(queue.get("queue"));
            queue.put("survey", IvrReports.survey(today == null
                    ? ivr.surveysByQueue().getOrDefault(id, IvrFigures.SurveyFigures.NONE) : surveyFigures(today, id)));
        }
    }

    /** The answers of one queue (all when null) added up. */
    private static IvrFigures.SurveyFigures surveyFigures(List<acd.ivr.report.SurveyTally> tallies, String queue) {
        long offered = 0;
        long answered = 0;
        long ratingSum = 0;
        long satisfied = 0;
        for (acd.ivr.report.SurveyTally t : tallies) {
            if (queue == null || queue.equals(t.queue())) {
                offered += t.offered();
                answered += t.answered();
                ratingSum += t.ratingSum();
                satisfied += t.satisfied();
            }
        }
        return new IvrFigures.SurveyFigures(offered, answered, ratingSum, satisfied);
    }

    /**
     * Complaints per 10,000 calls offered, per queue and per brand within it, as the standards
     * report them: complaints opened today about the queue's calls, over today's calls.
     */
    @SuppressWarnings("unchecked")
    private void addComplaintRates(Map<String, Object> document) {
        acd.cti.task.OrderFigures orders = workOrders.figures();
        for (Map<String, Object> queue : (List<Map<String, Object>>) document.get("queues")) {
            String id = String.valueOf(queue.get("queue"));
            complaintRate(queue, orders.complaints(id, null));
            for (Map<String, Object> brand : (List<Map<String, Object>>) queue.get("brands")) {
                complaintRate(brand, orders.complaints(id, String.valueOf(brand.get("brand"))));
            }
        }
    }

    private static void complaintRate(Map<String, Object> row, long complaints) {
        long offered = ((Number) row.get("offered")).longValue();
        row.put("complaints", complaints);
        row.put("complaintsPer10k", offered == 0 ? null : complaints * 10_000.0 / offered);
    }

    /** Where each agent's phone rings, by agent id. */
    private static Map<String, String> seatEndpoints(RoutingConfig routing) {
        Map<String, String> out = new java.util.HashMap<>();
        for (AgentSpec agent : routing.agents()) {
            out.put(agent.id(), agent.endpoint());
        }
        return out;
    }

    /** How much each tier counts in line, by tier id; an unknown tier counts nothing. */
    private static java.util.function.ToDoubleFunction<String> tierWeights(RoutingConfig routing) {
        Map<String, Double> weights = new java.util.HashMap<>();
        for (acd.core.model.TierSpec tier : routing.tiers()) {
            weights.put(tier.id(), tier.weight());
        }
        return tier -> weights.getOrDefault(tier, 0.0);
    }

    /** Who may log in at a desktop: {@code seat-credentials.yaml} beside the routing files, if any. */
    private static SeatCredentials seatCredentials(Path configDir) throws IOException {
        Path file = configDir.resolve("seat-credentials.yaml");
        if (!Files.exists(file)) {
            LOG.warn("no {}: seat desktops and supervisors cannot log in at /cti", file);
            return StoredCredentials.of(Map.of(), Map.of());
        }
        return StoredCredentials.load(file);
    }

    /** What the last check of Asterisk found wrong: permissions, unknown seat endpoints. */
    public List<String> asteriskProblems() {
        return readiness.problems();
    }

    /** The seat and supervisor desktops' gateway, on the HTTP port at /cti. */
    public SeatGateway seats() {
        return seats;
    }

    private void forgetAnsweredCalls(long beforeMs) {
        try {
            int forgotten = store.forgetUnsampled(beforeMs);
            if (forgotten > 0) {
                LOG.info("{} answered calls past their recordings' retention forgotten (none of them sampled)",
                        forgotten);
            }
        } catch (RuntimeException e) {
            LOG.warn("answered calls past retention not forgotten now; trying again later: {}", e.getMessage());
        }
    }

    /** Quality review: the daily sample, scores, redos and passes to hear recordings. */
    public QualityDesk quality() {
        return quality;
    }

    /** The self-service figures for {@code GET /api/ivr}. */
    public Map<String, Object> ivrReport() {
        // The follow-ups still to call back, as the work orders' sweep last counted them (no store
        // read on the HTTP thread); null when the store cannot say: the figures from memory are
        // served all the same.
        acd.cti.task.OrderFigures orders = workOrders.figures();
        return IvrReports.of(ivrFigures.snapshot(), orders.available() ? orders.followUpsToCall() : null);
    }

    /** The self-service store, or null while its database has not been reached. */
    public SelfServiceStore store() {
        return store.store().orElse(null);
    }

    public IvrFigures ivrFigures() {
        return ivrFigures;
    }

    /** The database password comes from a file or the environment, never from server.yaml. */
    public static StoreSettings storeSettings(ServerSettings.SelfService selfService) throws IOException {
        StoreSettings store = selfService.store();
        if (store.jdbcUrl() == null) {
            return store;
        }
        String password = selfService.passwordFile() != null
                ? Files.readString(Path.of(selfService.passwordFile())).strip()
                : System.getenv("ACD_DB_PASSWORD");
        return store.withDatabase(store.jdbcUrl(), store.user(), password);
    }

    /** Self-service requests wait on the database: threads of their own, never the AGI event loop's. */
    private static final class SelfServiceThreads implements java.util.concurrent.ThreadFactory {
        private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "acd-self-service-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    static ConfigSource read(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try {
            return new ConfigSource(file.toString(), Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigError(file.toString(), 0, 0, "file not found");
        }
    }

    private Map<String, Object> health() {
        Map<String, Object> out = new LinkedHashMap<>();
        long lagMs = vitals.engineLagMs();
        boolean amiUp = vitals.amiConnected();
        List<String> asteriskProblems = readiness.problems();
        out.put("status", ring.failure() != null ? "stopped"
                : lagMs < 2_000 && amiUp && !queueLog.failing() && asteriskProblems.isEmpty()
                && (recorder == null || recorder.failure() == null) && hoursWatch.problem() == null
                ? "ok" : "degraded");
        out.put("amiConnected", amiUp);
        if (!amiUp && ami.lastFailure() != null) {
            out.put("amiError", ami.lastFailure());
        }
        out.put("amiReconnects", vitals.amiReconnects());
        out.put("amiEventsDropped", vitals.amiEventsDropped());
        out.put("amiMalformedEvents", vitals.amiEventsMalformed());
        out.put("amiFailedActions", vitals.amiActionsFailed());
        out.put("pbx", pbxSimulator != null ? "built-in simulator" : "asterisk");
        out.put("asteriskProblems", asteriskProblems);
        out.put("agiSessionsOpen", vitals.agiSessionsOpen());
        out.put("callsInProgress", vitals.callsInProgress());
        out.put("engineBacklog", vitals.engineBacklog());
        out.put("engineLagMs", lagMs);
        EngineRing.Failure stopped = ring.failure();
        if (stopped != null) {
            out.put("engineStopped", stopped.event() + " failed: " + stopped.cause());
            out.put("engineEventsNotApplied", ring.eventsNotApplied());
        }
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("file", queueLog.path().toString());
        log.put("linesWritten", queueLog.linesWritten());
        log.put("linesLost", queueLog.linesLost());
        log.put("writeErrors", queueLog.writeErrors());
        log.put("failing", queueLog.failing());
        log.put("eventsFailed", journal.failures());
        out.put("queueLog", log);
        if (hoursWatch.problem() != null) {
            out.put("hoursNotApplied", hoursWatch.problem());
        }
        if (recorder != null) {
            Map<String, Object> recording = new LinkedHashMap<>();
            recording.put("file", recorder.path().toString());
            recording.put("recordsWritten", recorder.recordsWritten());
            recording.put("engineWaits", recorder.engineWaits());
            if (recorder.failure() != null) {
                recording.put("failure", recorder.failure());
            }
            out.put("recording", recording);
        }
        return out;
    }

    public EngineRing ring() {
        return ring;
    }

    /**
     * Completes, on the engine thread, once an event has stopped the engine: from then on nothing
     * is routed, and the process should make way for a fresh one.
     */
    public CompletionStage<EngineRing.Failure> engineStopped() {
        return engineStopped;
    }

    public AcdEngine engine() {
        return engine;
    }

    /** The voicemail reply tasks as desktops work them. */
    public WorkOrderDesk workOrders() {
        return workOrders;
    }

    public ReplyTaskDesk replyTasks() {
        return replyTasks;
    }

    public AsteriskCallFlow flow() {
        return flow;
    }

    public AmiClient ami() {
        return ami;
    }

    /**
     * On the demo floor, has simulated agents open the odd complaint or question about the calls
     * they finish, and a simulated back office work the orders along (the built-in simulator only).
     */
    public void startDemoDesk() {
        if (demoDesk == null) {
            throw new IllegalStateException("the demo desk works only with the built-in PBX simulator");
        }
        demoDesk.start();
        housekeeping.scheduleWithFixedDelay(demoDesk::workOrders, DEMO_DESK_MS, DEMO_DESK_MS, TimeUnit.MILLISECONDS);
    }

    /** The built-in PBX simulator, or null with a real Asterisk. */
    public PbxSimulator pbxSimulator() {
        return pbxSimulator;
    }

    /** The server's clock: the simulator's in simulation, the wall clock with a real Asterisk. */
    public long nowMs() {
        return clockMs.getAsLong();
    }

    public int httpPort() {
        return http.port();
    }

    /** The figures {@code /api/queues} serves, from the engine's board. */
    public QueueReports reports() {
        return reports;
    }

    /** The 15-minute intervals kept in the store, and today's counts. */
    public acd.server.report.IntervalKeeper intervals() {
        return intervals;
    }

    public QueueLogFile queueLog() {
        return queueLog;
    }

    public QueueLogJournal journal() {
        return journal;
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        // Once: a shutdown hook and an owner may both close it.
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.close();
        seats.close();
        audit.close();
        ami.close();
        checks.shutdownNow();
        housekeeping.shutdownNow();
        if (pbxSimulator != null) {
            pbxSimulator.close();
        }
        agi.close();
        ticker.close();
        hoursWatch.close();
        ring.close();
        if (recorder != null) {
            // After the ring: the last inputs the engine applied are in the recording.
            recorder.close();
        }
        flow.close();
        // After the ring: the engine's last counts are in the store before it closes.
        intervals.keepQuietly();
        // After the ring: the engine's last events are in the log before it closes.
        queueLog.close();
        selfServiceThreads.shutdown();
        try {
            selfServiceThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
