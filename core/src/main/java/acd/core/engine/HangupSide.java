package acd.core.engine;

/**
 * Which side of a connected call hung up first, as the PBX side saw it. The queue_log writes
 * COMPLETEAGENT or COMPLETECALLER from it, and a seat that keeps hanging up on callers shows in
 * the figures; so the adapter says UNKNOWN when it did not see the end, rather than guess.
 */
public enum HangupSide {
    CALLER,
    SEAT,
    /** The end was not seen: the PBX events were lost, or the call was never connected. */
    UNKNOWN
}
