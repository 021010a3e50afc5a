package acd.pbxsim.pbx;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The PBX core: channels, bridges, variables and device states, owned by one thread. AMI
 * sessions, AGI connections, phones and callers hand their work to it with {@link #execute};
 * timers run on it through {@link #after}. One writer means no locks and events in one order.
 */
public final class Pbx implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Pbx.class);

    private final ScheduledThreadPoolExecutor thread;
    private final SimTime time;
    private final IdSource ids;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, String> globals = new LinkedHashMap<>();
    private final Map<String, String> database = new HashMap<>();
    private final Map<String, String> deviceStates = new LinkedHashMap<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private volatile Thread owner;
    private PbxEvents events = PbxEvents.NONE;
    private Program program = ch -> {
    };

    public Pbx(SimTime time, long seed) {
        this.time = time;
        this.ids = new IdSource(time, seed);
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "pbx");
            t.setDaemon(true);
            owner = t;
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
    }

    // ---- wiring (before start) ----

    public void events(PbxEvents sink) {
        this.events = sink;
    }

    public PbxEvents events() {
        return events;
    }

    public void program(Program interpreter) {
        this.program = interpreter;
    }

    public Program program() {
        return program;
    }

    public SimTime time() {
        return time;
    }

    public IdSource ids() {
        return ids;
    }

    // ---- the thread ----

    public boolean inPbxThread() {
        return Thread.currentThread() == owner;
    }

    public void execute(Runnable task) {
        try {
            thread.execute(guarded(task));
        } catch (RejectedExecutionException closed) {
            // the simulator is shutting down; late network input has nowhere to go
        }
    }

    /** Runs after whatever the PBX thread is doing now: events of that work come first. */
    public void later(Runnable task) {
        execute(task);
    }

    /** Runs {@code task} after {@code simMs} simulated milliseconds. */
    public ScheduledFuture<?> after(long simMs, Runnable task) {
        try {
            return thread.schedule(guarded(task), time.wallNanos(simMs), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            return NeverTimer.INSTANCE;
        }
    }

    /** Runs {@code task} on the PBX thread and waits for its result (directly when already on it). */
    public <T> T call(Callable<T> task) {
        if (inPbxThread()) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Future<T> f = thread.submit(task);
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the PBX thread", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the PBX thread did not answer in 10 s", e);
        }
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                log.error("PBX task failed", e);
            }
        };
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- channels ----

    /**
     * Creates a channel named {@code tech/resource-0000000n} (Local channels get their ;1/;2
     * suffix from the caller) and announces it with Newchannel.
     */
    public Channel newChannel(String tech, String resource, String device, ChannelState state, String callerIdNum,
                              String callerIdName, Location where, String linkedid) {
        String name = tech + "/" + resource + "-" + ids.channelSuffix(tech);
        return addChannel(name, tech, device, state, callerIdNum, callerIdName, where, linkedid);
    }

    /** Creates a channel with a name the caller made (the halves of a Local channel). */
    public Channel addChannel(String name, String tech, String device, ChannelState state, String callerIdNum,
                              String callerIdName, Location where, String linkedid) {
        String uniqueid = ids.uniqueid();
        Channel ch = new Channel(name, uniqueid, linkedid, tech, device, state,
                orUnknown(callerIdNum), orUnknown(callerIdName), where, time.nowMs());
        channels.put(name, ch);
        events.newchannel(ch);
        if (device != null) {
            updateDevice(device);
        }
        return ch;
    }

    private static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "<unknown>" : s;
    }

    public Channel channel(String name) {
        return channels.get(name);
    }

    public Collection<Channel> channels() {
        return List.copyOf(channels.values());
    }

    public void newState(Channel ch, ChannelState state) {
        if (ch.state() == state || ch.gone()) {
            return;
        }
        ch.state(state);
        events.newstate(ch);
        if (ch.device() != null) {
            updateDevice(ch.device());
        }
        if (state == ChannelState.UP) {
            ch.party().onAnswered(ch);
        }
    }

    // ---- variables ----

    /** Sets a channel variable (or a global when ch is null), as Set(), AGI and AMI Setvar do. */
    public void setVariable(Channel ch, String name, String value) {
        if (ch == null) {
            globals.put(name, value);
            return;
        }
        ch.putVariable(name, value);
        events.varSet(ch, name, value);
        ch.party().onVariable(ch, name, value);
    }

    public void setGlobal(String name, String value) {
        globals.put(name, value);
    }

    /** A variable or one of the few functions the dialplan and scripts here read; null when unset. */
    public String variable(Channel ch, String name) {
        if (ch != null) {
            String own = ch.variable(name);
            if (own != null) {
                return own;
            }
            String builtin = builtin(ch, name);
            if (builtin != null) {
                return builtin;
            }
        }
        return globals.get(name);
    }

    private String builtin(Channel ch, String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "CHANNEL", "CHANNEL(NAME)" -> ch.name();
            case "UNIQUEID", "CHANNEL(UNIQUEID)" -> ch.uniqueid();
            case "CHANNEL(LINKEDID)" -> ch.linkedid();
            case "EXTEN" -> ch.exten();
            case "CONTEXT" -> ch.context();
            case "PRIORITY" -> Integer.toString(ch.priority());
            case "CALLERID(NUM)" -> ch.callerIdNum();
            case "CALLERID(NAME)" -> ch.callerIdName();
            case "CALLERID(ALL)" -> "\"" + ch.callerIdName() + "\" <" + ch.callerIdNum() + ">";
            case "CALLERID(DNID)" -> ch.dnid();
            case "CHANNEL(LANGUAGE)", "LANGUAGE()" -> "en";
            case "CHANNEL(STATE)" -> ch.state().description();
            case "EPOCH" -> Long.toString(time.epochSeconds());
            default -> null;
        };
    }

    public Map<String, String> database() {
        return database;
    }

    // ---- hanging up ----

    /**
     * A hang-up from outside the dialplan: the party put the phone down, AMI Hangup. Interrupts
     * what the channel does; the Hangup event follows at once, or when its AGI script is done.
     */
    public void hangup(Channel ch, HangupCause cause) {
        if (ch == null || ch.gone() || ch.hangupRequested()) {
            return;
        }
        ch.markHangupRequested();
        ch.hangupCause(cause);
        events.hangupRequest(ch, cause);
        Activity a = ch.activity();
        boolean over = a == null || a.interrupt(ch, Activity.Interruption.HANGUP);
        if (over) {
            destroy(ch, cause);
        }
    }

    /** The dialplan's own hang-up: Hangup(), the end of the extension, the peer of a bridge. */
    public void hangupFromDialplan(Channel ch, HangupCause cause) {
        if (ch == null || ch.gone()) {
            return;
        }
        ch.markHangupRequested();
        if (ch.hangupCause() == null) {
            ch.hangupCause(cause);
        }
        events.softHangupRequest(ch, cause);
        destroy(ch, ch.hangupCause());
    }

    /** Sends the Hangup event and forgets the channel. */
    public void destroy(Channel ch, HangupCause cause) {
        if (ch.gone()) {
            return;
        }
        ch.markHangupRequested();
        ch.markGone();
        if (ch.hangupCause() == null) {
            ch.hangupCause(cause == null ? HangupCause.NORMAL_CLEARING : cause);
        }
        ch.activity(null);
        program.runHangupExtension(ch);
        events.hangup(ch);
        channels.remove(ch.name());
        if (ch.device() != null) {
            updateDevice(ch.device());
        }
        ch.party().onHangup(ch);
    }

    /** An interrupted activity has finished late (an AGI script closed): carry out what waited. */
    public void activityEnded(Channel ch) {
        ch.activity(null);
        if (ch.gone()) {
            return;
        }
        if (ch.hangupRequested()) {
            destroy(ch, ch.hangupCause());
            return;
        }
        Location target = ch.pendingRedirect();
        if (target != null) {
            ch.pendingRedirect(null);
            ch.location(target);
            program.run(ch);
        }
    }

    // ---- moving channels ----

    /**
     * AMI Redirect: leave what the channel does and go on at {@code target}. The interrupted
     * application only cleans up; the PBX moves the channel (or waits for its AGI script).
     */
    public boolean redirect(Channel ch, Location target) {
        if (ch.gone() || ch.hangupRequested()) {
            return false;
        }
        Activity a = ch.activity();
        boolean over = a == null || a.interrupt(ch, Activity.Interruption.REDIRECT);
        if (!over) {
            ch.pendingRedirect(target);
            return true;
        }
        ch.activity(null);
        ch.location(target);
        program.run(ch);
        return true;
    }

    // ---- bridges ----

    public Bridge bridge(Channel first, Channel second) {
        Bridge b = new Bridge(ids.bridgeId());
        events.bridgeCreate(b);
        enter(b, first);
        enter(b, second);
        return b;
    }

    private void enter(Bridge b, Channel ch) {
        b.add(ch);
        ch.bridge(b);
        events.bridgeEnter(b, ch);
    }

    public void leaveBridge(Channel ch) {
        Bridge b = ch.bridge();
        if (b == null) {
            return;
        }
        b.remove(ch);
        ch.bridge(null);
        events.bridgeLeave(b, ch);
    }

    public void destroyBridge(Bridge b) {
        for (Channel c : new ArrayList<>(b.channels())) {
            leaveBridge(c);
        }
        events.bridgeDestroy(b);
    }

    // ---- devices ----

    public void addEndpoint(Endpoint endpoint) {
        endpoints.put(endpoint.device().toLowerCase(Locale.ROOT), endpoint);
        deviceStates.put(endpoint.device(), computeState(endpoint.device()));
    }

    public Endpoint endpoint(String device) {
        return endpoints.get(device.toLowerCase(Locale.ROOT));
    }

    public Collection<Endpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    /** Every known device and its state, seat endpoints first in the order they were added. */
    public Map<String, String> deviceStates() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deviceStates));
    }

    /** Recomputes a device's state from its channels and registration; DeviceStateChange on change. */
    public void updateDevice(String device) {
        String state = computeState(device);
        String before = deviceStates.put(device, state);
        if (!state.equals(before)) {
            events.deviceStateChange(device, state);
        }
    }

    /**
     * ast_state_chan2dev, aggregated: a phone in a call (Up, or placing one) is INUSE, one
     * ringing is RINGING; otherwise its registration decides.
     */
    private String computeState(String device) {
        boolean ringing = false;
        for (Channel c : channels.values()) {
            if (!device.equals(c.device())) {
                continue;
            }
            switch (c.state()) {
                case RINGING -> ringing = true;
                case DOWN -> {
                }
                default -> {
                    return "INUSE";
                }
            }
        }
        if (ringing) {
            return "RINGING";
        }
        Endpoint e = endpoint(device);
        if (e == null) {
            return "INVALID";
        }
        return e.hasContact() ? "NOT_INUSE" : "UNAVAILABLE";
    }
}
