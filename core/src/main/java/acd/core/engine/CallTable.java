package acd.core.engine;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.function.BiConsumer;

/**
 * The engine's calls by id. The adapters number calls in sequence, so the calls alive at one
 * time have ids close together: a direct-mapped array indexed by the id's low bits finds almost
 * every call in one load, where a hash map needs its key array, then its value array. The rare
 * id whose slot is taken lives in an overflow map. The array doubles when it is half full.
 */
final class CallTable {
    private Call[] slots;
    /**
     * The agent each call in {@link #slots} was last offered to, beside its slot. Reaching the
     * agent through the call means two cache misses one after the other on a large floor; this
     * one is a hint the engine checks against the call, loaded side by side with it.
     */
    private Agent[] seats;
    private int mask;
    private final Long2ObjectHashMap<Call> overflow = new Long2ObjectHashMap<>(64, 0.65f);
    private int size;

    CallTable(int initialCapacity) {
        int capacity = Integer.highestOneBit(Math.max(16, initialCapacity - 1)) << 1;
        slots = new Call[capacity];
        seats = new Agent[capacity];
        mask = capacity - 1;
    }

    Call get(long callId) {
        Call call = slots[(int) callId & mask];
        if (call != null && call.callId == callId) {
            return call;
        }
        return overflow.isEmpty() ? null : overflow.get(callId);
    }

    /** The agent last noted for the slot of this id: a hint, to be checked against the call. */
    Agent seatHint(long callId) {
        return seats[(int) callId & mask];
    }

    /** Notes the agent a call in the table is offered to. */
    void seat(Call call, Agent agent) {
        int slot = (int) call.callId & mask;
        if (slots[slot] == call) {
            seats[slot] = agent;
        }
    }

    boolean containsKey(long callId) {
        return get(callId) != null;
    }

    /** Adds a call whose id is not in the table. */
    void put(Call call) {
        if (size >= slots.length >> 1) {
            grow();
        }
        place(call);
        size++;
    }

    private void place(Call call) {
        int slot = (int) call.callId & mask;
        if (slots[slot] == null) {
            slots[slot] = call;
            seats[slot] = call.offeredTo;
        } else {
            overflow.put(call.callId, call);
        }
    }

    void remove(long callId) {
        int slot = (int) callId & mask;
        Call call = slots[slot];
        if (call != null && call.callId == callId) {
            slots[slot] = null;
            seats[slot] = null;
            size--;
        } else if (overflow.remove(callId) != null) {
            size--;
        }
    }

    int size() {
        return size;
    }

    void forEach(BiConsumer<Long, Call> action) {
        for (Call call : slots) {
            if (call != null) {
                action.accept(call.callId, call);
            }
        }
        overflow.forEach(action::accept);
    }

    private void grow() {
        Call[] old = slots;
        Call[] moved = new Call[overflow.size()];
        int n = 0;
        for (Call call : overflow.values()) {
            moved[n++] = call;
        }
        overflow.clear();
        slots = new Call[old.length << 1];
        seats = new Agent[slots.length];
        mask = slots.length - 1;
        for (Call call : old) {
            if (call != null) {
                place(call);
            }
        }
        for (Call call : moved) {
            place(call);
        }
    }
}
