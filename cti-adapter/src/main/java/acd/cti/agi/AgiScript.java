package acd.cti.agi;

import acd.cti.agi.codec.AgiRequest;

/**
 * What runs when Asterisk calls {@code AGI(agi://host/<path>)}. A fresh script per call is made
 * by the factory registered with {@link AgiScriptRouter}.
 *
 * <p>Every method runs on the connection's event loop, as do the stages the
 * {@link AgiChannel} returns: chain them, never block on them.
 */
public interface AgiScript {

    /**
     * Begins the dialogue. Returning does not end the session: it ends when the script calls
     * {@link AgiChannel#close()} or the caller hangs up. A throw closes the session.
     */
    void start(AgiRequest request, AgiChannel channel);

    /**
     * The caller hung up: Asterisk sent {@code HANGUP} or the connection was lost while the
     * script was still running. Runs once, after the pending commands have failed.
     */
    default void onHangup(AgiChannel channel) {
    }

    /** The connection is closed, whatever the reason; the last call a script gets. */
    default void onEnd(AgiChannel channel) {
    }
}
