package acd.pbxsim.world;

import acd.pbxsim.pbx.HangupCause;
import acd.pbxsim.pbx.IncomingCall;
import acd.pbxsim.pbx.Pbx;

/**
 * What every simulated phone, a seat's or a customer's, does on the wire when a call comes in:
 * 180 Ringing at once, a refusal after a moment, the pick-up after the person's ring time.
 */
final class Handset {

    /** 180 Ringing comes back this quickly. */
    static final long RINGBACK_MS = 50;
    /** A refusal (486 Busy Here) takes this long. */
    static final long REFUSE_MS = 200;

    private Handset() {
    }

    /** The phone rings; the person picks up after {@code ringMs}, or lets it ring when not {@code picksUp}. */
    static void ring(Pbx pbx, IncomingCall call, boolean picksUp, long ringMs) {
        pbx.after(RINGBACK_MS, call::ringing);
        if (picksUp) {
            pbx.after(Math.max(RINGBACK_MS + 1, ringMs), () -> {
                if (call.active()) {
                    call.answer();
                }
            });
        }
    }

    /** The phone turns the call down with {@code cause}. */
    static void refuse(Pbx pbx, IncomingCall call, HangupCause cause) {
        pbx.after(REFUSE_MS, () -> call.reject(cause));
    }
}
