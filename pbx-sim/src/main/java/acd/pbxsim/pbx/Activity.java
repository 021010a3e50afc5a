package acd.pbxsim.pbx;

/**
 * The dialplan application a channel is blocked in (MusicOnHold, Dial, AGI, Wait...). The PBX
 * interrupts it when the channel is hung up, redirected, or taken into another bridge.
 */
public interface Activity {

    enum Interruption {
        HANGUP,
        REDIRECT,
        /**
         * AMI Bridge takes the channel, which stays up: out of its application, as a redirect
         * ends it, or out of its bridge, which breaks up behind it once the channel is in the new
         * one (Asterisk dissolves a bridge whose channel was stolen).
         */
        TAKEN
    }

    /**
     * End the application's work and send the events its end makes (MusicOnHoldStop, DialEnd,
     * BridgeLeave...). Return true when it is over; false when it will finish by itself later
     * and then call {@link Pbx#activityEnded(Channel)} (an AGI script still talking).
     */
    boolean interrupt(Channel channel, Interruption why);
}
