package acd.pbxsim.pbx;

/**
 * Whoever is behind a channel: a simulated caller or seat phone. The PBX tells it what happens
 * to its channel; all calls arrive on the PBX thread.
 */
public interface Party {

    /** A party nobody simulates (channels created over AMI without a script). */
    Party NOBODY = new Party() {
    };

    /**
     * The digits this party keys in when the PBX next collects input (GET DATA, WAIT FOR DIGIT):
     * "" for silence, null when the script has nothing more to say.
     */
    default String nextKeypresses() {
        return null;
    }

    /** Dial is ringing a phone for this party's channel. */
    default void onDialing(Channel self, String device) {
    }

    /** The channel went Up (Answer(), a phone picking up). */
    default void onAnswered(Channel self) {
    }

    /** The channel was connected to a peer (Dial answered, bridge entered). */
    default void onConnected(Channel self, Channel peer) {
    }

    /** A channel variable was set on the party's channel (dialplan, AGI or AMI). */
    default void onVariable(Channel self, String name, String value) {
    }

    /** The channel moved to another dialplan application. */
    default void onApplication(Channel self, String application) {
    }

    /** The channel is gone (its Hangup event has been sent). */
    default void onHangup(Channel self) {
    }
}
