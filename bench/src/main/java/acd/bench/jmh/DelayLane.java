package acd.bench.jmh;

/**
 * Future caller or seat actions of one kind that all come a fixed delay after their cause
 * (ring for 1.5 s then answer, wrap up for 3 s...). Causes come in time order, so the actions
 * come due in the order they were scheduled: a FIFO ring of primitives, no heap, no allocation.
 */
final class DelayLane {
    final int kind;
    final long delayMs;

    private final long[] dueMs;
    private final long[] callIds;
    private final int[] agents;
    private final int[] offers;
    private final int mask;
    private long head;
    private long tail;

    DelayLane(int kind, long delayMs, int capacity) {
        this.kind = kind;
        this.delayMs = delayMs;
        int size = Integer.highestOneBit(Math.max(16, capacity - 1)) << 1;
        this.dueMs = new long[size];
        this.callIds = new long[size];
        this.agents = new int[size];
        this.offers = new int[size];
        this.mask = size - 1;
    }

    void schedule(long nowMs, long callId, int agent, int offer) {
        if (tail - head > mask) {
            throw new IllegalStateException("lane " + kind + " is full: " + (mask + 1) + " pending");
        }
        int i = (int) (tail++ & mask);
        dueMs[i] = nowMs + delayMs;
        callIds[i] = callId;
        agents[i] = agent;
        offers[i] = offer;
    }

    boolean isEmpty() {
        return head == tail;
    }

    /** Due time of the next action; only when not empty. */
    long nextDueMs() {
        return dueMs[(int) (head & mask)];
    }

    long nextCallId() {
        return callIds[(int) (head & mask)];
    }

    int nextAgent() {
        return agents[(int) (head & mask)];
    }

    int nextOffer() {
        return offers[(int) (head & mask)];
    }

    void pop() {
        head++;
    }

    int size() {
        return (int) (tail - head);
    }
}
