package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Activity;
import acd.pbxsim.pbx.Bridge;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.ChannelState;
import acd.pbxsim.pbx.Endpoint;
import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.IncomingCall;
import acd.pbxsim.pbx.Pbx;

import java.util.concurrent.ScheduledFuture;

/**
 * One Dial from a caller to a seat, from the first ring to the end of the bridged call. It is
 * the caller channel's activity, the seat channel's (through {@link #seatLeg}), and the call
 * the seat's phone acts on. Event order follows Asterisk 20's app_dial: DialBegin, Ringing,
 * DialEnd, then BridgeCreate and BridgeEnter seat-first; on hang-up BridgeLeave of the side
 * that left first.
 */
final class DialAttempt implements Activity, IncomingCall {

    private enum Phase { CALLING, RINGING, UP, DONE }

    private final Interpreter in;
    private final Pbx pbx;
    private final Channel caller;
    private final Channel seat;
    private final boolean callerGoesOn;
    private final Activity seatLeg = (ch, why) -> seatInterrupted();
    private ScheduledFuture<?> timeout;
    private Phase phase = Phase.CALLING;

    DialAttempt(Interpreter in, Channel caller, Channel seat, boolean callerGoesOn) {
        this.in = in;
        this.pbx = in.pbx();
        this.caller = caller;
        this.seat = seat;
        this.callerGoesOn = callerGoesOn;
    }

    void start(Endpoint endpoint, long timeoutMs) {
        caller.activity(this);
        seat.activity(seatLeg);
        if (timeoutMs > 0) {
            timeout = pbx.after(timeoutMs, () -> fail("NOANSWER", HangupCause.UNKNOWN));
        }
        endpoint.ring(this);
    }

    // ---- what the phone does ----

    @Override
    public Channel channel() {
        return seat;
    }

    @Override
    public Channel caller() {
        return caller;
    }

    @Override
    public boolean active() {
        return phase != Phase.DONE;
    }

    @Override
    public void ringing() {
        if (phase != Phase.CALLING) {
            return;
        }
        phase = Phase.RINGING;
        pbx.newState(seat, ChannelState.RINGING);
        pbx.events().dialState(caller, seat, "RINGING");
    }

    @Override
    public void answer() {
        if (phase != Phase.CALLING && phase != Phase.RINGING) {
            return;
        }
        phase = Phase.UP;
        cancelTimeout();
        pbx.newState(seat, ChannelState.UP);
        pbx.events().dialEnd(caller, seat, "ANSWER");
        pbx.setVariable(caller, "DIALSTATUS", "ANSWER");
        caller.connectedLine(seat.callerIdNum(), seat.callerIdName());
        pbx.bridge(seat, caller);
        caller.party().onConnected(caller, seat);
        seat.party().onConnected(seat, caller);
    }

    @Override
    public void reject(HangupCause cause) {
        fail(cause.dialStatus(), cause);
    }

    @Override
    public void hangUp() {
        if (phase == Phase.UP) {
            pbx.hangup(seat, HangupCause.NORMAL_CLEARING);
        }
    }

    private void fail(String status, HangupCause cause) {
        if (phase != Phase.CALLING && phase != Phase.RINGING) {
            return;
        }
        phase = Phase.DONE;
        cancelTimeout();
        pbx.events().dialEnd(caller, seat, status);
        pbx.setVariable(caller, "DIALSTATUS", status);
        seat.activity(null);
        pbx.destroy(seat, cause);
        in.resume(caller);
    }

    // ---- the caller's side ends: hang-up or redirect ----

    @Override
    public boolean interrupt(Channel channel, Interruption why) {
        switch (phase) {
            case CALLING, RINGING -> {
                phase = Phase.DONE;
                cancelTimeout();
                pbx.events().dialEnd(caller, seat, "CANCEL");
                pbx.setVariable(caller, "DIALSTATUS", "CANCEL");
                seat.activity(null);
                pbx.destroy(seat, HangupCause.UNKNOWN);
            }
            case UP -> {
                phase = Phase.DONE;
                Bridge bridge = seat.bridge();
                pbx.leaveBridge(caller);
                pbx.leaveBridge(seat);
                seat.activity(null);
                pbx.later(() -> {
                    if (bridge != null) {
                        pbx.events().bridgeDestroy(bridge);
                    }
                    pbx.hangupFromDialplan(seat, HangupCause.NORMAL_CLEARING);
                });
            }
            case DONE -> {
            }
        }
        return true;
    }

    // ---- the seat's side ends: the phone hung up or refused, AMI hung it up or moved it ----

    private boolean seatInterrupted() {
        switch (phase) {
            case CALLING, RINGING -> {
                phase = Phase.DONE;
                cancelTimeout();
                HangupCause cause = seat.hangupCause() == null ? HangupCause.UNKNOWN : seat.hangupCause();
                String status = cause.dialStatus();
                pbx.events().dialEnd(caller, seat, status);
                pbx.setVariable(caller, "DIALSTATUS", status);
                caller.activity(null);
                pbx.later(() -> in.resume(caller));
            }
            case UP -> {
                phase = Phase.DONE;
                Bridge bridge = seat.bridge();
                pbx.leaveBridge(seat);
                pbx.leaveBridge(caller);
                if (bridge != null) {
                    pbx.events().bridgeDestroy(bridge);
                }
                caller.activity(null);
                pbx.later(() -> {
                    if (callerGoesOn) {
                        in.resume(caller);
                    } else {
                        pbx.hangupFromDialplan(caller, HangupCause.NORMAL_CLEARING);
                    }
                });
            }
            case DONE -> {
            }
        }
        return true;
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
