package acd.core.model;

/** How a queue orders its waiting calls. */
public enum QueueOrdering {
    /** By weighted wait: wait × tier weight + tier offset; a VIP moves ahead, nobody starves. */
    WEIGHTED,
    /** By tier rank first, then wait: the highest tier always goes first. */
    STRICT,
    /** By wait alone, tiers ignored. */
    FIFO
}
