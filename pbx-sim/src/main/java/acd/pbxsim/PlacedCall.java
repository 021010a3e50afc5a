package acd.pbxsim;

import acd.pbxsim.pbx.Pbx;
import acd.pbxsim.world.CallOutcome;
import acd.pbxsim.world.SimulatedCaller;

import java.util.concurrent.CompletableFuture;

/** A call {@link PbxSimulator#placeCall} started: its channel, its record, a way to hang it up. */
public final class PlacedCall {

    private final SimulatedCaller caller;
    private final Pbx pbx;
    private final String channel;
    private final String uniqueid;

    PlacedCall(SimulatedCaller caller, Pbx pbx) {
        this.caller = caller;
        this.pbx = pbx;
        this.channel = caller.channel().name();
        this.uniqueid = caller.channel().uniqueid();
    }

    /** The caller's channel, e.g. {@code PJSIP/carrier-00000003}. */
    public String channel() {
        return channel;
    }

    /** Its Uniqueid: the key the ACD gets as agi_uniqueid. */
    public String uniqueid() {
        return uniqueid;
    }

    /** The caller puts the phone down now. */
    public void hangUp() {
        pbx.execute(caller::hangUp);
    }

    /** The call's record as it stands. */
    public CallOutcome outcome() {
        return pbx.call(caller::outcome);
    }

    /** Completes when the caller's channel has hung up. */
    public CompletableFuture<CallOutcome> ended() {
        return caller.ended();
    }
}
