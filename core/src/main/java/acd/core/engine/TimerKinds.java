package acd.core.engine;

/**
 * Engine timers live in one Agrona timer wheel; each timer id maps to a payload packing the
 * kind (top byte) and the call id or agent index it is for.
 */
final class TimerKinds {
    static final long NO_TIMER = -1L;

    static final int RING = 1;
    static final int STEP = 2;
    static final int MAX_WAIT = 3;
    static final int ANNOUNCE = 4;
    static final int WRAP_UP = 5;
    static final int CALLBACK_RETRY = 6;

    private static final int KIND_SHIFT = 56;
    private static final long ENTITY_MASK = (1L << KIND_SHIFT) - 1;

    private TimerKinds() {
    }

    static long payload(int kind, long entity) {
        return ((long) kind << KIND_SHIFT) | (entity & ENTITY_MASK);
    }

    static int kind(long payload) {
        return (int) (payload >>> KIND_SHIFT);
    }

    static long entity(long payload) {
        return payload & ENTITY_MASK;
    }
}
