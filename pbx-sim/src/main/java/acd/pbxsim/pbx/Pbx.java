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
    private final Map<String, Channel> byUniqueid = new HashMap<>();
    private final Map<String, String> globals = new LinkedHashMap<>();
    private final Map<String, String> database = new HashMap<>();
    private final Map<String, String> deviceStates = new LinkedHashMap<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final List<CallRecording> recordings = new ArrayList<>();
    private volatile Thread owner;
    private PbxEvents events = PbxEvents.NONE;
    private Carrier carrier = Carrier.NONE;
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

    /** The network calls to {@code tech/number@trunk} go out to. */
    public void carrier(Carrier network) {
        this.carrier = network;
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
        return newChannel(null, tech, resource, device, state, callerIdNum, callerIdName, where, linkedid);
    }

    /**
     * As {@link #newChannel(String, String, String, ChannelState, String, String, Location, String)},
     * with the Uniqueid the requester assigned (AMI Originate's ChannelId); null draws the next one.
     */
    public Channel newChannel(String uniqueid, String tech, String resource, String device, ChannelState state,
                              String callerIdNum, String callerIdName, Location where, String linkedid) {
        String name = tech + "/" + resource + "-" + ids.channelSuffix(tech);
        return addChannel(name, uniqueid, tech, device, state, callerIdNum, callerIdName, where, linkedid);
    }

    /** Creates a channel with a name the caller made (the halves of a Local channel). */
    public Channel addChannel(String name, String tech, String device, ChannelState state, String callerIdNum,
                              String callerIdName, Location where, String linkedid) {
        return addChannel(name, null, tech, device, state, callerIdNum, callerIdName, where, linkedid);
    }

    /**
     * Creates a channel with a name the caller made and, unless {@code uniqueid} is null, the
     * Uniqueid it assigned. Its events carry that id from Newchannel on, so whoever asked for the
     * channel knows them from the start. The id must not be in use ({@link #uniqueidInUse}).
     */
    public Channel addChannel(String name, String uniqueid, String tech, String device, ChannelState state,
                              String callerIdNum, String callerIdName, Location where, String linkedid) {
        String id = uniqueid == null || uniqueid.isEmpty() ? ids.uniqueid() : uniqueid;
        if (byUniqueid.containsKey(id)) {
            throw new IllegalArgumentException("Uniqueid " + id + " is in use by " + byUniqueid.get(id).name());
        }
        Channel ch = new Channel(name, id, linkedid, tech, device, state,
                orUnknown(callerIdNum), orUnknown(callerIdName), where, time.nowMs());
        channels.put(name, ch);
        byUniqueid.put(id, ch);
        events.newchannel(ch);
        if (device != null) {
            updateDevice(device);
        }
        return ch;
    }

    /** Whether a channel up now has this Uniqueid (Asterisk refuses to make a second one). */
    public boolean uniqueidInUse(String uniqueid) {
        return byUniqueid.containsKey(uniqueid);
    }

    private static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "<unknown>" : s;
    }

    public Channel channel(String name) {
        return channels.get(name);
    }

    /**
     * The channel an AMI action names, as ast_channel_get_by_name finds it: by its name (any
     * case), else by its Uniqueid. Null when neither matches.
     */
    public Channel findChannel(String nameOrUniqueid) {
        Channel ch = channels.get(nameOrUniqueid);
        if (ch != null) {
            return ch;
        }
        for (Channel c : channels.values()) {
            if (c.name().equalsIgnoreCase(nameOrUniqueid)) {
                return c;
            }
        }
        return byUniqueid.get(nameOrUniqueid);
    }

    /**
     * The channel an AMI Bridge names, as ast_channel_get_by_name_prefix finds it: the one of
     * that name, else the oldest whose name begins with it (any case), else by Uniqueid.
     */
    public Channel findChannelByPrefix(String prefix) {
        Channel exact = findChannel(prefix);
        if (exact != null && exact.name().equalsIgnoreCase(prefix)) {
            return exact;
        }
        for (Channel c : channels.values()) {
            if (c.name().regionMatches(true, 0, prefix, 0, prefix.length())) {
                return c;
            }
        }
        return exact;
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
        if (setCallerId(ch, name, value)) {
            return;
        }
        ch.putVariable(name, value);
        events.varSet(ch, name, value);
        ch.party().onVariable(ch, name, value);
    }

    /**
     * CALLERID(all), CALLERID(num) and CALLERID(name) are the channel's caller id, not variables:
     * what the phones it dials show. A change is announced with NewCallerid.
     */
    private boolean setCallerId(Channel ch, String name, String value) {
        String function = name.strip().toUpperCase(Locale.ROOT);
        String num = ch.callerIdNum();
        String nameShown = ch.callerIdName();
        switch (function) {
            case "CALLERID(ALL)" -> {
                CallerId id = CallerId.parse(value);
                num = orUnknown(id.number());
                nameShown = orUnknown(id.name());
            }
            case "CALLERID(NUM)", "CALLERID(NUMBER)" -> num = orUnknown(value.strip());
            case "CALLERID(NAME)" -> nameShown = orUnknown(value.strip());
            default -> {
                return false;
            }
        }
        if (!num.equals(ch.callerIdNum()) || !nameShown.equals(ch.callerIdName())) {
            ch.callerId(num, nameShown);
            events.newCallerid(ch);
        }
        return true;
    }

    /**
     * Sets a subroutine's own variable (Gosub's ARG1..., ARGC) over whatever the channel had, and
     * announces it as {@code LOCAL(name)}, as app_stack does. {@link #restoreVariable} puts back
     * what it covered.
     */
    public void setLocalVariable(Channel ch, String name, String value) {
        ch.putVariable(name, value);
        events.varSet(ch, "LOCAL(" + name + ")", value);
    }

    /**
     * Puts back a variable a subroutine covered, silently, as Return does: {@code value} is what
     * the channel had before, null when it had nothing.
     */
    public void restoreVariable(Channel ch, String name, String value) {
        if (value == null) {
            ch.removeVariable(name);
        } else {
            ch.putVariable(name, value);
        }
    }

    /**
     * Copies every variable of {@code from} onto {@code to} without VarSet events, as a Local
     * channel's ;1 half hands its variables to ;2 when it is called.
     */
    public void inheritVariables(Channel from, Channel to) {
        from.variables().forEach(to::putVariable);
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
        stopRecordings(ch);
        program.runHangupExtension(ch);
        events.hangup(ch);
        channels.remove(ch.name());
        byUniqueid.remove(ch.uniqueid(), ch);
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

    // ---- recordings ----

    /**
     * MixMonitor starts writing {@code file} (a full path) from {@code ch}. It goes on until the
     * channel hangs up, as a MixMonitor's audiohook does.
     */
    public CallRecording startRecording(Channel ch, String file) {
        CallRecording r = new CallRecording(file, ch.name(), ch.uniqueid(), time.nowMs(), CallRecording.RECORDING);
        recordings.add(r);
        return r;
    }

    /** Every recording started so far, oldest first, as each stands now. */
    public List<CallRecording> recordings() {
        return List.copyOf(recordings);
    }

    private void stopRecordings(Channel ch) {
        for (int i = 0; i < recordings.size(); i++) {
            CallRecording r = recordings.get(i);
            if (!r.stopped() && r.uniqueid().equals(ch.uniqueid())) {
                recordings.set(i, r.stoppedAt(time.nowMs()));
            }
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

    /**
     * AMI Redirect with ExtraChannel: both channels leave what they do, their bridge too when
     * they share one, and neither is hung up for the other's leaving, as manager.c's dual
     * redirect has it. {@code ch} moves first.
     */
    public void redirectTogether(Channel ch, Location target, Channel extra, Location extraTarget) {
        ch.inDualRedirect(true);
        extra.inDualRedirect(true);
        try {
            redirect(ch, target);
            redirect(extra, extraTarget);
        } finally {
            ch.inDualRedirect(false);
            extra.inDualRedirect(false);
        }
    }

    /**
     * Takes a channel from where it is for AMI Bridge, leaving it up: out of its bridge, or out
     * of its application (ast_channel_yank). Whoever held it is told ({@link
     * Activity.Interruption#TAKEN}); an AGI script still talking goes on with what the channel
     * left behind, as it would with Asterisk's yanked-away original.
     */
    public void take(Channel ch) {
        Activity a = ch.activity();
        if (a != null) {
            a.interrupt(ch, Activity.Interruption.TAKEN);
        }
        leaveBridge(ch);
        ch.activity(null);
    }

    // ---- bridges ----

    public Bridge bridge(Channel first, Channel second) {
        Bridge b = newBridge();
        enterBridge(b, first);
        enterBridge(b, second);
        return b;
    }

    /** An empty basic bridge, announced with BridgeCreate. */
    public Bridge newBridge() {
        Bridge b = new Bridge(ids.bridgeId());
        events.bridgeCreate(b);
        return b;
    }

    public void enterBridge(Bridge b, Channel ch) {
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

    /**
     * The phone a dial string rings: a seat's endpoint ({@code PJSIP/1001}), or a number at a
     * trunk endpoint ({@code PJSIP/13800000001@hotline-trunk}), which the carrier reaches. Null
     * when nothing answers to it.
     */
    public Endpoint reach(String dialString) {
        Endpoint own = endpoint(dialString);
        if (own != null) {
            return own;
        }
        int slash = dialString.indexOf('/');
        int at = dialString.indexOf('@');
        if (slash <= 0 || at < slash + 2 || at == dialString.length() - 1) {
            return null;
        }
        String tech = dialString.substring(0, slash);
        if (!tech.equalsIgnoreCase("PJSIP") && !tech.equalsIgnoreCase("SIP")) {
            return null;
        }
        return carrier.line(tech, dialString.substring(slash + 1, at), dialString.substring(at + 1));
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
            // A trunk is always reachable: its contact is the carrier's fixed address.
            return carrier.carries(device) ? "NOT_INUSE" : "INVALID";
        }
        return e.hasContact() ? "NOT_INUSE" : "UNAVAILABLE";
    }
}
