package acd.pbxsim.world;

import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.Endpoint;
import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.IncomingCall;
import acd.pbxsim.pbx.Location;
import acd.pbxsim.pbx.Party;
import acd.pbxsim.pbx.Pbx;

import java.util.concurrent.ScheduledFuture;

/**
 * A customer's phone as one call out over the carrier reaches it: it rings, is picked up after
 * the customer's ring time or never, turns the call down when the customer is busy, and hangs up
 * after their talk time. Its channel is the trunk endpoint's ({@code PJSIP/hotline-trunk-0000000a},
 * in the trunk's context at the number dialled), as Asterisk makes an outbound call on an
 * endpoint. It keeps the call's record; everything happens on the PBX thread.
 */
public final class CustomerPhone implements Endpoint {

    /**
     * A network gives up on a phone nobody picks up (408/480, no answer), so a Dial without a
     * timeout still ends; the Dial's own timeout is normally much shorter.
     */
    static final long NETWORK_GIVES_UP_MS = 180_000;

    private final SimulatedCarrier carrier;
    private final Pbx pbx;
    private final String tech;
    private final String number;
    private final String trunk;
    private String channel = "";
    private String uniqueid = "";
    private String callerIdNum = "";
    private String callerIdName = "";
    private long placedAtMs = -1;
    private long answeredAtMs = -1;
    private long endedAtMs = -1;
    private boolean busy;

    CustomerPhone(SimulatedCarrier carrier, String tech, String number, String trunk) {
        this.carrier = carrier;
        this.pbx = carrier.pbx();
        this.tech = tech;
        this.number = number;
        this.trunk = trunk;
    }

    public String number() {
        return number;
    }

    // ---- Endpoint ----

    @Override
    public String device() {
        return tech + "/" + trunk;
    }

    /** The trunk's contact is the carrier's fixed address: always there. */
    @Override
    public boolean hasContact() {
        return true;
    }

    @Override
    public Location location() {
        return new Location(carrier.context(), number, 1);
    }

    @Override
    public HangupCause ringOutCause() {
        return HangupCause.NO_ANSWER;
    }

    @Override
    public void ring(IncomingCall call) {
        CustomerSettings s = carrier.settings();
        Channel ch = call.channel();
        channel = ch.name();
        uniqueid = ch.uniqueid();
        callerIdNum = ch.callerIdNum();
        callerIdName = ch.callerIdName();
        placedAtMs = pbx.time().nowMs();
        boolean onAnotherCall = carrier.onAnotherCall(number);
        carrier.placed(this);
        Line line = new Line(call);
        ch.party(line);
        if (s.busy().contains(number) || onAnotherCall) {
            busy = true;
            Handset.refuse(pbx, call, HangupCause.USER_BUSY);
            return;
        }
        boolean picksUp = s.picksUp(number, pbx.ids().random());
        Handset.ring(pbx, call, picksUp, s.ringMs());
        if (!picksUp) {
            line.givingUp = pbx.after(NETWORK_GIVES_UP_MS, () -> call.reject(HangupCause.NO_ANSWER));
        }
    }

    /** Whether this call is still ringing or talking. */
    boolean going() {
        return placedAtMs >= 0 && endedAtMs < 0;
    }

    CustomerCall record() {
        return new CustomerCall(number, trunk, callerIdNum, callerIdName, channel, uniqueid, placedAtMs,
                answeredAtMs, endedAtMs, busy);
    }

    /** The customer's side of the call: talk time, and the record of when things happened. */
    private final class Line implements Party {
        private final IncomingCall call;
        private ScheduledFuture<?> givingUp;
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
            if (answeredAtMs >= 0) {
                return;
            }
            answeredAtMs = pbx.time().nowMs();
            cancel(givingUp);
            long talkMs = carrier.settings().talkMs();
            if (talkMs > 0) {
                talk = pbx.after(talkMs, call::hangUp);
            }
        }

        @Override
        public void onHangup(Channel self) {
            endedAtMs = pbx.time().nowMs();
            cancel(givingUp);
            cancel(talk);
        }

        private void cancel(ScheduledFuture<?> timer) {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    @Override
    public String toString() {
        return "CustomerPhone[" + number + " via " + device() + "]";
    }
}
