package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Activity;
import acd.pbxsim.pbx.Bridge;
import acd.pbxsim.pbx.Channel;
import acd.pbxsim.pbx.ChannelState;
import acd.pbxsim.pbx.Endpoint;
import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.IncomingCall;
import acd.pbxsim.pbx.Location;
import acd.pbxsim.pbx.Pbx;

import java.util.Locale;
import java.util.concurrent.ScheduledFuture;

/**
 * One Dial from a caller to a phone (a seat, or a customer over the carrier), from the first ring
 * to the end of the bridged call. It is the caller channel's activity, the called channel's
 * (through {@link #calleeLeg}), and the call the phone acts on. Event order follows Asterisk 22's
 * app_dial: DialBegin, Ringing; on the answer the U option's subroutine on the called channel
 * (the caller still hears ringing), then DialEnd, the caller answered if it was not yet, then
 * BridgeCreate and BridgeEnter callee-first; on hang-up BridgeLeave of the side that left first.
 */
final class DialAttempt implements Activity, IncomingCall {

    /** IN_SUBROUTINE: the phone picked up and its channel runs the U option's subroutine; no bridge yet. */
    private enum Phase { CALLING, RINGING, IN_SUBROUTINE, UP, DONE }

    private final Interpreter in;
    private final Pbx pbx;
    private final Channel caller;
    private final Channel callee;
    private final DialOptions options;
    private final Activity calleeLeg = (ch, why) -> calleeInterrupted();
    private ScheduledFuture<?> timeout;
    private Phase phase = Phase.CALLING;

    DialAttempt(Interpreter in, Channel caller, Channel callee, DialOptions options) {
        this.in = in;
        this.pbx = in.pbx();
        this.caller = caller;
        this.callee = callee;
        this.options = options;
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
        cancelTimeout();
        pbx.newState(callee, ChannelState.UP);
        pbx.setVariable(caller, "DIALSTATUS", "ANSWER");
        phase = Phase.IN_SUBROUTINE;
        CalleeSubroutine subroutine = options.calleeSubroutine();
        // A subroutine that is not in the dialplan fails on its own; app_dial bridges all the same.
        if (subroutine == null
                || !in.runSubroutine(callee, subroutine.context(), subroutine.arguments(), this::subroutineOver)) {
            connect();
        }
    }

    /**
     * The called channel is back from its U subroutine: at its Return, or because it hung up in
     * it. A GOSUB_RESULT it set decides, as in app_dial; without one the two are bridged, even a
     * called side that hung up, whose bridge then breaks at once.
     */
    private void subroutineOver() {
        if (phase != Phase.IN_SUBROUTINE) {
            return;
        }
        String retval = pbx.variable(callee, "GOSUB_RETVAL");
        if (retval != null) {
            pbx.setVariable(caller, "GOSUB_RETVAL", retval);
        }
        String result = pbx.variable(callee, "GOSUB_RESULT");
        String verdict = result == null ? "" : result.toUpperCase(Locale.ROOT);
        switch (verdict) {
            case "BUSY", "CONGESTION", "CHANUNAVAIL" -> endUnbridged(result, result, true, null);
            case "CONTINUE" -> endUnbridged(result, "ANSWER", true, null);
            case "ABORT" -> endUnbridged(result, "ANSWER", options.callerGoesOn(), null);
            default -> {
                if (verdict.startsWith("GOTO:")) {
                    // app_dial turns the ^ of context^exten^priority into commas in place, so
                    // DialEnd shows the commas too
                    String dialEndStatus = result.replace('^', ',');
                    Location target = in.resolve(caller, dialEndStatus.substring("GOTO:".length()).strip());
                    endUnbridged(dialEndStatus, "ANSWER", target != null || options.callerGoesOn(), target);
                } else {
                    connect();
                }
            }
        }
    }

    /**
     * The subroutine turned the answered call down: the called side is hung up without a bridge,
     * and the caller, never answered by it, goes on in the dialplan (at {@code jumpTo} when the
     * subroutine named a place) or hangs up.
     */
    private void endUnbridged(String dialEndStatus, String dialStatus, boolean callerGoesOn, Location jumpTo) {
        phase = Phase.DONE;
        pbx.events().dialEnd(caller, callee, dialEndStatus);
        pbx.setVariable(caller, "DIALSTATUS", dialStatus);
        callee.activity(null);
        pbx.destroy(callee, HangupCause.NORMAL_CLEARING);
        caller.activity(null);
        pbx.later(() -> {
            if (!callerGoesOn) {
                pbx.hangupFromDialplan(caller, HangupCause.NORMAL_CLEARING);
            } else if (jumpTo != null) {
                in.resumeAt(caller, jumpTo);
            } else {
                in.resume(caller);
            }
        });
    }

    private void connect() {
        phase = Phase.UP;
        pbx.events().dialEnd(caller, callee, "ANSWER");
        // A caller nobody answered yet (the ;2 half of a Local channel) is answered as the bridge
        // is set up, which is what tells a Local channel's ;1 half that its call went through.
        pbx.newState(caller, ChannelState.UP);
        caller.connectedLine(callee.callerIdNum(), callee.callerIdName());
        pbx.bridge(callee, caller);
        caller.party().onConnected(caller, callee);
        callee.party().onConnected(callee, caller);
        if (callee.gone() || callee.hangupRequested()) {
            calleeInterrupted();
        } else {
            callee.activity(calleeLeg);
        }
    }

    @Override
    public void reject(HangupCause cause) {
        fail(cause.dialStatus(), cause);
    }

    @Override
    public void hangUp() {
        if (phase == Phase.IN_SUBROUTINE || phase == Phase.UP) {
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
            case IN_SUBROUTINE -> {
                // app_dial reports the answer once the subroutine is over and then cannot bridge a
                // caller that has gone: the called side is hung up, which ends its subroutine.
                phase = Phase.DONE;
                pbx.events().dialEnd(caller, callee, "ANSWER");
                pbx.hangup(callee, HangupCause.NORMAL_CLEARING);
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
            case IN_SUBROUTINE -> {
                // its subroutine hands it back to subroutineOver as it hangs up
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
                    if (options.callerGoesOn()) {
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
