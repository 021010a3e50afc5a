package acd.cti.flow;

import acd.core.ring.EngineRing;

/** Where adapters put engine events: the ring in production, a list in tests. */
@FunctionalInterface
public interface EngineInbox {
    void publish(EngineRing.Filler filler);
}
