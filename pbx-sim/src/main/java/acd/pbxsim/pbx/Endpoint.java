package acd.pbxsim.pbx;

/** A phone the PBX can ring: a seat's PJSIP endpoint, or a customer reached over the carrier. */
public interface Endpoint {

    /** The device name in DeviceStateChange and Dial: {@code PJSIP/1001}, {@code PJSIP/hotline-trunk}. */
    String device();

    /** Whether the endpoint has a contact to send an INVITE to (it is registered). */
    boolean hasContact();

    /** The PBX rings the phone; the phone answers, refuses or lets it ring through {@code call}. */
    void ring(IncomingCall call);

    /**
     * Where the phone's channel stands in the dialplan while it rings: the endpoint's context
     * and the number dialled, as pjsip.conf's {@code context=} puts it. Null leaves it at
     * {@code s} in the seats' context.
     */
    default Location location() {
        return null;
    }

    /**
     * The caller id pjsip.conf gives the endpoint ({@code callerid=}): what its own channel
     * carries when the PBX calls it, and so what the phones it then dials show. Null when it has
     * none, and a Dial's called channel carries the caller's.
     */
    default CallerId callerId() {
        return null;
    }

    /**
     * The cause the phone's channel hangs up with when the dialler stops ringing it (Dial's
     * timeout). A seat's shows no cause, as in the captures; a carrier reports no answer.
     */
    default HangupCause ringOutCause() {
        return HangupCause.UNKNOWN;
    }
}
