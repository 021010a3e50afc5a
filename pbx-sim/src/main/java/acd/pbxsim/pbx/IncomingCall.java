package acd.pbxsim.pbx;

/**
 * A call ringing at an {@link Endpoint}, as the phone sees it. Every method must be called on
 * the PBX thread (phones schedule their behaviour with {@link Pbx#after}); calls after the
 * call has ended do nothing.
 */
public interface IncomingCall {

    /** The phone's own channel (PJSIP/1001-0000000a). */
    Channel channel();

    /** The channel that dialled, or null when the PBX originated the call. */
    Channel caller();

    /** 180 Ringing. */
    void ringing();

    /** 200 OK: the person picked up. */
    void answer();

    /** A final refusal: 486 Busy Here is {@link HangupCause#USER_BUSY}, and so on. */
    void reject(HangupCause cause);

    /** The person puts the phone down after having answered. */
    void hangUp();

    /** Whether the call is still ringing or talking. */
    boolean active();
}
