package acd.core.engine;

/**
 * A read-only look at a call, handed to directive sinks and listeners. Valid only during the
 * callback: the engine reuses call objects, so copy what you keep.
 */
public interface CallView {
    long callId();

    int queueIndex();

    int tierIndex();

    /** Brand index, or -1. */
    int brandIndex();

    /** Account manager agent index, or -1. */
    int accountManagerIndex();

    CharSequence callerNumber();

    CharSequence ivrPath();

    /** The caller's channel at the PBX (Asterisk's Uniqueid), or null when there is none. */
    CharSequence callerChannel();

    /** The answering seat's channel at the PBX, or null before an answer or when not seen. */
    CharSequence seatChannel();

    /** Who hung up first; {@link HangupSide#UNKNOWN} until the call has ended. */
    HangupSide hungUpFirst();

    /** When the call arrived, ms. */
    long arrivedAtMs();

    /** When it entered its current queue, ms; the service-level clock starts here. */
    long queuedAtMs();

    CallState state();

    /**
     * Whether the caller hung up to be called back: the call keeps its place in line with nobody
     * on the line until the callback reaches them.
     */
    default boolean awaitingCallback() {
        return false;
    }
}
