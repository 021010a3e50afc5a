package acd.pbxsim;

import acd.pbxsim.agi.FastAgiClient;
import acd.pbxsim.ami.AmiActions;
import acd.pbxsim.ami.AmiEventWriter;
import acd.pbxsim.ami.AmiServer;
import acd.pbxsim.dialplan.Interpreter;
import acd.pbxsim.dialplan.Originator;
import acd.pbxsim.pbx.CallRecording;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.ChannelState;
import acd.pbxsim.pbx.Location;
import acd.pbxsim.pbx.Party;
import acd.pbxsim.pbx.Pbx;
import acd.pbxsim.pbx.SimTime;
import acd.pbxsim.world.CallOutcome;
import acd.pbxsim.world.CustomerCall;
import acd.pbxsim.world.CustomerSettings;
import acd.pbxsim.world.SimulatedCarrier;
import acd.pbxsim.world.SimulatedCaller;
import acd.pbxsim.world.CallerScript;
import acd.pbxsim.world.Outcomes;
import acd.pbxsim.world.SeatPhone;
import acd.pbxsim.world.SeatSettings;
import acd.pbxsim.world.CallerArrivals;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for Asterisk 20 on loopback: the manager interface (AMI) for the ACD's client,
 * FastAGI connections to the ACD's scripts, the ACD dialplan, and the people: callers who dial
 * the hotline, seat phones that ring, and customers the hotline calls out to over the carrier
 * trunk. Build it from {@link PbxSettings}, {@link #start()} it, place calls or start traffic,
 * read {@link #outcomes()} and {@link #customerCalls()}, {@link #close()} it.
 *
 * <pre>
 *   try (PbxSimulator pbx = new PbxSimulator(PbxSettings.defaults().withAmi("127.0.0.1", 0)
 *           .withSeatRange(1001, 1010)).start()) {
 *       pbx.seat("PJSIP/1001").login();
 *       PlacedCall call = pbx.placeCall(CallerScript.caller("13800000001").pressing("1"));
 *       ...
 *   }
 * </pre>
 */
public final class PbxSimulator implements AutoCloseable {

    private final PbxSettings settings;
    private final Pbx pbx;
    private final Interpreter interpreter;
    private final SimulatedCarrier carrier;
    private final AmiServer ami;
    private final NioEventLoopGroup boss;
    private final NioEventLoopGroup workers;
    private final Map<String, SeatPhone> seats = new LinkedHashMap<>();
    private final List<SimulatedCaller> callers = new ArrayList<>();
    private volatile boolean trafficRunning;
    private volatile boolean started;

    public PbxSimulator(PbxSettings settings) {
        this.settings = settings;
        long start = settings.startEpochMs() != null ? settings.startEpochMs() : System.currentTimeMillis();
        this.pbx = new Pbx(new SimTime(start, settings.speed()), settings.seed());
        this.boss = new NioEventLoopGroup(1, new DefaultThreadFactory("pbx-sim-accept", true));
        this.workers = new NioEventLoopGroup(2, new DefaultThreadFactory("pbx-sim-io", true));
        FastAgiClient agi = new FastAgiClient(workers, pbx, settings.prompts());
        this.interpreter = new Interpreter(pbx, settings.dialplan(), settings.prompts(), agi, settings.seatContext(),
                settings.voicemailMessageMs());
        pbx.program(interpreter);
        this.carrier = new SimulatedCarrier(settings.customers(), pbx, settings.inboundContext());
        pbx.carrier(carrier);
        pbx.setGlobal("ACD_AGI", "agi://" + settings.agiHost() + ":" + settings.agiPort());
        Originator originator = new Originator(interpreter, this::partyForOriginatedCall);
        this.ami = new AmiServer(pbx, new AmiActions(pbx, interpreter, originator, settings.amiUsers(),
                settings.authFailureWallMs()));
        pbx.events(new AmiEventWriter(ami::broadcast));
        for (SeatSettings s : settings.seats()) {
            addSeat(s);
        }
    }

    /** Opens the manager port. */
    public PbxSimulator start() {
        try {
            ami.start(boss, workers, settings.amiBindAddress(), settings.amiPort());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the AMI port", e);
        }
        started = true;
        return this;
    }

    public PbxSettings settings() {
        return settings;
    }

    /** The port the manager interface listens on. */
    public int amiPort() {
        return ami.port();
    }

    /** Manager clients connected now. */
    public int amiConnections() {
        return ami.connections();
    }

    /** Closes every AMI connection (the listener stays), to test a client's reconnect. */
    public void dropAmiConnections() {
        ami.dropConnections();
    }

    /** Where AGI() connects from now on: ${ACD_AGI} becomes agi://host:port. */
    public void agiAddress(String host, int port) {
        pbx.execute(() -> pbx.setGlobal("ACD_AGI", "agi://" + host + ":" + port));
    }

    // ---- seats ----

    public SeatPhone addSeat(SeatSettings s) {
        return pbx.call(() -> {
            String key = s.endpoint().toLowerCase(Locale.ROOT);
            if (seats.containsKey(key)) {
                throw new IllegalArgumentException("seat " + s.endpoint() + " already exists");
            }
            SeatPhone phone = new SeatPhone(s, pbx, interpreter, settings.seatContext());
            seats.put(key, phone);
            pbx.addEndpoint(phone);
            return phone;
        });
    }

    /** The phone at {@code endpoint} (PJSIP/1001). */
    public SeatPhone seat(String endpoint) {
        SeatPhone phone = pbx.call(() -> seats.get(endpoint.toLowerCase(Locale.ROOT)));
        if (phone == null) {
            throw new IllegalArgumentException("no seat phone " + endpoint + "; add it with addSeat");
        }
        return phone;
    }

    public List<SeatPhone> seats() {
        return pbx.call(() -> List.copyOf(seats.values()));
    }

    /** NOT_INUSE, RINGING, INUSE or UNAVAILABLE. */
    public String deviceState(String endpoint) {
        return pbx.call(() -> pbx.deviceStates().getOrDefault(endpoint, "UNKNOWN"));
    }

    // ---- customers called out to ----

    /** How customers reached over the carrier behave from the next call on. */
    public void customers(CustomerSettings behaviour) {
        carrier.settings(behaviour);
    }

    public CustomerSettings customers() {
        return carrier.settings();
    }

    /**
     * Every call placed to a customer over the carrier (a Dial or Originate to
     * {@code PJSIP/<number>@<trunk>}), oldest first, as each stands now.
     */
    public List<CustomerCall> customerCalls() {
        return pbx.call(carrier::calls);
    }

    // ---- callers ----

    /** A caller dials the hotline now. */
    public PlacedCall placeCall(CallerScript script) {
        return pbx.call(() -> new PlacedCall(arrive(script), pbx));
    }

    private SimulatedCaller arrive(CallerScript script) {
        SimulatedCaller caller = new SimulatedCaller(script, pbx);
        String name = script.name().isEmpty() ? script.number() : script.name();
        Channel ch = pbx.newChannel("PJSIP", settings.trunk(), null, ChannelState.DOWN, script.number(), name,
                new Location(settings.inboundContext(), script.did(), 1), null);
        ch.dnid(script.did());
        ch.party(caller);
        callers.add(caller);
        caller.arrived(ch);
        pbx.newState(ch, ChannelState.RING);
        pbx.later(() -> interpreter.run(ch));
        return caller;
    }

    /** The ;2 half of an AMI Originate into the inbound context is a caller too (with no script). */
    private Party partyForOriginatedCall(Channel ch) {
        if (!ch.context().equals(settings.inboundContext())) {
            return Party.NOBODY;
        }
        String number = ch.callerIdNum().equals("<unknown>") ? "" : ch.callerIdNum();
        SimulatedCaller caller = new SimulatedCaller(new CallerScript(number, ch.callerIdName(), ch.exten(), List.of(), 0, 0), pbx);
        callers.add(caller);
        caller.arrived(ch);
        return caller;
    }

    /** Starts a Poisson stream of callers; it stops by itself after {@code traffic.calls()}. */
    public void startTraffic(CallerArrivals traffic) {
        trafficRunning = true;
        CallerArrivals.Arrivals arrivals = traffic.arrivals();
        pbx.execute(() -> nextArrival(arrivals));
    }

    private void nextArrival(CallerArrivals.Arrivals arrivals) {
        if (!trafficRunning || !arrivals.hasNext()) {
            trafficRunning = false;
            return;
        }
        pbx.after(arrivals.nextGapMs(), () -> {
            if (trafficRunning) {
                arrive(arrivals.nextCaller());
                nextArrival(arrivals);
            }
        });
    }

    public void stopTraffic() {
        trafficRunning = false;
    }

    public boolean trafficRunning() {
        return trafficRunning;
    }

    /** Every call so far, with the counters. */
    public Outcomes outcomes() {
        return pbx.call(() -> {
            List<CallOutcome> all = new ArrayList<>(callers.size());
            for (SimulatedCaller c : callers) {
                all.add(c.outcome());
            }
            return new Outcomes(all, pbx.time().nowMs());
        });
    }

    /** Waits until traffic has stopped and every call has ended; false on timeout. */
    public boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!trafficRunning && outcomes().allEnded()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return false;
    }

    // ---- recordings ----

    /**
     * Every recording the dialplan's MixMonitor started (the shipped dialplan records each
     * delivered call from the seat's answer), oldest first, as each stands now: a recording
     * still going on has {@code stoppedAtMs} -1.
     */
    public List<CallRecording> recordings() {
        return pbx.call(pbx::recordings);
    }

    /** Names of the channels up now. */
    public List<String> channels() {
        return pbx.call(() -> pbx.channels().stream().map(Channel::name).toList());
    }

    /** Simulated epoch milliseconds. */
    public long nowMs() {
        return pbx.time().nowMs();
    }

    public boolean started() {
        return started;
    }

    @Override
    public void close() {
        trafficRunning = false;
        ami.close();
        pbx.close();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
