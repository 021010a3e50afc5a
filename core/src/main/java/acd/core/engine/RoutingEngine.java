package acd.core.engine;

/**
 * Anything that routes calls from a stream of events: the real engine, and in benchmarks the
 * naive baseline it is measured against.
 */
public interface RoutingEngine {
    /** Applies one event. Events must come in time order from one thread. */
    void onEvent(EngineEvent event);
}
