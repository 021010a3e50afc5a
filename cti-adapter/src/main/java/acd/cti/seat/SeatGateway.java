package acd.cti.seat;

import acd.core.engine.AgentState;
import acd.cti.audit.AuditTrail;
import acd.cti.edge.EdgeRefusals;
import acd.core.engine.CallView;
import acd.cti.flow.RecordingNames;
import acd.core.engine.DirectiveSink;
import acd.core.engine.EngineEvent;
import acd.core.engine.EngineListener;
import acd.core.engine.ReasonCodes;
import acd.core.metrics.ServiceLevelBoard;
import acd.core.model.AgentSpec;
import acd.core.metrics.QueueReports;
import acd.core.model.AgentChange;
import acd.core.model.RoutingConfig;
import acd.cti.flow.EngineInbox;
import acd.cti.qa.ListenIn;
import acd.cti.qa.QualityDesk;
import acd.cti.seat.codec.SeatErrorCode;
import acd.cti.seat.codec.SeatNotice;
import acd.cti.task.ReplyTaskDesk;
import acd.cti.task.WorkOrderDesk;
import acd.cti.seat.codec.SeatProtocolException;
import acd.cti.seat.codec.SeatRequest;
import acd.cti.seat.codec.SeatRequestDecoder;
import acd.cti.seat.codec.SeatNoticeEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The seat and supervisor desktops' gateway: JSON messages over a WebSocket (see
 * {@code docs/cti-protocol.md}). Desktops log in, change their agent's state and get screen pops;
 * supervisors watch live queue figures and agent states and may set an agent not ready or log
 * one out. Requests become engine events through an {@link EngineInbox}; the engine's offers
 * and notifications come back through {@link DirectiveSink} and {@link EngineListener}, on the
 * engine thread, and leave it at once for the connection's event loop.
 *
 * <p>Holds connection state only: which desktop watches which agent, and a copy of each agent's
 * state as the engine last reported it (for the login reply, the supervisors' list and the
 * desktop-lost rule). A desktop that goes silent for the heartbeat interval plus grace, or whose
 * connection drops, sets its agent not ready ({@link ReasonCodes#DESKTOP_LOST}) so no call rings
 * at a seat nobody watches.
 *
 * <p>Mount it on an HTTP port of the server's own with {@link #mount(ChannelPipeline)}, give it
 * a port of its own with {@link #initializer()}, or let it listen itself with {@link #start}.
 */
public final class SeatGateway implements DirectiveSink, EngineListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SeatGateway.class);
    private static final int LOGIN_BACKLOG = 256;
    /** How long a desktop has to answer the gateway's close frame before the connection is cut. */
    static final long FORCE_CLOSE_MS = 2_000;

    final SeatGatewaySettings settings;
    final EngineInbox engine;
    final LongSupplier clockMs;
    final SeatRequestDecoder decoder = new SeatRequestDecoder();
    final SeatNoticeEncoder encoder = new SeatNoticeEncoder();
    final List<SeatNotice.ReasonName> reasonMenu;

    private final RoutingConfig config;
    private final SeatCredentials credentials;
    private final ReasonCodes reasons;
    private final QueueFigures figures;
    private final Supplier<ServiceLevelBoard> boardSource;
    private final Map<String, Integer> agentIndexById = new HashMap<>();
    private final String[] agentIds;
    private final String[] agentNames;
    private final String[] queueIds;
    private final String[] queueLabels;
    private final String[] tierIds;
    private final String[] tierLabels;
    private final String[] brandIds;
    private final String[] brandLabels;

    /** The desktop watching each agent, by agent index. */
    private final AtomicReferenceArray<DeskSession> seats;
    private final Set<DeskSession> supervisors = ConcurrentHashMap.newKeySet();
    private final Set<DeskSession> wallboards = ConcurrentHashMap.newKeySet();
    /** Each agent's state and reason as the engine last reported them; written by the engine thread only. */
    private final AtomicIntegerArray agentStates;
    private final AtomicIntegerArray agentReasons;
    /** Bumped after every report, so a desktop can tell whether the engine has acted on its last request yet. */
    private final AtomicLongArray stateReports;
    private final ThreadPoolExecutor logins;
    private final AtomicLong failedLogins = new AtomicLong();
    private final AtomicLong desktopsLost = new AtomicLong();
    private volatile boolean closing;
    private volatile ReplyTaskDesk replyTasks;
    private volatile WorkOrderDesk workOrders;
    private volatile acd.cti.report.ReportDesk reports;
    private volatile QualityDesk quality;
    private volatile ListenIn listenIn;

    /**
     * The desk's own event loops. A desktop connection moves here from whatever loop accepted
     * it once its handshake is valid, so no HTTP client, however slow or hostile, shares a
     * thread with the desktops' heartbeats and calls.
     */
    private final EventLoopGroup deskLoops;
    final AuditTrail audit;
    final EdgeRefusals refusals;
    /** Desk connections past their handshake, against {@link SeatGatewaySettings#maxConnections()}. */
    private final AtomicInteger deskConnections = new AtomicInteger();
    private EventLoopGroup acceptors;
    private Channel listener;

    /**
     * @param config      the routing configuration the engine runs (agents, queues, tiers, reasons)
     * @param board       the engine's service-level board; asked for only when figures are sent, so
     *                    the gateway can be built before the engine that takes it as a sink
     * @param engine      where requests become engine events
     * @param credentials who may log in
     * @param settings    limits and intervals
     * @param clockMs     the time events are stamped with
     * @param audit       where failed logins, lock-outs, refusals and supervisor actions are kept
     * @param refusals    where refused connections and messages are counted, by reason
     */
    public SeatGateway(RoutingConfig config, Supplier<ServiceLevelBoard> board, EngineInbox engine,
                       SeatCredentials credentials, SeatGatewaySettings settings, LongSupplier clockMs,
                       AuditTrail audit, EdgeRefusals refusals) {
        this.config = config;
        this.audit = audit;
        this.refusals = refusals;
        this.engine = engine;
        this.credentials = credentials;
        this.settings = settings;
        this.clockMs = clockMs;
        this.reasons = new ReasonCodes(config.notReadyReasons());
        this.figures = new QueueFigures(config, board);
        this.boardSource = board;
        List<SeatNotice.ReasonName> menu = new ArrayList<>();
        for (int i = 0; i < config.notReadyReasons().size(); i++) {
            menu.add(new SeatNotice.ReasonName(ReasonCodes.FIRST_CONFIGURED + i, config.notReadyReasons().get(i)));
        }
        this.reasonMenu = List.copyOf(menu);

        int agents = config.agents().size();
        this.agentIds = new String[agents];
        this.agentNames = new String[agents];
        for (int a = 0; a < agents; a++) {
            AgentSpec spec = config.agents().get(a);
            agentIds[a] = spec.id();
            agentNames[a] = spec.name();
            agentIndexById.put(spec.id(), a);
        }
        int queues = config.queues().size();
        this.queueIds = new String[queues];
        this.queueLabels = new String[queues];
        for (int q = 0; q < queues; q++) {
            queueIds[q] = config.queues().get(q).id();
            queueLabels[q] = config.queues().get(q).label();
        }
        int tiers = config.tiers().size();
        this.tierIds = new String[tiers];
        this.tierLabels = new String[tiers];
        for (int t = 0; t < tiers; t++) {
            tierIds[t] = config.tiers().get(t).id();
            tierLabels[t] = config.tiers().get(t).label();
        }
        int brands = config.brands().size();
        this.brandIds = new String[brands];
        this.brandLabels = new String[brands];
        for (int b = 0; b < brands; b++) {
            brandIds[b] = config.brands().get(b).id();
            brandLabels[b] = config.brands().get(b).label();
        }

        this.seats = new AtomicReferenceArray<>(agents);
        this.agentStates = new AtomicIntegerArray(agents);
        this.agentReasons = new AtomicIntegerArray(agents);
        this.stateReports = new AtomicLongArray(agents);
        for (int a = 0; a < agents; a++) {
            agentStates.set(a, AgentState.LOGGED_OUT.ordinal());
        }
        // Key stretching is slow on purpose; on a network thread it would stall every desktop
        // sharing that thread, so secrets are checked here, with a bounded backlog.
        this.logins = new ThreadPoolExecutor(settings.loginThreads(), settings.loginThreads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(LOGIN_BACKLOG), new DefaultThreadFactory("acd-seat-login", true));
        this.deskLoops = new NioEventLoopGroup(settings.ioThreads(), new DefaultThreadFactory("acd-desk", true));
    }

    /** Without an audit log. */
    public SeatGateway(RoutingConfig config, Supplier<ServiceLevelBoard> board, EngineInbox engine,
                       SeatCredentials credentials, SeatGatewaySettings settings, LongSupplier clockMs) {
        this(config, board, engine, credentials, settings, clockMs, AuditTrail.NONE, new EdgeRefusals());
    }

    /** With the wall clock, without an audit log. */
    public SeatGateway(RoutingConfig config, Supplier<ServiceLevelBoard> board, EngineInbox engine,
                       SeatCredentials credentials, SeatGatewaySettings settings) {
        this(config, board, engine, credentials, settings, System::currentTimeMillis);
    }

    // ------------------------------------------------------------------ mounting

    /**
     * Adds the WebSocket endpoint to a pipeline that already decodes and aggregates HTTP
     * ({@code HttpServerCodec}, {@code HttpObjectAggregator}). Put it before the server's own
     * request handler: upgrades to {@link SeatGatewaySettings#path()} are taken here, every
     * other request passes on untouched.
     */
    public void mount(ChannelPipeline pipeline) {
        WebSocketServerProtocolConfig protocol = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(settings.path())
                .checkStartsWith(false)
                .maxFramePayloadLength(settings.maxFrameBytes())
                .allowExtensions(false)
                .closeOnProtocolViolation(true)
                // One close frame per connection: the desk sends its own with the reason, and the
                // frame decoder its own on a protocol violation; Netty's "Bye" would be a second.
                .sendCloseFrame(null)
                .handshakeTimeoutMillis(10_000)
                .forceCloseTimeoutMillis(FORCE_CLOSE_MS)
                .build();
        pipeline.addLast("seat-handshake-guard", new HandshakeGuard(this));
        pipeline.addLast("seat-pings", new PingLimit(settings.messagesPerSecond()));
        pipeline.addLast("seat-websocket", new WebSocketServerProtocolHandler(protocol));
        pipeline.addLast("seat-fragments", new WebSocketFrameAggregator(settings.maxFrameBytes()));
        pipeline.addLast("seat-desk", new DeskSession(this));
    }

    /** A whole pipeline for a port of the gateway's own: HTTP, the WebSocket endpoint, 404 for anything else. */
    public ChannelInitializer<SocketChannel> initializer() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ChannelPipeline p = ch.pipeline();
                p.addLast("http", new HttpServerCodec(4096, 8192, 8192));
                p.addLast("http-aggregator", new HttpObjectAggregator(8192));
                mount(p);
                p.addLast("not-found", NotFound.INSTANCE);
            }
        };
    }

    /** Listens on a port of its own, with its own threads. Port 0 picks a free one. */
    public synchronized InetSocketAddress start(String bind, int port) throws InterruptedException {
        if (listener != null) {
            throw new IllegalStateException("the seat gateway is already listening on " + listener.localAddress());
        }
        acceptors = new NioEventLoopGroup(1, new DefaultThreadFactory("acd-seat-accept", true));
        listener = new ServerBootstrap()
                .group(acceptors, deskLoops)
                .channel(NioServerSocketChannel.class)
                .childHandler(initializer())
                .bind(bind, port).sync().channel();
        InetSocketAddress address = (InetSocketAddress) listener.localAddress();
        LOG.info("seat gateway listening on ws://{}:{}{}", address.getHostString(), address.getPort(), settings.path());
        return address;
    }

    /**
     * Closes every desktop connection and, when started with {@link #start}, the listener. No
     * agent is set not ready for it: the engine is going down with the server.
     */
    @Override
    public void close() {
        closing = true;
        synchronized (this) {
            if (listener != null) {
                listener.close().syncUninterruptibly();
            }
        }
        for (int a = 0; a < seats.length(); a++) {
            DeskSession seat = seats.get(a);
            if (seat != null) {
                seat.shutDown();
            }
        }
        for (DeskSession supervisor : supervisors) {
            supervisor.shutDown();
        }
        for (DeskSession wallboard : wallboards) {
            wallboard.shutDown();
        }
        synchronized (this) {
            if (acceptors != null) {
                acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
        deskLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        logins.shutdownNow();
    }

    // ------------------------------------------------------------------ edge

    EventLoopGroup deskLoops() {
        return deskLoops;
    }

    /**
     * Takes a place for one more desk connection, given back when it closes; false when every
     * place is taken.
     */
    boolean admitConnection(Channel channel) {
        if (deskConnections.incrementAndGet() > settings.maxConnections()) {
            deskConnections.decrementAndGet();
            return false;
        }
        channel.closeFuture().addListener(closed -> deskConnections.decrementAndGet());
        return true;
    }

    /** Desk connections past their handshake now. */
    public int deskConnections() {
        return deskConnections.get();
    }

    void refused(String reason) {
        refusals.refused(EdgeRefusals.DESK, reason);
    }

    // ------------------------------------------------------------------ figures for health checks

    /** Agent desktops logged in now. */
    public int agentDesktops() {
        int n = 0;
        for (int a = 0; a < seats.length(); a++) {
            if (seats.get(a) != null) {
                n++;
            }
        }
        return n;
    }

    /** Wallboards watching now. */
    public int wallboards() {
        return wallboards.size();
    }

    /** Supervisor desktops logged in now. */
    public int supervisorDesktops() {
        return supervisors.size();
    }

    public long failedLogins() {
        return failedLogins.get();
    }

    /** Agents set not ready because their desktop went silent or its connection dropped. */
    public long desktopsLost() {
        return desktopsLost.get();
    }

    // ------------------------------------------------------------------ engine side (engine thread: never block)

    @Override
    public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
        DeskSession seat = seats.get(agentIndex);
        if (seat == null) {
            return;
        }
        int t = call.tierIndex();
        int b = call.brandIndex();
        int manager = call.accountManagerIndex();
        seat.fromEngine(new SeatNotice.Offered(call.callId(), text(call.callerNumber()),
                queueIds[call.queueIndex()], queueLabels[call.queueIndex()],
                t >= 0 ? tierIds[t] : null, t >= 0 ? tierLabels[t] : null,
                b >= 0 ? brandIds[b] : null, b >= 0 ? brandLabels[b] : null,
                manager >= 0 ? agentIds[manager] : null, text(call.ivrPath()),
                Math.max(0, timeMs - call.arrivedAtMs()) / 1000, Math.max(1, ringTimeoutMs / 1000),
                call.awaitingCallback(), timeMs));
    }

    @Override
    public void cancelOffer(long timeMs, CallView call, int agentIndex) {
        DeskSession seat = seats.get(agentIndex);
        if (seat != null) {
            seat.fromEngine(new SeatNotice.OfferCancelled(call.callId(), SeatNotice.OfferCancelled.WITHDRAWN, timeMs));
        }
    }

    @Override
    public void ringNoAnswer(long timeMs, CallView call, int agentIndex, long ringMs) {
        DeskSession seat = seats.get(agentIndex);
        if (seat != null) {
            seat.fromEngine(new SeatNotice.OfferCancelled(call.callId(), SeatNotice.OfferCancelled.NOT_ANSWERED,
                    timeMs));
        }
    }

    @Override
    public void callConnected(long timeMs, CallView call, int agentIndex) {
        DeskSession seat = seats.get(agentIndex);
        if (seat != null) {
            seat.fromEngine(connected(timeMs, call));
        }
    }

    /** The call as the agent now talking with the caller sees it. */
    private SeatNotice.Connected connected(long timeMs, CallView call) {
        return new SeatNotice.Connected(call.callId(), text(call.callerNumber()), queueIds[call.queueIndex()],
                Math.max(0, timeMs - call.arrivedAtMs()) / 1000, RecordingNames.of(call) + ".wav", timeMs);
    }

    @Override
    public void callCompleted(long timeMs, CallView call, int agentIndex, long talkMs) {
        DeskSession seat = seats.get(agentIndex);
        if (seat != null) {
            seat.fromEngine(new SeatNotice.Ended(call.callId(), talkMs / 1000, timeMs));
        }
    }

    @Override
    public void callTransferred(long timeMs, CallView call, int fromAgent, long talkMs, int toQueue, int toAgent) {
        DeskSession seat = seats.get(fromAgent);
        if (seat != null) {
            seat.fromEngine(new SeatNotice.Transferred(call.callId(), queueIds[toQueue],
                    toAgent >= 0 ? agentIds[toAgent] : null, talkMs / 1000, timeMs));
        }
    }

    @Override
    public void consultStarted(long timeMs, CallView call, int agentIndex, int colleague) {
        DeskSession seat = seats.get(agentIndex);
        if (seat != null) {
            seat.fromEngine(new SeatNotice.Consulting(call.callId(), agentIds[colleague], timeMs));
        }
        DeskSession asked = seats.get(colleague);
        if (asked != null) {
            int t = call.tierIndex();
            int b = call.brandIndex();
            asked.fromEngine(new SeatNotice.Consulted(call.callId(), agentIds[agentIndex], text(call.callerNumber()),
                    queueIds[call.queueIndex()], t >= 0 ? tierIds[t] : null, b >= 0 ? brandIds[b] : null, timeMs));
        }
    }

    @Override
    public void consultEnded(long timeMs, CallView call, int agentIndex, int colleague, boolean handedOver,
                             long talkMs) {
        SeatNotice.ConsultEnded ended = new SeatNotice.ConsultEnded(call.callId(), agentIds[agentIndex],
                agentIds[colleague], handedOver, talkMs / 1000, timeMs);
        DeskSession seat = seats.get(agentIndex);
        if (seat != null) {
            seat.fromEngine(ended);
        }
        DeskSession asked = seats.get(colleague);
        if (asked != null) {
            asked.fromEngine(ended);
            if (handedOver) {
                asked.fromEngine(connected(timeMs, call));
            }
        }
    }

    /**
     * Checks a transfer's target before it reaches the engine, so a mistake is named at once and
     * the call stays where it was.
     *
     * @return the engine's event: the queue ({@link EngineEvent#NONE} for the call's own), the
     *         skills' mask and the colleague ({@link EngineEvent#NONE} for none)
     */
    /**
     * The queue a supervisor switches into or out of peak mode.
     *
     * @throws SeatProtocolException for an unknown queue, or one with no peak mode configured
     */
    int peakModeQueue(String queueId) throws SeatProtocolException {
        int queue = config.queueIndex(queueId);
        if (queue < 0) {
            throw new SeatProtocolException(SeatErrorCode.UNKNOWN_NAME, "no queue '" + queueId + "' is configured");
        }
        if (!config.queues().get(queue).peak().configured()) {
            throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED, "queue '" + queueId
                    + "' has no peak mode configured (peak in routing.yaml)");
        }
        return queue;
    }

    TransferTarget checkedTransfer(String queueId, String toAgent, List<String> skillNames, int fromAgent)
            throws SeatProtocolException {
        int queue = EngineEvent.NONE;
        if (queueId != null) {
            queue = config.queueIndex(queueId);
            if (queue < 0) {
                throw new SeatProtocolException(SeatErrorCode.UNKNOWN_NAME, "no queue '" + queueId + "' is configured");
            }
        }
        long skills = 0;
        for (String skill : skillNames) {
            int s = config.skills().indexOf(skill);
            if (s < 0) {
                throw new SeatProtocolException(SeatErrorCode.UNKNOWN_NAME, "'" + skill
                        + "' is not a configured skill; one of " + config.skills());
            }
            skills |= 1L << s;
        }
        int colleague = EngineEvent.NONE;
        if (toAgent != null) {
            colleague = agentIndex(toAgent);
            if (colleague < 0) {
                throw new SeatProtocolException(SeatErrorCode.UNKNOWN_AGENT, "no agent '" + toAgent + "' is configured");
            }
            if (colleague == fromAgent) {
                throw new SeatProtocolException(SeatErrorCode.TRANSFER_REFUSED, "a call cannot be transferred to "
                        + "the agent's own seat");
            }
            if (agentState(colleague) == AgentState.LOGGED_OUT) {
                throw new SeatProtocolException(SeatErrorCode.TRANSFER_REFUSED, "agent " + toAgent
                        + " is logged out; the call stays with you");
            }
        }
        return new TransferTarget(queue, skills, colleague);
    }

    record TransferTarget(int queue, long skills, int colleague) {
    }

    @Override
    public void agentStateChanged(long timeMs, int agentIndex, AgentState from, AgentState to, int reasonCode) {
        agentStates.set(agentIndex, to.ordinal());
        agentReasons.set(agentIndex, reasonCode);
        stateReports.set(agentIndex, stateReports.get(agentIndex) + 1);
        DeskSession seat = seats.get(agentIndex);
        if (seat == null && supervisors.isEmpty()) {
            return;
        }
        SeatNotice.State notice = new SeatNotice.State(agentIds[agentIndex], to,
                to == AgentState.NOT_READY ? reasons.name(reasonCode) : null, reasonCode, timeMs);
        if (seat != null) {
            seat.fromEngine(notice);
        }
        for (DeskSession supervisor : supervisors) {
            supervisor.fromEngine(notice);
        }
    }

    private static String text(CharSequence chars) {
        return chars == null ? null : chars.toString();
    }

    // ------------------------------------------------------------------ for desk sessions

    boolean closing() {
        return closing;
    }

    /** The agent's index, or -1 when the configuration has no such agent. */
    int agentIndex(String id) {
        Integer index = agentIndexById.get(id);
        return index == null ? -1 : index;
    }

    String agentId(int agent) {
        return agentIds[agent];
    }

    String agentName(int agent) {
        return agentNames[agent];
    }

    /**
     * Serves quality review to desks; without it they are told there is none. A score that flags
     * a redo is pushed to every supervisor's desk.
     */
    public void useQuality(QualityDesk desk) {
        this.quality = desk;
        desk.onRedo(item -> {
            SeatNotice notice = new SeatNotice.QaRedo(DeskQuality.row(item));
            for (DeskSession supervisor : supervisors) {
                supervisor.push(notice);
            }
        });
    }

    QualityDesk quality() {
        return quality;
    }

    /** Lets team leads listen in on calls from the supervisor desk; without it they are told they cannot. */
    public void useListenIn(ListenIn listening) {
        this.listenIn = listening;
    }

    ListenIn listenIn() {
        return listenIn;
    }

    /** Where the agent's phone rings ({@code PJSIP/1001}). */
    String agentEndpoint(int agent) {
        return config.agents().get(agent).endpoint();
    }

    /** Serves the voicemail reply tasks to desktops; without it they are told there are none. */
    public void useReplyTasks(ReplyTaskDesk desk) {
        this.replyTasks = desk;
    }

    ReplyTaskDesk replyTasks() {
        return replyTasks;
    }

    /**
     * Serves the work orders to desktops; without it they are told there are none. A complaint the
     * escalation rule raises is pushed to every supervisor's desk.
     */
    public void useWorkOrders(WorkOrderDesk desk) {
        this.workOrders = desk;
        desk.onEscalated(order -> {
            SeatNotice notice = new SeatNotice.OrderEscalated(DeskOrders.row(order, desk.nowMs()));
            for (DeskSession supervisor : supervisors) {
                supervisor.push(notice);
            }
        });
    }

    WorkOrderDesk workOrders() {
        return workOrders;
    }

    /** Serves the service-level reports to supervisors' desks; without it they are told there are none. */
    public void useReports(acd.cti.report.ReportDesk desk) {
        this.reports = desk;
    }

    acd.cti.report.ReportDesk reports() {
        return reports;
    }

    AgentState agentState(int agent) {
        return AgentState.of(agentStates.get(agent));
    }

    /** The reason's name when the agent is not ready, else null. */
    String agentReason(int agent) {
        return agentState(agent) == AgentState.NOT_READY ? reasons.name(agentReasons.get(agent)) : null;
    }

    long stateReports(int agent) {
        return stateReports.get(agent);
    }

    /**
     * The code of a configured not-ready reason given by name or code.
     *
     * @throws SeatProtocolException when it is not one of the configured reasons
     */
    int configuredReason(SeatRequest.Reason reason) throws SeatProtocolException {
        List<String> configured = config.notReadyReasons();
        if (reason.isAbsent()) {
            if (configured.isEmpty()) {
                return ReasonCodes.UNSPECIFIED;
            }
            throw new SeatProtocolException(SeatErrorCode.UNKNOWN_REASON,
                    "a not-ready reason is required, one of " + configured);
        }
        int code = reason.name() != null ? reasons.code(reason.name()) : reason.code();
        if (code < ReasonCodes.FIRST_CONFIGURED || code >= ReasonCodes.FIRST_CONFIGURED + configured.size()) {
            throw new SeatProtocolException(SeatErrorCode.UNKNOWN_REASON,
                    "'" + reason + "' is not a configured not-ready reason; one of " + configured);
        }
        return code;
    }

    /**
     * A supervisor's skill or seat-group change, checked against the routing configuration so
     * the supervisor hears at once what was wrong rather than the engine ignoring it.
     */
    AgentChange checkedChange(SeatRequest request) throws SeatProtocolException {
        if (request instanceof SeatRequest.SetSkills r) {
            for (String skill : r.skills().keySet()) {
                if (!config.skills().contains(skill)) {
                    throw new SeatProtocolException(SeatErrorCode.UNKNOWN_NAME,
                            "'" + skill + "' is not a configured skill; one of " + config.skills());
                }
            }
            return AgentChange.skills(r.skills());
        }
        SeatRequest.SetSeatGroups r = (SeatRequest.SetSeatGroups) request;
        for (String group : r.seatGroups()) {
            if (!config.seatGroups().contains(group)) {
                throw new SeatProtocolException(SeatErrorCode.UNKNOWN_NAME,
                        "'" + group + "' is not a configured seat group; one of " + config.seatGroups());
            }
        }
        return AgentChange.seatGroups(r.seatGroups());
    }

    String reasonName(int code) {
        return reasons.name(code);
    }

    /** Checks a secret; slow on purpose, so only ever called on the login threads. */
    boolean verify(SeatRequest.Role role, String id, char[] secret) {
        boolean known = role != SeatRequest.Role.AGENT || agentIndex(id) >= 0;
        boolean matches = credentials.verify(role, id, secret);
        if (matches && !known) {
            LOG.warn("agent {} has a desktop secret but is not in the routing configuration; login refused", id);
        }
        return matches && known;
    }

    void submitLogin(Runnable check) {
        logins.execute(check);
    }

    void loginFailed() {
        failedLogins.incrementAndGet();
    }

    void desktopLost() {
        desktopsLost.incrementAndGet();
    }

    /** Makes {@code session} the agent's desktop; returns the one it replaces, or null. */
    DeskSession claimSeat(int agent, DeskSession session) {
        return seats.getAndSet(agent, session);
    }

    /** Gives up the agent's seat if {@code session} still holds it; false when another desktop took over. */
    boolean releaseSeat(int agent, DeskSession session) {
        return seats.compareAndSet(agent, session, null);
    }

    void addWallboard(DeskSession session) {
        wallboards.add(session);
    }

    void removeWallboard(DeskSession session) {
        wallboards.remove(session);
    }

    /** The document a wallboard shows; the server's {@code GET /api/queues} once it gives one. */
    private volatile java.util.function.Supplier<Map<String, Object>> boardDocument;

    /** Supervisors' figures count from {@code traffic} (today's, on a server) rather than since the start. */
    public void useTraffic(acd.core.metrics.ReportedTraffic traffic) {
        figures.countFrom(traffic);
    }

    /** Wallboards show this document, read at every push: the one {@code GET /api/queues} serves. */
    public void useBoardDocument(java.util.function.Supplier<Map<String, Object>> document) {
        this.boardDocument = Objects.requireNonNull(document, "document");
    }

    /** What a wallboard shows: the document {@code GET /api/queues} serves, read now. */
    SeatNotice.Board board() {
        java.util.function.Supplier<Map<String, Object>> document = boardDocument;
        if (document != null) {
            return new SeatNotice.Board(document.get());
        }
        Map<String, Object> report = new QueueReports(config, boardSource.get()).all();
        ReplyTaskDesk tasks = replyTasks;
        if (tasks != null) {
            report.put("replyTasks", tasks.figures().section());
        }
        return new SeatNotice.Board(report);
    }

    void addSupervisor(DeskSession session) {
        supervisors.add(session);
    }

    void removeSupervisor(DeskSession session) {
        supervisors.remove(session);
    }

    SeatNotice.Agents agentList() {
        List<SeatNotice.AgentRow> rows = new ArrayList<>(agentIds.length);
        for (int a = 0; a < agentIds.length; a++) {
            rows.add(new SeatNotice.AgentRow(agentIds[a], agentNames[a], agentState(a), agentReason(a)));
        }
        return new SeatNotice.Agents(rows);
    }

    SeatNotice.Figures figures() {
        return figures.read();
    }

    /** Anything but the WebSocket path on a port of the gateway's own. */
    @ChannelHandler.Sharable
    private static final class NotFound extends SimpleChannelInboundHandler<FullHttpRequest> {
        static final NotFound INSTANCE = new NotFound();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            byte[] body = "not found: the seat gateway serves WebSocket upgrades only\n"
                    .getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.NOT_FOUND, Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
