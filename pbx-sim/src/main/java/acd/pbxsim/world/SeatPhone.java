package acd.pbxsim.world;

import acd.pbxsim.dialplan.Interpreter;
import acd.pbxsim.pbx.CallerId;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.ChannelState;
import acd.pbxsim.pbx.Endpoint;
import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.IncomingCall;
import acd.pbxsim.pbx.Location;
import acd.pbxsim.pbx.Party;
import acd.pbxsim.pbx.Pbx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A seat's phone. It rings, is picked up after its ring time (or never, with its no-answer
 * probability), refuses when busy or already in a call, hangs up after its talk time when it
 * has one, and dials the ACD feature codes as the seat: {@code *21} log in, {@code *22} log out,
 * {@code *23} ready, {@code *24N} not ready, {@code *25} end wrap-up. Its behaviour can be
 * changed while the simulator runs; what it does happens on the PBX thread.
 */
public final class SeatPhone implements Endpoint {

    /** An INVITE to a dead contact fails after this long (shortened from SIP's 32 s timer B). */
    private static final long UNREACHABLE_MS = 1000;

    private final Pbx pbx;
    private final Interpreter interpreter;
    private final String seatContext;
    private volatile SeatSettings settings;
    private IncomingCall current;
    private volatile int rung;
    private volatile int answered;
    private volatile int missed;
    private volatile int refused;

    public SeatPhone(SeatSettings settings, Pbx pbx, Interpreter interpreter, String seatContext) {
        this.settings = settings;
        this.pbx = pbx;
        this.interpreter = interpreter;
        this.seatContext = seatContext;
    }

    public SeatSettings settings() {
        return settings;
    }

    /** Changes how the phone behaves from the next call on; a registration change is announced. */
    public SeatPhone update(SeatSettings newSettings) {
        if (!newSettings.endpoint().equals(settings.endpoint())) {
            throw new IllegalArgumentException("a phone keeps its endpoint: " + settings.endpoint());
        }
        this.settings = newSettings;
        pbx.execute(() -> pbx.updateDevice(device()));
        return this;
    }

    public SeatPhone register() {
        return update(settings.withRegistration(Registration.REGISTERED));
    }

    public SeatPhone unregister() {
        return update(settings.withRegistration(Registration.UNREGISTERED));
    }

    public String number() {
        return settings.number();
    }

    // ---- Endpoint ----

    @Override
    public String device() {
        return settings.endpoint();
    }

    /** The seat is known by its caller id, the agent's number (pjsip.conf's callerid for the seat). */
    @Override
    public CallerId callerId() {
        return new CallerId(settings.name(), settings.number());
    }

    @Override
    public boolean hasContact() {
        return settings.registration() != Registration.UNREGISTERED;
    }

    @Override
    public void ring(IncomingCall call) {
        SeatSettings s = settings;
        rung++;
        call.channel().party(new Line(call));
        if (s.registration() == Registration.UNREACHABLE) {
            pbx.after(UNREACHABLE_MS, () -> call.reject(HangupCause.SUBSCRIBER_ABSENT));
            return;
        }
        if (s.busy() || (current != null && current.active())) {
            refused++;
            Handset.refuse(pbx, call, HangupCause.USER_BUSY);
            return;
        }
        current = call;
        boolean picksUp = pbx.ids().random().nextDouble() >= s.noAnswerProbability();
        Handset.ring(pbx, call, picksUp, s.ringMs());
    }

    /** The phone's side of one call: talk time, and what happens when it ends. */
    private final class Line implements Party {
        private final IncomingCall call;
        private boolean wasAnswered;
        private ScheduledFuture<?> talk;

        Line(IncomingCall call) {
            this.call = call;
        }

        @Override
        public void onConnected(Channel self, Channel peer) {
            onAnswered(self);
        }

        @Override
        public void onAnswered(Channel self) {
            if (wasAnswered) {
                return;
            }
            wasAnswered = true;
            answered++;
            long talkMs = settings.talkTimeMs();
            if (talkMs > 0) {
                talk = pbx.after(talkMs, call::hangUp);
            }
        }

        @Override
        public void onHangup(Channel self) {
            if (talk != null) {
                talk.cancel(false);
            }
            if (current == call) {
                current = null;
            }
            if (!wasAnswered && settings.registration() == Registration.REGISTERED && !settings.busy()) {
                missed++;
            }
            long after = settings.wrapUpDoneAfterMs();
            if (wasAnswered && after >= 0) {
                pbx.after(after, () -> dialNow("*25", new CompletableFuture<>()));
            }
        }
    }

    // ---- the seat dials ----

    public CompletableFuture<String> login() {
        return dial("*21");
    }

    public CompletableFuture<String> logout() {
        return dial("*22");
    }

    public CompletableFuture<String> ready() {
        return dial("*23");
    }

    /** Not ready with reason {@code n} (1..9), the nth of routing.yaml's notReadyReasons. */
    public CompletableFuture<String> notReady(int reason) {
        if (reason < 1 || reason > 9) {
            throw new IllegalArgumentException("reason must be 1..9: " + reason);
        }
        return dial("*24" + reason);
    }

    public CompletableFuture<String> wrapUpDone() {
        return dial("*25");
    }

    /**
     * Dials {@code exten} from the seat's context; completes with the AGISTATUS the call ended
     * with ("" if it ran no AGI) when its channel hangs up.
     */
    public CompletableFuture<String> dial(String exten) {
        CompletableFuture<String> result = new CompletableFuture<>();
        pbx.execute(() -> dialNow(exten, result));
        return result;
    }

    private void dialNow(String exten, CompletableFuture<String> result) {
        SeatSettings s = settings;
        String tech = s.endpoint().substring(0, s.endpoint().indexOf('/'));
        Channel ch = pbx.newChannel(tech, s.number(), s.endpoint(), ChannelState.DOWN, s.number(), s.name(),
                new Location(seatContext, exten, 1), null);
        ch.dnid(exten);
        ch.party(new Party() {
            private String agiStatus = "";

            @Override
            public void onVariable(Channel self, String name, String value) {
                if (name.equals("AGISTATUS")) {
                    agiStatus = value;
                }
            }

            @Override
            public void onHangup(Channel self) {
                result.complete(agiStatus);
            }
        });
        pbx.newState(ch, ChannelState.RING);
        interpreter.run(ch);
    }

    // ---- counters, written on the PBX thread ----

    public int rung() {
        return rung;
    }

    public int answered() {
        return answered;
    }

    public int missed() {
        return missed;
    }

    public int refused() {
        return refused;
    }

    @Override
    public String toString() {
        return "SeatPhone[" + device() + ", " + settings.registration() + "]";
    }
}
