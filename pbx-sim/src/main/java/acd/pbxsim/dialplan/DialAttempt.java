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
 * One Dial from a caller to a phone (a seat, or a customer over the carrier), from the first ring
 * to the end of the bridged call. It is the caller channel's activity, the called channel's
 * (through {@link #calleeLeg}), and the call the phone acts on. Event order follows Asterisk 20's
 * app_dial: DialBegin, Ringing, DialEnd, the caller answered if it was not yet, then BridgeCreate
 * and BridgeEnter callee-first; on hang-up BridgeLeave of the side that left first.
 */
final class DialAttempt implements Activity, IncomingCall {

    private enum Phase { CALLING, RINGING, UP, DONE }

    private final Interpreter in;
    private final Pbx pbx;
    private final Channel caller;
    private final Channel callee;
    private final boolean callerGoesOn;
    private final Activity calleeLeg = (ch, why) -> calleeInterrupted();
    private ScheduledFuture<?> timeout;
    private Phase phase = Phase.CALLING;

    DialAttempt(Interpreter in, Channel caller, Channel callee, boolean callerGoesOn) {
        this.in = in;
        this.pbx = in.pbx();
        this.caller = caller;
        this.callee = callee;
        this.callerGoesOn = callerGoesOn;
    }

    void start(Endpoint endpoint, long timeoutMs) {
        caller.activity(this);
        callee.activity(calleeLeg);
        if (timeoutMs > 0) {
            HangupCause ringOut = endpoint.ringOutCause();
            timeout = pbx.after(timeoutMs, () -> fail("NOANSWER", ringOut));
        }
        endpoint.ring(this);
    }

    // ---- what the phone does ----

    @Override
    public Channel channel() {
        return callee;
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
        pbx.newState(callee, ChannelState.RINGING);
        pbx.events().dialState(caller, callee, "RINGING");
    }

    @Override
    public void answer() {
        if (phase != Phase.CALLING && phase != Phase.RINGING) {
            return;
        }
        phase = Phase.UP;
        cancelTimeout();
        pbx.newState(callee, ChannelState.UP);
        pbx.events().dialEnd(caller, callee, "ANSWER");
        pbx.setVariable(caller, "DIALSTATUS", "ANSWER");
        // A caller nobody answered yet (the ;2 half of a Local channel) is answered as the bridge
        // is set up, which is what tells a Local channel's ;1 half that its call went through.
        pbx.newState(caller, ChannelState.UP);
        caller.connectedLine(callee.callerIdNum(), callee.callerIdName());
        pbx.bridge(callee, caller);
        caller.party().onConnected(caller, callee);
        callee.party().onConnected(callee, caller);
    }

    @Override
    public void reject(HangupCause cause) {
        fail(cause.dialStatus(), cause);
    }

    @Override
    public void hangUp() {
        if (phase == Phase.UP) {
            pbx.hangup(callee, HangupCause.NORMAL_CLEARING);
        }
    }

    private void fail(String status, HangupCause cause) {
        if (phase != Phase.CALLING && phase != Phase.RINGING) {
            return;
        }
        phase = Phase.DONE;
        cancelTimeout();
        pbx.events().dialEnd(caller, callee, status);
        pbx.setVariable(caller, "DIALSTATUS", status);
        callee.activity(null);
        pbx.destroy(callee, cause);
        in.resume(caller);
    }

    // ---- the caller's side ends: hang-up or redirect ----

    @Override
    public boolean interrupt(Channel channel, Interruption why) {
        switch (phase) {
            case CALLING, RINGING -> {
                phase = Phase.DONE;
                cancelTimeout();
                pbx.events().dialEnd(caller, callee, "CANCEL");
                pbx.setVariable(caller, "DIALSTATUS", "CANCEL");
                callee.activity(null);
                pbx.destroy(callee, HangupCause.UNKNOWN);
            }
            case UP -> {
                phase = Phase.DONE;
                Bridge bridge = callee.bridge();
                pbx.leaveBridge(caller);
                pbx.leaveBridge(callee);
                callee.activity(null);
                pbx.later(() -> {
                    if (bridge != null) {
                        pbx.events().bridgeDestroy(bridge);
                    }
                    pbx.hangupFromDialplan(callee, HangupCause.NORMAL_CLEARING);
                });
            }
            case DONE -> {
            }
        }
        return true;
    }

    // ---- the called side ends: the phone hung up or refused, AMI hung it up or moved it ----

    private boolean calleeInterrupted() {
        switch (phase) {
            case CALLING, RINGING -> {
                phase = Phase.DONE;
                cancelTimeout();
                HangupCause cause = callee.hangupCause() == null ? HangupCause.UNKNOWN : callee.hangupCause();
                String status = cause.dialStatus();
                pbx.events().dialEnd(caller, callee, status);
                pbx.setVariable(caller, "DIALSTATUS", status);
                caller.activity(null);
                pbx.later(() -> in.resume(caller));
            }
            case UP -> {
                phase = Phase.DONE;
                Bridge bridge = callee.bridge();
                pbx.leaveBridge(callee);
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
