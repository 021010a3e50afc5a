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
 * The side left in the bridge when the other goes is hung up, as Asterisk 12+ does with a
 * Dial's channels, unless it has somewhere to go: the caller goes on with {@code g}, the called
 * side at the F option's place, and either follows its own redirect when both were redirected
 * together. A side AMI Bridge takes away leaves at once; the bridge breaks up behind it once it
 * is in its new one, as Asterisk dissolves a bridge whose channel was stolen.
 */
final class DialAttempt implements Activity, IncomingCall {

    /** IN_SUBROUTINE: the phone picked up and its channel runs the U option's subroutine; no bridge yet. */
    private enum Phase { CALLING, RINGING, IN_SUBROUTINE, UP, DONE }

    private final Interpreter in;
    private final Pbx pbx;
    private final Channel caller;
    private final Channel callee;
    private final DialOptions options;
    /** Where the Dial runs: F's place is worked out from it, as app_dial does. */
    private final Location dialAt;
    private final Activity calleeLeg = (ch, why) -> calleeInterrupted(why);
    private ScheduledFuture<?> timeout;
    private Phase phase = Phase.CALLING;
    private boolean answered;
    private Bridge bridge;

    DialAttempt(Interpreter in, Channel caller, Channel callee, DialOptions options) {
        this.in = in;
        this.pbx = in.pbx();
        this.caller = caller;
        this.callee = callee;
        this.options = options;
        this.dialAt = caller.location();
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

    /** Still ringing or talking; a phone that picked up is in the call while its channel is up, wherever it went. */
    @Override
    public boolean active() {
        return phase != Phase.DONE || answered && !callee.gone();
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
        answered = true;
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
        bridge = pbx.bridge(callee, caller);
        caller.party().onConnected(caller, callee);
        callee.party().onConnected(callee, caller);
        if (callee.gone() || callee.hangupRequested()) {
            calleeInterrupted(Interruption.HANGUP);
        } else {
            callee.activity(calleeLeg);
        }
    }

    @Override
    public void reject(HangupCause cause) {
        fail(cause.dialStatus(), cause);
    }

    /** The phone's channel hangs up, also when it has moved on from this call (redirected, bridged elsewhere). */
    @Override
    public void hangUp() {
        if (answered && !callee.gone()) {
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
                pbx.leaveBridge(caller);
                if (why == Interruption.TAKEN) {
                    pbx.later(this::leaveCalleeBehind);
                } else if (callee.inDualRedirect()) {
                    pbx.leaveBridge(callee);
                    destroyBridge();
                    // its own redirect, next, moves it on
                    callee.activity(null);
                } else {
                    pbx.leaveBridge(callee);
                    pbx.later(this::leaveCalleeBehind);
                }
            }
            case DONE -> leaveOurBridge(caller);
        }
        return true;
    }

    /**
     * The caller has left the bridge: the called side, unless something else took it meanwhile,
     * leaves too and goes on at the F option's place, or is hung up.
     */
    private void leaveCalleeBehind() {
        boolean ours = callee.activity() == calleeLeg;
        if (ours) {
            pbx.leaveBridge(callee);
        }
        destroyBridge();
        if (!ours || callee.gone()) {
            return;
        }
        callee.activity(null);
        CalleeGoOn goOn = options.calleeGoOn();
        Location target = goOn == null ? null : goOn.resolve(in, dialAt);
        if (target == null) {
            pbx.hangupFromDialplan(callee, HangupCause.NORMAL_CLEARING);
        } else {
            in.resumeAt(callee, target);
        }
    }

    // ---- the called side ends: the phone hung up or refused, AMI hung it up or moved it ----

    private boolean calleeInterrupted(Interruption why) {
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
                pbx.leaveBridge(callee);
                if (why == Interruption.TAKEN) {
                    pbx.later(this::leaveCallerBehind);
                    return true;
                }
                pbx.leaveBridge(caller);
                destroyBridge();
                caller.activity(null);
                if (!caller.inDualRedirect()) {
                    pbx.later(this::callerGoesOn);
                }
            }
            case DONE -> leaveOurBridge(callee);
        }
        return true;
    }

    /** The called side was taken into another bridge: the caller, unless taken too, leaves and goes on or hangs up. */
    private void leaveCallerBehind() {
        boolean ours = caller.activity() == this;
        if (ours) {
            pbx.leaveBridge(caller);
        }
        destroyBridge();
        if (ours) {
            caller.activity(null);
            callerGoesOn();
        }
    }

    /** The Dial is over with the called side gone from the bridge: {@code g} goes on, else the caller hangs up. */
    private void callerGoesOn() {
        if (caller.gone() || caller.activity() != null) {
            // hung up, redirected or taken meanwhile: that decides
            return;
        }
        if (options.callerGoesOn()) {
            in.resume(caller);
        } else {
            pbx.hangupFromDialplan(caller, HangupCause.NORMAL_CLEARING);
        }
    }

    /** A channel of a call already over still in its bridge (the other side left it just now) leaves it. */
    private void leaveOurBridge(Channel ch) {
        if (bridge != null && ch.bridge() == bridge) {
            pbx.leaveBridge(ch);
        }
    }

    private void destroyBridge() {
        if (bridge != null) {
            pbx.destroyBridge(bridge);
            bridge = null;
        }
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
