package acd.pbxsim.pbx;

/** A phone the PBX can ring (a seat's PJSIP endpoint). */
public interface Endpoint {

    /** The device name in DeviceStateChange and Dial: {@code PJSIP/1001}. */
    String device();

    /** Whether the endpoint has a contact to send an INVITE to (it is registered). */
    boolean hasContact();

    /** The PBX rings the phone; the phone answers, refuses or lets it ring through {@code call}. */
    void ring(IncomingCall call);
}
