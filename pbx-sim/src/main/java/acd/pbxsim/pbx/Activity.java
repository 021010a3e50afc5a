package acd.pbxsim.pbx;

/**
 * The dialplan application a channel is blocked in (MusicOnHold, Dial, AGI, Wait...). The PBX
 * interrupts it when the channel is hung up or redirected.
 */
public interface Activity {

    enum Interruption { HANGUP, REDIRECT }

    /**
     * End the application's work and send the events its end makes (MusicOnHoldStop, DialEnd,
     * BridgeLeave...). Return true when it is over; false when it will finish by itself later
     * and then call {@link Pbx#activityEnded(Channel)} (an AGI script still talking).
     */
    boolean interrupt(Channel channel, Interruption why);
}
