package acd.cti.seat;

import acd.core.model.AgentChange;

import acd.core.engine.AgentState;
import acd.core.engine.EventType;
import acd.core.engine.ReasonCodes;
import acd.cti.audit.AuditEvent;
import acd.cti.qa.ListenIn;
import acd.cti.seat.codec.SeatErrorCode;
import acd.cti.seat.codec.SeatNotice;
import acd.cti.seat.codec.SeatNoticeEncoder;
import acd.cti.seat.codec.SeatProtocolException;
import acd.cti.seat.codec.SeatRequest;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One desktop connection: its login, its role, its limits and its heartbeat. Everything here
 * runs on the connection's event loop; the engine's notices arrive through
 * {@link #fromEngine(SeatNotice)}, which only hands them over.
 */
final class DeskSession extends ChannelInboundHandlerAdapter {
    /** The most read from one desktop in one turn of its event loop. */
    private static final int READ_BYTES = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DeskSession.class);
    private static final long NO_CALL = -1;

    /** The last login or logout this desktop asked the engine for. */
    private enum Asked { NOTHING, LOGIN, LOGOUT }

    private final SeatGateway gateway;
    private ChannelHandlerContext ctx;
    private boolean webSocket;
    private boolean closing;
    private boolean letGo;
    private boolean checkingLogin;
    /** Messages that came in the same read as a login, kept until the login is decided. */
    private final ArrayDeque<String> behindLogin = new ArrayDeque<>();
    private String endedBecause = "connection closed";

    private SeatRequest.Role role;
    /** A wallboard: watches the figures, never logs in, may do nothing else. */
    private boolean wallboard;
    private String user;
    private int agent = -1;
    private int loginFailures;
    private MessageRateLimit rateLimit;
    private ScheduledFuture<?> loginDeadline;
    private ScheduledFuture<?> figuresTask;
    /** A supervisor too slow to read missed some state changes: resend the whole list once it catches up. */
    private boolean agentListStale;

    private long ringingCallId = NO_CALL;
    /** The call the agent is talking on, as the engine last said, or NO_CALL. */
    private long connectedCallId = NO_CALL;
    private Asked asked = Asked.NOTHING;
    private long askedAtReport;

    DeskSession(SeatGateway gateway) {
        this.gateway = gateway;
    }

    Channel channel() {
        return ctx.channel();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    // ------------------------------------------------------------------ connection events

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            webSocket = true;
            SeatGatewaySettings settings = gateway.settings;
            rateLimit = new MessageRateLimit(settings.messagesPerSecond(), System.nanoTime());
            // Small reads, one per turn of the event loop: a desktop's messages are small, and a
            // client streaming tiny frames then holds its loop for a fraction of a millisecond
            // at a time instead of decoding a megabyte before the next desktop is served.
            ctx.channel().config().setRecvByteBufAllocator(
                    new AdaptiveRecvByteBufAllocator(64, 1024, READ_BYTES).maxMessagesPerRead(1));
            // Only now: the same pipeline may serve plain HTTP requests, which have no heartbeat.
            ctx.pipeline().addBefore(ctx.name(), "seat-heartbeat",
                    new IdleStateHandler(settings.silenceLimitMs(), 0, 0, TimeUnit.MILLISECONDS));
            loginDeadline = ctx.executor().schedule(this::loginTimedOut, settings.loginTimeoutMs(),
                    TimeUnit.MILLISECONDS);
        } else if (evt == PingLimit.FLOODING) {
            endedBecause = "ping flood";
            gateway.refused("ping_flood");
            LOG.debug("desktop {} ({}) kept sending pings over the message limit; connection closed",
                    who(), ctx.channel().remoteAddress());
            audit(AuditEvent.REFUSED, "ping", AuditEvent.REFUSED_OUTCOME, "ping flood; connection closed");
            cutOff(WebSocketCloseStatus.POLICY_VIOLATION, "flood");
            return;
        } else if (evt instanceof IdleStateEvent idle && webSocket) {
            if (idle.state() == IdleState.READER_IDLE && !closing) {
                endedBecause = "nothing heard for " + gateway.settings.silenceLimitMs() + " ms";
                gateway.refused("heartbeat_lost");
                closeWith(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "heartbeat lost");
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    /**
     * A desktop's slow reading is the desk's own business (a supervisor behind gets the agent
     * list again once caught up); handlers behind it that serve plain HTTP must not act on it.
     */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (!webSocket) {
            ctx.fireChannelWritabilityChanged();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        letGo();
        ctx.fireChannelInactive();
    }

    /**
     * The desktop is going away, now or once the closing handshake is over: give up its seat or
     * its place among supervisors. An agent still logged in is set not ready, so no call rings at
     * a seat nobody watches. Once per connection.
     */
    private void letGo() {
        if (letGo) {
            return;
        }
        letGo = true;
        cancel(loginDeadline);
        cancel(figuresTask);
        behindLogin.clear();
        if (wallboard) {
            gateway.removeWallboard(this);
        }
        if (role == SeatRequest.Role.AGENT) {
            if (gateway.releaseSeat(agent, this) && !gateway.closing() && agentLoggedIn()) {
                gateway.desktopLost();
                LOG.warn("desktop of agent {} lost ({}); agent set not ready", user, endedBecause);
                long now = gateway.clockMs.getAsLong();
                int lost = agent;
                gateway.engine.publish(e -> e.agentEvent(EventType.AGENT_NOT_READY, now, lost,
                        ReasonCodes.DESKTOP_LOST));
            } else {
                LOG.info("desktop of agent {} disconnected ({})", user, endedBecause);
            }
        } else if (role == SeatRequest.Role.SUPERVISOR) {
            gateway.removeSupervisor(this);
            LOG.info("supervisor {} disconnected ({})", user, endedBecause);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!webSocket) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        if (cause instanceof TooLongFrameException) {
            // a message in fragments that adds up to more than the limit
            endedBecause = "message over " + gateway.settings.maxFrameBytes() + " bytes";
            gateway.refused("message_too_big");
            audit(AuditEvent.REFUSED, "message", AuditEvent.REFUSED_OUTCOME, endedBecause + "; connection closed");
            cutOff(WebSocketCloseStatus.MESSAGE_TOO_BIG, "message too big");
        } else if (cause instanceof CorruptedWebSocketFrameException) {
            // the frame decoder has already sent its close status (1009 for an oversized frame)
            endedBecause = "bad frame: " + cause.getMessage();
            gateway.refused(((CorruptedWebSocketFrameException) cause).closeStatus()
                    == WebSocketCloseStatus.MESSAGE_TOO_BIG ? "message_too_big" : "bad_frame");
            closing = true;
            ctx.close();
        } else {
            endedBecause = cause.toString();
            LOG.debug("desktop connection {} failed", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }

    // ------------------------------------------------------------------ requests

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (closing || !admitted()) {
                return;
            }
            if (frame instanceof TextWebSocketFrame text) {
                if (checkingLogin) {
                    behindLogin.add(text.text());
                } else {
                    onText(text.text());
                }
            } else {
                sendError(SeatErrorCode.UNSUPPORTED_FRAME, "messages are JSON in text frames");
            }
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    private boolean admitted() {
        switch (rateLimit.admit(System.nanoTime())) {
            case PASS:
                return true;
            case FIRST_DROP:
                sendError(SeatErrorCode.RATE_LIMITED, "more than " + gateway.settings.messagesPerSecond()
                        + " messages a second; this one and any more beyond the limit are dropped");
                return false;
            case DROP:
                return false;
            default:
                endedBecause = "flooding";
                gateway.refused("flood");
                LOG.debug("desktop {} ({}) kept sending over the message limit; connection closed",
                        who(), ctx.channel().remoteAddress());
                audit(AuditEvent.REFUSED, "message", AuditEvent.REFUSED_OUTCOME, "message flood; connection closed");
                sendError(SeatErrorCode.FLOOD, "far over the message limit; connection closed");
                cutOff(WebSocketCloseStatus.POLICY_VIOLATION, "flood");
                return false;
        }
    }

    private void onText(String text) {
        SeatRequest request = null;
        try {
            request = gateway.decoder.decode(text);
            handle(request);
        } catch (SeatProtocolException e) {
            LOG.debug("desktop {}: {} ({})", who(), e.code().wireName(), e.getMessage());
            if (request != null && isRefusal(e.code())) {
                auditRefusal(request, e);
            }
            sendError(e.code(), e.getMessage());
        }
    }

    /** Asked for what the connection may not do, as opposed to a malformed or mistaken request. */
    private static boolean isRefusal(SeatErrorCode code) {
        return code == SeatErrorCode.NOT_PERMITTED || code == SeatErrorCode.NOT_YOUR_AGENT;
    }

    private void auditRefusal(SeatRequest request, SeatProtocolException e) {
        String agentNamed = targetOf(request);
        if (request instanceof SeatRequest.Ready r) {
            agentNamed = r.agent();
        } else if (request instanceof SeatRequest.NotReady r) {
            agentNamed = r.agent();
        } else if (request instanceof SeatRequest.WrapUpDone r) {
            agentNamed = r.agent();
        } else if (request instanceof SeatRequest.Logout r) {
            agentNamed = r.agent();
        }
        String what = request.type() + (agentNamed == null ? "" : " agent " + agentNamed);
        if (request instanceof SeatRequest.Login login) {
            what = "login as " + login.role().wireName() + " " + login.id();
        }
        String event = role == SeatRequest.Role.SUPERVISOR && targetOf(request) != null
                ? AuditEvent.SUPERVISOR_ACTION : AuditEvent.REFUSED;
        audit(event, what, AuditEvent.REFUSED_OUTCOME, e.code().wireName() + ": " + e.getMessage());
    }

    private void handle(SeatRequest request) throws SeatProtocolException {
        if (wallboard) {
            wallboardRequest(request);
        } else if (request instanceof SeatRequest.Login login) {
            login(login);
        } else if (request instanceof SeatRequest.Watch) {
            watch();
        } else if (role == null) {
            throw new SeatProtocolException(SeatErrorCode.NOT_LOGGED_IN, "log in first");
        } else if (request instanceof SeatRequest.Heartbeat) {
            send(new SeatNotice.Ack("heartbeat", null));
        } else if (DeskQuality.isQualityRequest(request)) {
            DeskQuality.handle(gateway.quality(), request, role, user, notice -> hand(() -> send(notice)), this::audit);
        } else if (role == SeatRequest.Role.REVIEWER) {
            reviewerRequest(request);
        } else if (DeskReports.isReportRequest(request)) {
            DeskReports.handle(gateway.reports(), request, role, notice -> hand(() -> send(notice)));
        } else if (DeskOrders.isOrderRequest(request)) {
            DeskOrders.handle(gateway.workOrders(), request, user, role == SeatRequest.Role.AGENT,
                    notice -> hand(() -> send(notice)));
        } else if (DeskTasks.isTaskRequest(request)) {
            boolean isAgent = role == SeatRequest.Role.AGENT;
            DeskTasks.handle(gateway.replyTasks(), request, isAgent ? user : null,
                    isAgent ? gateway.agentState(agent) : null, notice -> hand(() -> send(notice)));
        } else if (role == SeatRequest.Role.AGENT) {
            agentRequest(request);
        } else {
            supervisorRequest(request);
        }
    }

    /** A wallboard on the office screen: live figures without a login, so it can take no action. */
    private void watch() throws SeatProtocolException {
        if (role != null) {
            throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED,
                    "this connection is logged in; a wallboard uses a connection of its own");
        }
        wallboard = true;
        cancel(loginDeadline);
        behindLogin.clear();
        SeatGatewaySettings settings = gateway.settings;
        gateway.addWallboard(this);
        figuresTask = ctx.executor().scheduleAtFixedRate(this::sendBoard, settings.figuresEveryMs(),
                settings.figuresEveryMs(), TimeUnit.MILLISECONDS);
        send(new SeatNotice.Watching(settings.heartbeatIntervalMs(), settings.figuresEveryMs()));
        send(gateway.board());
        LOG.debug("wallboard watching from {}", ctx.channel().remoteAddress());
    }

    private void wallboardRequest(SeatRequest request) throws SeatProtocolException {
        if (request instanceof SeatRequest.Heartbeat) {
            send(new SeatNotice.Ack("heartbeat", null));
        } else if (request instanceof SeatRequest.Watch) {
            send(gateway.board());
        } else if (request instanceof SeatRequest.Logout) {
            send(new SeatNotice.Ack(request.type(), null));
            endedBecause = "stopped watching";
            closeWith(WebSocketCloseStatus.NORMAL_CLOSURE, "logged out");
        } else {
            throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED,
                    "a wallboard only watches; '" + request.type() + "' needs a login on a connection of its own");
        }
    }

    private void sendBoard() {
        if (closing || !ctx.channel().isActive() || !ctx.channel().isWritable()) {
            return;
        }
        send(gateway.board());
    }

    private void agentRequest(SeatRequest request) throws SeatProtocolException {
        if (request instanceof SeatRequest.Ready r) {
            ownAgent(r.agent());
            publish(EventType.AGENT_READY, ReasonCodes.UNSPECIFIED);
        } else if (request instanceof SeatRequest.NotReady r) {
            ownAgent(r.agent());
            publish(EventType.AGENT_NOT_READY, gateway.configuredReason(r.reason()));
        } else if (request instanceof SeatRequest.WrapUpDone r) {
            ownAgent(r.agent());
            publish(EventType.WRAP_UP_DONE, ReasonCodes.UNSPECIFIED);
        } else if (request instanceof SeatRequest.Transfer t) {
            transfer(t);
            return;
        } else if (request instanceof SeatRequest.Consult c) {
            consult(c);
        } else if (request instanceof SeatRequest.CompleteConsult || request instanceof SeatRequest.CancelConsult) {
            endConsult(request instanceof SeatRequest.CompleteConsult);
        } else if (request instanceof SeatRequest.Logout r) {
            ownAgent(r.agent());
            askEngine(Asked.LOGOUT);
            publish(EventType.AGENT_LOGGED_OUT, ReasonCodes.UNSPECIFIED);
            LOG.info("agent {} logged out from the desktop", user);
        } else {
            throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED,
                    "'" + request.type() + "' is a supervisor action");
        }
        send(new SeatNotice.Ack(request.type(), user));
    }

    /**
     * A blind transfer of the call the agent is on. The target is checked here, so a mistake is
     * named at once and the call stays where it was; the {@code transferred} notice follows once
     * the engine has sent the call on, and the queue_log has its BLINDTRANSFER line.
     */
    private void transfer(SeatRequest.Transfer t) throws SeatProtocolException {
        long callId = connectedCallId;
        if (callId == NO_CALL) {
            throw new SeatProtocolException(SeatErrorCode.TRANSFER_REFUSED, "no call to transfer: agent " + user
                    + " is not talking on one");
        }
        SeatGateway.TransferTarget target = gateway.checkedTransfer(t.queue(), t.toAgent(), t.skills(), agent);
        LOG.info("agent {} transfers call {} to {}{}", user, callId, t.queue() == null ? "the same queue" : t.queue(),
                t.toAgent() == null ? "" : ", agent " + t.toAgent() + " first");
        long now = gateway.clockMs.getAsLong();
        int self = agent;
        gateway.engine.publish(e -> e.callTransferred(now, callId, self, target.queue(), target.skills(),
                target.colleague()));
        send(new SeatNotice.Ack(t.type(), user));
    }

    /**
     * A consultative transfer of the call the agent is on: the colleague is rung, the caller
     * held. A colleague who is not free, or a queue with nobody free, is refused by the engine
     * (the {@code consulting} notice never comes, and the call stays as it was).
     */
    private void consult(SeatRequest.Consult c) throws SeatProtocolException {
        long callId = callToConsultOn("consult with a colleague on");
        SeatGateway.TransferTarget target = gateway.checkedTransfer(c.queue(), c.toAgent(), c.skills(), agent);
        if (target.colleague() >= 0 && gateway.agentState(target.colleague()) != AgentState.READY) {
            throw new SeatProtocolException(SeatErrorCode.TRANSFER_REFUSED, "agent " + c.toAgent()
                    + " is not free to talk (" + gateway.agentState(target.colleague()) + "); the call stays with you");
        }
        LOG.info("agent {} consults {} on call {}", user, c.toAgent() != null ? "agent " + c.toAgent()
                : "queue " + c.queue(), callId);
        long now = gateway.clockMs.getAsLong();
        int self = agent;
        gateway.engine.publish(e -> e.consultStarted(now, callId, self, target.queue(), target.skills(),
                target.colleague()));
    }

    /** Hands the caller to the colleague consulted, or goes back to them. */
    private void endConsult(boolean handOver) throws SeatProtocolException {
        long callId = callToConsultOn(handOver ? "hand over" : "go back to");
        long now = gateway.clockMs.getAsLong();
        int self = agent;
        LOG.info("agent {} {} call {}", user, handOver ? "hands over" : "goes back to", callId);
        gateway.engine.publish(e -> {
            if (handOver) {
                e.consultCompleted(now, callId, self);
            } else {
                e.consultCancelled(now, callId, self);
            }
        });
    }

    private long callToConsultOn(String what) throws SeatProtocolException {
        if (connectedCallId == NO_CALL) {
            throw new SeatProtocolException(SeatErrorCode.TRANSFER_REFUSED, "no call to " + what + ": agent " + user
                    + " is not talking on one");
        }
        return connectedCallId;
    }

    private void ownAgent(String named) throws SeatProtocolException {
        if (named != null && !named.equals(user)) {
            LOG.warn("desktop of agent {} asked to act for agent {}; refused", user, named);
            throw new SeatProtocolException(SeatErrorCode.NOT_YOUR_AGENT,
                    "this desktop acts for agent " + user + " only");
        }
    }

    private void publish(EventType type, int reasonCode) {
        long now = gateway.clockMs.getAsLong();
        int self = agent;
        gateway.engine.publish(e -> e.agentEvent(type, now, self, reasonCode));
    }

    /** A quality reviewer's desk: the sample and recordings above, and nothing on the floor. */
    private void reviewerRequest(SeatRequest request) throws SeatProtocolException {
        if (request instanceof SeatRequest.Logout) {
            send(new SeatNotice.Ack(request.type(), null));
            endedBecause = "logged out";
            closeWith(WebSocketCloseStatus.NORMAL_CLOSURE, "logged out");
            return;
        }
        throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED, "a quality reviewer's desk takes qaSample, qaScore,"
                + " hearRecording, heartbeat and logout; '" + request.type() + "' is not among them");
    }

    private void supervisorRequest(SeatRequest request) throws SeatProtocolException {
        try {
            supervisorAction(request);
        } catch (SeatProtocolException e) {
            String agentId = targetOf(request);
            if (agentId != null) {
                LOG.info("supervisor {} {} agent {} refused: {}", user, request.type(), agentId, e.getMessage());
            }
            throw e;
        }
    }

    private static String targetOf(SeatRequest request) {
        if (request instanceof SeatRequest.SetNotReady r) {
            return r.agent();
        } else if (request instanceof SeatRequest.LogoutAgent r) {
            return r.agent();
        } else if (request instanceof SeatRequest.SetSkills r) {
            return r.agent();
        } else if (request instanceof SeatRequest.SetSeatGroups r) {
            return r.agent();
        } else if (request instanceof SeatRequest.ListenIn r) {
            return r.agent();
        }
        return null;
    }

    private void supervisorAction(SeatRequest request) throws SeatProtocolException {
        if (request instanceof SeatRequest.SetNotReady r) {
            int target = knownAgent(r.agent());
            int reason = gateway.configuredReason(r.reason());
            LOG.info("supervisor {} setNotReady agent {} (reason {})", user, r.agent(), gateway.reasonName(reason));
            audit(AuditEvent.SUPERVISOR_ACTION, "setNotReady agent " + r.agent() + " reason "
                    + gateway.reasonName(reason), AuditEvent.DONE, "");
            long now = gateway.clockMs.getAsLong();
            gateway.engine.publish(e -> e.agentEvent(EventType.AGENT_NOT_READY, now, target, reason));
            send(new SeatNotice.Ack(request.type(), r.agent()));
        } else if (request instanceof SeatRequest.LogoutAgent r) {
            int target = knownAgent(r.agent());
            LOG.info("supervisor {} logoutAgent agent {}", user, r.agent());
            audit(AuditEvent.SUPERVISOR_ACTION, "logoutAgent agent " + r.agent(), AuditEvent.DONE, "");
            long now = gateway.clockMs.getAsLong();
            gateway.engine.publish(e -> e.agentEvent(EventType.AGENT_LOGGED_OUT, now, target, ReasonCodes.UNSPECIFIED));
            send(new SeatNotice.Ack(request.type(), r.agent()));
        } else if (request instanceof SeatRequest.SetSkills || request instanceof SeatRequest.SetSeatGroups) {
            String agentId = targetOf(request);
            int target = knownAgent(agentId);
            AgentChange change = gateway.checkedChange(request);
            Object changed = change.skills() != null ? change.skills() : change.seatGroups();
            LOG.info("supervisor {} {} agent {} {}", user, request.type(), agentId, changed);
            audit(AuditEvent.SUPERVISOR_ACTION, request.type() + " agent " + agentId + " " + changed,
                    AuditEvent.DONE, "");
            long now = gateway.clockMs.getAsLong();
            gateway.engine.publish(e -> e.agentChanged(now, target, change));
            send(new SeatNotice.Ack(request.type(), agentId));
        } else if (request instanceof SeatRequest.PeakMode r) {
            int queue = gateway.peakModeQueue(r.queue());
            String what = "peakMode queue " + r.queue() + (r.on() ? " on" : " off");
            LOG.info("supervisor {} {}", user, what);
            audit(AuditEvent.SUPERVISOR_ACTION, what, AuditEvent.DONE, "");
            long now = gateway.clockMs.getAsLong();
            gateway.engine.publish(e -> e.peakModeChanged(now, queue, r.on()));
            send(new SeatNotice.Ack(request.type(), null));
        } else if (request instanceof SeatRequest.ListenIn r) {
            listenIn(r);
        } else if (request instanceof SeatRequest.Logout) {
            send(new SeatNotice.Ack(request.type(), null));
            endedBecause = "logged out";
            closeWith(WebSocketCloseStatus.NORMAL_CLOSURE, "logged out");
        } else {
            throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED, "'" + request.type()
                    + "' is an agent action; supervisors use setNotReady, logoutAgent, setSkills, setSeatGroups"
                    + " and listenIn");
        }
    }

    /**
     * The team lead's own phone rings; answered, it listens in on the agent's call. Checked here,
     * so a mistake is named at once: the ack follows once the PBX has taken the call to the lead.
     */
    private void listenIn(SeatRequest.ListenIn r) throws SeatProtocolException {
        int target = knownAgent(r.agent());
        ListenIn listening = gateway.listenIn();
        String phone = listening == null ? null : listening.phoneOf(user).orElse(null);
        if (phone == null) {
            throw new SeatProtocolException(SeatErrorCode.LISTEN_REFUSED, "supervisor " + user
                    + " has no phone to listen in from: add one under listenIn.phones in server.yaml");
        }
        AgentState state = gateway.agentState(target);
        if (state != AgentState.TALKING) {
            throw new SeatProtocolException(SeatErrorCode.LISTEN_REFUSED, "agent " + r.agent() + " is on no call (the agent is "
                    + SeatNoticeEncoder.stateName(state) + ")");
        }
        ListenIn.Mode mode = ListenIn.Mode.named(r.mode()).orElseThrow();
        LOG.info("supervisor {} listenIn agent {} ({}) from {}", user, r.agent(), mode.wireName(), phone);
        audit(AuditEvent.SUPERVISOR_ACTION, "listenIn agent " + r.agent() + " " + mode.wireName() + " from " + phone,
                AuditEvent.DONE, "");
        listening.start(phone, gateway.agentEndpoint(target), r.agent(), mode).whenComplete((taken, failure) -> hand(() -> {
            if (Boolean.TRUE.equals(taken)) {
                send(new SeatNotice.Ack(r.type(), r.agent()));
            } else {
                sendError(SeatErrorCode.LISTEN_REFUSED, "the PBX did not take the call to " + phone
                        + "; nothing was changed");
            }
        }));
    }

    private int knownAgent(String id) throws SeatProtocolException {
        int index = gateway.agentIndex(id);
        if (index < 0) {
            throw new SeatProtocolException(SeatErrorCode.UNKNOWN_AGENT, "no agent '" + id + "' is configured");
        }
        return index;
    }

    // ------------------------------------------------------------------ login

    private void login(SeatRequest.Login login) throws SeatProtocolException {
        if (role != null && (role != login.role() || !user.equals(login.id()))) {
            if (role == SeatRequest.Role.AGENT) {
                LOG.warn("desktop of agent {} tried to log in as {} {}; refused", user, login.role().wireName(),
                        login.id());
                throw new SeatProtocolException(SeatErrorCode.NOT_YOUR_AGENT,
                        "this desktop acts for agent " + user + " only");
            }
            throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED,
                    "this connection is logged in as " + role.wireName() + " " + user);
        }
        if (checkingLogin) {
            return;
        }
        char[] secret = login.secret().toCharArray();
        checkingLogin = true;
        // Nothing else is read until the answer is in: requests stay in order behind the login.
        ctx.channel().config().setAutoRead(false);
        try {
            gateway.submitLogin(() -> {
                Boolean ok;
                try {
                    ok = gateway.verify(login.role(), login.id(), secret);
                } catch (RuntimeException e) {
                    LOG.error("checking the secret of {} {} failed", login.role().wireName(), login.id(), e);
                    ok = null;
                } finally {
                    Arrays.fill(secret, '\0');
                }
                Boolean result = ok;
                try {
                    ctx.executor().execute(() -> loginChecked(login, result));
                } catch (RejectedExecutionException e) {
                    // the connection's event loop is shutting down with the server
                }
            });
        } catch (RejectedExecutionException e) {
            Arrays.fill(secret, '\0');
            checkingLogin = false;
            ctx.channel().config().setAutoRead(true);
            throw new SeatProtocolException(SeatErrorCode.BUSY, "too many logins at once; try again in a moment");
        }
    }

    private void loginChecked(SeatRequest.Login login, Boolean ok) {
        checkingLogin = false;
        ctx.channel().config().setAutoRead(true);
        if (closing || !ctx.channel().isActive()) {
            return;
        }
        decideLogin(login, ok);
        // in order, and only until the next login among them has to wait for its check
        while (!checkingLogin && !closing && !behindLogin.isEmpty()) {
            onText(behindLogin.poll());
        }
    }

    private void decideLogin(SeatRequest.Login login, Boolean ok) {
        if (ok == null) {
            sendError(SeatErrorCode.INTERNAL_ERROR, "the login could not be checked; try again");
            return;
        }
        if (!ok) {
            loginFailures++;
            gateway.loginFailed();
            int max = gateway.settings.maxLoginFailures();
            LOG.warn("failed login as {} {} from {} ({} of {} allowed)", login.role().wireName(), login.id(),
                    ctx.channel().remoteAddress(), loginFailures, max);
            audit(AuditEvent.LOGIN_FAILED, "login as " + login.role().wireName() + " " + login.id(),
                    AuditEvent.REFUSED_OUTCOME, "wrong id or secret (" + loginFailures + " of " + max + " allowed)");
            sendError(SeatErrorCode.AUTH_FAILED, "wrong id or secret");
            if (loginFailures >= max) {
                endedBecause = "too many failed logins";
                gateway.refused("lock_out");
                audit(AuditEvent.LOCK_OUT, "login", AuditEvent.REFUSED_OUTCOME,
                        loginFailures + " failed logins; connection closed");
                sendError(SeatErrorCode.TOO_MANY_FAILURES, loginFailures + " failed logins; connection closed");
                closeWith(WebSocketCloseStatus.POLICY_VIOLATION, "too many failed logins");
            }
            return;
        }
        loginFailures = 0;
        cancel(loginDeadline);
        boolean again = role != null;
        role = login.role();
        user = login.id();
        audit(AuditEvent.LOGIN, "login", AuditEvent.DONE, again ? "again on the same connection" : "");
        if (role == SeatRequest.Role.AGENT) {
            agentLoggedInHere(again);
        } else if (role == SeatRequest.Role.SUPERVISOR) {
            supervisorLoggedInHere(again);
        } else {
            send(new SeatNotice.LoggedIn(role, user, null, null, null, gateway.settings.heartbeatIntervalMs(), 0,
                    List.of()));
            LOG.info("reviewer {} {} from {}", user, again ? "logged in again" : "logged in",
                    ctx.channel().remoteAddress());
        }
    }

    private void agentLoggedInHere(boolean again) {
        agent = gateway.agentIndex(user);
        DeskSession previous = gateway.claimSeat(agent, this);
        if (previous != null && previous != this) {
            previous.replacedBy(ctx.channel().remoteAddress());
        }
        AgentState state = gateway.agentState(agent);
        send(new SeatNotice.LoggedIn(role, user, gateway.agentName(agent), state, gateway.agentReason(agent),
                gateway.settings.heartbeatIntervalMs(), 0, gateway.reasonMenu));
        boolean publishLogin = !agentLoggedIn();
        if (publishLogin) {
            askEngine(Asked.LOGIN);
            publish(EventType.AGENT_LOGGED_IN, ReasonCodes.UNSPECIFIED);
        }
        LOG.info("agent {} {} from {}{}", user, again ? "logged in again" : "logged in", ctx.channel().remoteAddress(),
                publishLogin ? "" : " (already logged in, " + SeatNoticeEncoder.stateName(state) + ")");
    }

    private void supervisorLoggedInHere(boolean again) {
        SeatGatewaySettings settings = gateway.settings;
        if (!again) {
            // Subscribe before the list is taken: a change in between arrives twice, never not at all.
            gateway.addSupervisor(this);
            figuresTask = ctx.executor().scheduleAtFixedRate(this::sendFigures, settings.figuresEveryMs(),
                    settings.figuresEveryMs(), TimeUnit.MILLISECONDS);
        }
        send(new SeatNotice.LoggedIn(role, user, null, null, null, settings.heartbeatIntervalMs(),
                settings.figuresEveryMs(), gateway.reasonMenu));
        send(gateway.agentList());
        send(gateway.figures());
        LOG.info("supervisor {} {} from {}", user, again ? "logged in again" : "logged in",
                ctx.channel().remoteAddress());
    }

    private void askEngine(Asked what) {
        asked = what;
        askedAtReport = gateway.stateReports(agent);
    }

    /**
     * Whether the agent is logged in as far as this desktop can tell: the engine's last report,
     * unless this desktop asked for a login or logout the engine has not reported on yet.
     */
    private boolean agentLoggedIn() {
        long reports = gateway.stateReports(agent);
        if (asked != Asked.NOTHING && reports == askedAtReport) {
            return asked == Asked.LOGIN;
        }
        return gateway.agentState(agent) != AgentState.LOGGED_OUT;
    }

    private void loginTimedOut() {
        if (role == null && !closing && ctx.channel().isActive()) {
            endedBecause = "no login";
            gateway.refused("login_timeout");
            sendError(SeatErrorCode.LOGIN_TIMEOUT, "no login within " + gateway.settings.loginTimeoutMs() + " ms");
            closeWith(WebSocketCloseStatus.POLICY_VIOLATION, "no login");
        }
    }

    /** The server is stopping: tell the desktop so it reconnects later rather than report a fault. */
    void shutDown() {
        hand(() -> {
            if (!ctx.channel().isActive()) {
                return;
            }
            closing = true;
            endedBecause = "server shutting down";
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.SERVICE_RESTART, "server shutting down"))
                    .addListener(ChannelFutureListener.CLOSE);
        });
    }

    /** Another desktop logged in as this agent; called from that desktop's event loop. */
    private void replacedBy(Object where) {
        hand(() -> {
            if (closing) {
                return;
            }
            endedBecause = "replaced by a login from " + where;
            sendError(SeatErrorCode.SESSION_REPLACED, "agent " + user + " logged in on another desktop");
            closeWith(WebSocketCloseStatus.NORMAL_CLOSURE, "logged in elsewhere");
        });
    }

    // ------------------------------------------------------------------ notices

    /** A notice from another thread (a redo flagged by a reviewer) to this desk, in its event loop. */
    void push(SeatNotice notice) {
        hand(() -> {
            if (!closing && ctx.channel().isActive()) {
                send(notice);
            }
        });
    }

    /** Called on the engine thread: hands the notice to this connection's event loop and returns. */
    void fromEngine(SeatNotice notice) {
        hand(() -> onEngineNotice(notice));
    }

    private void hand(Runnable task) {
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException e) {
            // the event loop is shutting down; the connection goes with it
        }
    }

    private void onEngineNotice(SeatNotice notice) {
        if (closing || !ctx.channel().isActive()) {
            return;
        }
        if (role == SeatRequest.Role.SUPERVISOR) {
            if (!ctx.channel().isWritable()) {
                agentListStale = true;
                return;
            }
        } else if (notice instanceof SeatNotice.Offered offered) {
            ringingCallId = offered.callId();
        } else if (notice instanceof SeatNotice.OfferCancelled cancelled) {
            // the engine may both withdraw an offer and report the ring's end: one message is enough
            if (cancelled.callId() != ringingCallId) {
                return;
            }
            ringingCallId = NO_CALL;
        } else if (notice instanceof SeatNotice.Connected connected) {
            ringingCallId = NO_CALL;
            connectedCallId = connected.callId();
        } else if (notice instanceof SeatNotice.Ended ended && ended.callId() == connectedCallId) {
            connectedCallId = NO_CALL;
        } else if (notice instanceof SeatNotice.Transferred moved && moved.callId() == connectedCallId) {
            connectedCallId = NO_CALL;
        } else if (notice instanceof SeatNotice.ConsultEnded over && over.handedOver()
                && over.callId() == connectedCallId && user.equals(over.fromAgent())) {
            connectedCallId = NO_CALL;
        }
        send(notice);
    }

    private void sendFigures() {
        if (closing || !ctx.channel().isActive() || !ctx.channel().isWritable()) {
            return;
        }
        if (agentListStale) {
            agentListStale = false;
            send(gateway.agentList());
        }
        send(gateway.figures());
    }

    private void sendError(SeatErrorCode code, String message) {
        send(new SeatNotice.Error(code, message));
    }

    private void send(SeatNotice notice) {
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(new TextWebSocketFrame(gateway.encoder.encode(notice)));
        }
    }

    /**
     * Starts the closing handshake: the desktop reads everything sent before the close frame and
     * answers with its own, upon which the protocol handler closes the connection; one that has
     * not answered within {@link SeatGateway#FORCE_CLOSE_MS} is cut off. Closing the socket at
     * once would let a desktop still sending see a reset instead of the reason.
     */
    private void closeWith(WebSocketCloseStatus status, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        letGo();
        ctx.writeAndFlush(new CloseWebSocketFrame(status, reason));
        // a hostile client never answers and keeps on sending instead
        Channel channel = ctx.channel();
        ctx.executor().schedule(() -> channel.close(), SeatGateway.FORCE_CLOSE_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Ends a connection that is abusing the desk. Whatever it goes on sending is thrown away
     * unread, not decoded as frames; the close frame says why, and then the server's side of the
     * connection is shut, so the client reads the reason before the end instead of a reset. A
     * client that does not close its side goes after {@link SeatGateway#FORCE_CLOSE_MS}.
     */
    private void cutOff(WebSocketCloseStatus status, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        letGo();
        ChannelPipeline pipeline = ctx.pipeline();
        ChannelHandlerContext decoder = pipeline.context(WebSocketFrameDecoder.class);
        if (decoder != null) {
            pipeline.replace(decoder.name(), "seat-discard", new DiscardInbound());
        }
        Channel channel = ctx.channel();
        ctx.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(written -> {
            if (channel instanceof SocketChannel socket && written.isSuccess()) {
                socket.shutdownOutput();
            } else {
                channel.close();
            }
        });
        ctx.executor().schedule(() -> channel.close(), SeatGateway.FORCE_CLOSE_MS, TimeUnit.MILLISECONDS);
    }

    /** Throws away what a cut-off client still sends, so it is neither decoded nor left to reset the close. */
    private static final class DiscardInbound extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }

    /** Keeps the event in the audit log, stamped now, from this connection's peer. */
    private void audit(String event, String what, String outcome, String detail) {
        // the wall clock, even in simulation: an audit line is read against other systems' logs
        gateway.audit.record(new AuditEvent(System.currentTimeMillis(), event, who(),
                String.valueOf(ctx.channel().remoteAddress()), what, outcome, detail));
    }

    private String who() {
        if (wallboard) {
            return "wallboard";
        }
        return role == null ? "(not logged in)" : role.wireName() + " " + user;
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }
}
