package acd.cti.ami;

import acd.cti.flow.PbxActions;
import acd.cti.task.CallbackDialer;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.ListCommandsAction;
import org.asteriskjava.manager.action.PJSipShowEndpointsAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.EndpointList;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The AMI connection, through Asterisk-Java's {@link ManagerConnection}. Owns the connection's
 * life: logs in, and when the connection drops, reconnects with a growing delay (from
 * {@code firstRetry} doubling up to {@code longestRetry}) and announces {@link PbxEvent.Connected}
 * so the call flow can resynchronise from Asterisk's own state. Actions are sent without
 * waiting for the reply; a refused action is logged with Asterisk's message.
 */
public final class AmiClient implements PbxActions, CallbackDialer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmiClient.class);
    private static final long LIST_TIMEOUT_MS = 10_000;

    private final AmiSettings settings;
    /** Where events go; set once by {@link #start}, before the first connection. */
    private volatile Consumer<PbxEvent> sink = event -> {
    };
    private volatile Runnable afterLogin = () -> {
    };
    private final AmiEventTranslator translator;
    private final ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "acd-ami-control");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong failedActions = new AtomicLong();
    private volatile ManagerConnection connection;
    private volatile String lastFailure;
    private volatile boolean closed;
    private long nextDelayMs;
    private int failedAttempts;

    /**
     * A client not yet connected: it can be handed to whoever sends actions before {@link #start}
     * names where its events go.
     */
    public AmiClient(AmiSettings settings) {
        this.settings = settings;
        this.translator = new AmiEventTranslator(event -> sink.accept(event));
        this.nextDelayMs = settings.firstRetry().toMillis();
    }

    /**
     * Starts connecting in the background; {@link PbxEvent.Connected} says when it is up.
     *
     * @param events     takes every event, on the AMI event thread, in Asterisk's order
     * @param afterLogin runs after each login, once {@code events} has had the Connected event;
     *                   it must not block the AMI threads
     */
    public void start(Consumer<PbxEvent> events, Runnable afterLogin) {
        this.sink = java.util.Objects.requireNonNull(events, "events");
        this.afterLogin = java.util.Objects.requireNonNull(afterLogin, "afterLogin");
        control.execute(this::connect);
    }

    /** As {@link #start(Consumer, Runnable)}, with nothing to do after a login. */
    public void start(Consumer<PbxEvent> events) {
        start(events, () -> {
        });
    }

    @Override
    public boolean reachable() {
        return isConnected();
    }

    public boolean isConnected() {
        return connection != null;
    }

    /** Why the last attempt to log in failed, in words for an operator; null once connected. */
    public String lastFailure() {
        return lastFailure;
    }

    public long reconnects() {
        return reconnects.get();
    }

    public long failedActions() {
        return failedActions.get();
    }

    public AmiEventTranslator translator() {
        return translator;
    }

    private void connect() {
        if (closed) {
            return;
        }
        ManagerConnection candidate = new ManagerConnectionFactory(settings.host(), settings.port(),
                settings.username(), settings.secret()).createManagerConnection();
        candidate.registerUserEventClass(AcdDialFailedEvent.class);
        candidate.registerUserEventClass(AcdConsultOverEvent.class);
        candidate.registerUserEventClass(AcdConsultTakenEvent.class);
        candidate.addEventListener(event -> {
            if (event instanceof DisconnectEvent) {
                control.execute(() -> lost(candidate, "connection closed by Asterisk or the network"));
            } else if (candidate == connection) {
                translator.onManagerEvent(event);
            }
        });
        try {
            candidate.login();
            connection = candidate;
            nextDelayMs = settings.firstRetry().toMillis();
            if (failedAttempts > 0) {
                LOG.info("AMI connected to {} after {} failed attempts", settings, failedAttempts);
            } else {
                LOG.info("AMI connected to {}", settings);
            }
            failedAttempts = 0;
            lastFailure = null;
            sink.accept(new PbxEvent.Connected(generation.incrementAndGet()));
            afterLogin.run();
        } catch (AuthenticationFailedException e) {
            // A wrong secret does not fix itself quickly: retry slowly and say why every time.
            lastFailure = "Asterisk refused the AMI login of user '" + settings.username() + "' at " + settings.host()
                    + ":" + settings.port() + ": wrong username or secret (manager.conf, and the server's secret file)";
            LOG.error(lastFailure);
            abandon(candidate);
            retryAfter(settings.longestRetry().toMillis());
        } catch (Exception e) {
            failedAttempts++;
            lastFailure = "cannot reach Asterisk's AMI at " + settings.host() + ":" + settings.port() + ": "
                    + (e.getMessage() != null ? e.getMessage() : e.toString())
                    + " (is Asterisk running, manager.conf enabled on that address and port?)";
            if (failedAttempts == 1 || Long.bitCount(failedAttempts) == 1) {
                LOG.warn("{}; retrying in {} ms (attempt {})", lastFailure, nextDelayMs, failedAttempts);
            }
            abandon(candidate);
            retryAfter(nextDelayMs);
            nextDelayMs = Math.min(nextDelayMs * 2, settings.longestRetry().toMillis());
        }
    }

    private void retryAfter(long delayMs) {
        if (!closed) {
            control.schedule(this::connect, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private void lost(ManagerConnection which, String why) {
        if (which != connection || closed) {
            return;
        }
        connection = null;
        reconnects.incrementAndGet();
        LOG.warn("AMI connection to {} lost: {}; reconnecting", settings, why);
        // Asterisk-Java would reconnect on its own schedule; this client owns the retry policy.
        abandon(which);
        sink.accept(new PbxEvent.Disconnected(why));
        retryAfter(settings.firstRetry().toMillis());
    }

    private static void abandon(ManagerConnection c) {
        try {
            c.logoff();
        } catch (Exception ignored) {
            // Already closed or never connected: nothing to give back.
        }
    }

    /** Moves a channel to another place in the dialplan. */
    public CompletionStage<Boolean> redirect(String channel, String context, String exten, int priority) {
        return send(new RedirectAction(channel, context, exten, priority), "Redirect " + channel);
    }

    /**
     * Moves two channels at once, as a pair that must not hang each other up: taken out of a
     * bridge together, neither is hung up by the other's leaving.
     */
    @Override
    public CompletionStage<Boolean> redirectBoth(String channel, String context, String extraChannel,
                                                 String extraContext) {
        RedirectAction redirect = new RedirectAction(channel, context, "s", 1);
        redirect.setExtraChannel(extraChannel);
        redirect.setExtraContext(extraContext);
        redirect.setExtraExten("s");
        redirect.setExtraPriority(1);
        return send(redirect, "Redirect " + channel + " with " + extraChannel);
    }

    @Override
    public CompletionStage<Boolean> bridge(String channel, String otherChannel) {
        return send(new org.asteriskjava.manager.action.BridgeAction(channel, otherChannel, false),
                "Bridge " + channel + " with " + otherChannel);
    }

    @Override
    public CompletionStage<Boolean> record(String channel, String file) {
        return send(new org.asteriskjava.manager.action.MixMonitorAction(channel, file, "a"),
                "MixMonitor " + file + " on " + channel);
    }

    public CompletionStage<Boolean> setVariable(String channel, String name, String value) {
        return send(new SetVarAction(channel, name, value), "Setvar " + name + " on " + channel);
    }

    /** How long the seat's phone rings for a callback or a message before the PBX gives up. */
    private static final long SEAT_RING_MS = 30_000;
    /** How long a voicemail's caller's phone rings when an agent calls them back. */
    private static final long CUSTOMER_RING_SECONDS = 45;

    @Override
    public CompletionStage<Boolean> originate(String channel, String uniqueId, String callerId, long ringMs,
                                              String context, Map<String, String> variables) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(channel);
        originate.setChannelId(uniqueId);
        originate.setCallerId(callerId);
        originate.setTimeout(ringMs);
        originate.setContext(context);
        originate.setExten("s");
        originate.setPriority(1);
        originate.setVariables(new java.util.LinkedHashMap<>(variables));
        originate.setAsync(true);
        return send(originate, "Originate " + channel + " (" + uniqueId + ") into " + context);
    }

    @Override
    public CompletionStage<Boolean> hangup(String channel) {
        return send(new org.asteriskjava.manager.action.HangupAction(channel), "Hangup " + channel);
    }

    /** Where the shipped dialplan dials the customer once the seat has answered. */
    public static final String CALLBACK_CONTEXT = "acd-callback";

    @Override
    public CompletionStage<Boolean> callBack(String seatEndpoint, String customerNumber, long taskId) {
        OriginateAction originate = seatCall(seatEndpoint, customerNumber);
        originate.setContext(CALLBACK_CONTEXT);
        originate.setExten("s");
        originate.setPriority(1);
        originate.setVariable("ACD_CALLBACK_NUMBER", customerNumber);
        originate.setVariable("ACD_REPLY_TASK", Long.toString(taskId));
        originate.setVariable("ACD_CUSTOMER_RING", Long.toString(CUSTOMER_RING_SECONDS));
        originate.setVariable("ACD_LANGUAGE", "zh");
        return send(originate, "Originate callback of task " + taskId + " from " + seatEndpoint);
    }

    @Override
    public CompletionStage<Boolean> playMessage(String seatEndpoint, String messageFile, String callerNumber,
                                                long taskId) {
        OriginateAction originate = seatCall(seatEndpoint, callerNumber);
        originate.setApplication("Playback");
        originate.setData(messageFile);
        return send(originate, "Originate message of task " + taskId + " to " + seatEndpoint);
    }

    /** A call the PBX places to the seat first; the seat's display shows {@code shown}. */
    private static OriginateAction seatCall(String seatEndpoint, String shown) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(seatEndpoint);
        originate.setCallerId(shown);
        originate.setTimeout(SEAT_RING_MS);
        // queued at once; the seat rings meanwhile instead of holding the AMI connection
        originate.setAsync(true);
        return originate;
    }

    private CompletionStage<Boolean> send(ManagerAction action, String what) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        ManagerConnection c = connection;
        if (c == null) {
            failedActions.incrementAndGet();
            LOG.warn("{} not sent: AMI is not connected", what);
            done.complete(false);
            return done;
        }
        try {
            c.sendAction(action, response -> {
                boolean ok = !(response instanceof ManagerError);
                if (!ok) {
                    failedActions.incrementAndGet();
                    LOG.warn("{} refused by Asterisk: {}", what, response.getMessage());
                }
                done.complete(ok);
            });
        } catch (Exception e) {
            failedActions.incrementAndGet();
            LOG.warn("{} not sent: {}", what, e.toString());
            done.complete(false);
        }
        return done;
    }

    /**
     * Asterisk's list of live channels (CoreShowChannels). Blocks for the answer: call it from
     * the thread handling {@link PbxEvent.Connected}, not from the engine.
     */
    public List<ChannelSnapshot> liveChannels() throws Exception {
        ManagerConnection c = connection;
        if (c == null) {
            throw new IllegalStateException("AMI is not connected");
        }
        ResponseEvents events = c.sendEventGeneratingAction(new CoreShowChannelsAction(), LIST_TIMEOUT_MS);
        List<ChannelSnapshot> out = new ArrayList<>();
        for (ResponseEvent event : events.getEvents()) {
            if (event instanceof CoreShowChannelEvent e && e.getUniqueid() != null) {
                out.add(new ChannelSnapshot(e.getUniqueid(), e.getLinkedid(), e.getChannel(), e.getContext(),
                        e.getExtension(), e.getApplication(), e.getBridgeid()));
            }
        }
        return out;
    }

    /**
     * The actions this AMI user may send, lower-cased (ListCommands lists only those). Blocks
     * for the answer.
     */
    public Set<String> permittedActions() throws Exception {
        ManagerConnection c = connected();
        ManagerResponse response = c.sendAction(new ListCommandsAction(), LIST_TIMEOUT_MS);
        if (response instanceof ManagerError) {
            throw new IllegalStateException("ListCommands refused: " + response.getMessage());
        }
        Set<String> actions = new HashSet<>();
        Map<String, Object> attributes = response.getAttributes();
        if (attributes != null) {
            for (String name : attributes.keySet()) {
                actions.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return actions;
    }

    /** The PJSIP endpoints Asterisk has, lower-cased (PJSIPShowEndpoints). Blocks for the answer. */
    public Set<String> pjsipEndpoints() throws Exception {
        ResponseEvents events = connected().sendEventGeneratingAction(new PJSipShowEndpointsAction(), LIST_TIMEOUT_MS);
        Set<String> endpoints = new HashSet<>();
        for (ResponseEvent event : events.getEvents()) {
            if (event instanceof EndpointList e && e.getObjectName() != null) {
                endpoints.add(e.getObjectName().toLowerCase(Locale.ROOT));
            }
        }
        return endpoints;
    }

    private ManagerConnection connected() {
        ManagerConnection c = connection;
        if (c == null) {
            throw new IllegalStateException("AMI is not connected");
        }
        return c;
    }

    @Override
    public void close() {
        closed = true;
        ManagerConnection c = connection;
        connection = null;
        if (c != null) {
            abandon(c);
        }
        control.shutdownNow();
    }
}
