package acd.server.metrics;

/**
 * The live state of the server's connections and engine, read by any thread at any time: what
 * {@code /api/health} and {@code /metrics} show beside the service-level figures.
 */
public interface ServerVitals {
    boolean amiConnected();

    long amiReconnects();

    /** AMI events Asterisk-Java dropped on a full queue. */
    long amiEventsDropped();

    /** AMI events that could not be read as what they claimed to be. */
    long amiEventsMalformed();

    long amiActionsFailed();

    int agiSessionsOpen();

    /** Calls the call flow follows: waiting, ringing or connected. */
    int callsInProgress();

    /** Events published to the engine's ring and not yet applied. */
    long engineBacklog();

    /** How far the engine's last event time is behind the server's clock. */
    long engineLagMs();

    /** Whether an event stopped the engine (see {@code EngineRing}): nothing is routed any more. */
    boolean engineStopped();

    /** Events taken off the ring unapplied since the engine stopped. */
    long engineEventsNotApplied();
}
