package acd.core.engine;

import java.util.Arrays;

/**
 * Waiting calls of one queue and tier that one agent pool may take, oldest first by the call's
 * place in line (its original arrival, so a call back from an unanswered seat slots in at its
 * old place). Also used, with no queue, for the calls waiting for one account manager.
 *
 * <p>Calls join a line almost always at its end (a new arrival is the youngest), and leave it
 * almost always at its head (the oldest is served first) or where they stand (a caller who
 * gives up). So the line is a sorted ring: appending, taking the head and leaving from the
 * middle touch no other call. A call that leaves from the middle leaves an empty slot behind
 * that the head steps over when it gets there; the rare call that comes back to an earlier
 * place is put there by binary search over the places kept beside the ring. A binary heap
 * would touch a handful of other calls on every removal, each a cache miss on a large floor
 * where calls wait for minutes.
 *
 * <p>A call's {@code linePosition} is its slot's running number; the slot in the ring is that
 * number modulo the ring's length. Numbers are compared as differences, so they may wrap.
 */
final class CallLine {
    /** Far enough in the future that no wait reaches it, and near enough that {@code now - it} does not wrap. */
    static final long EMPTY_HEAD_PLACE_MS = Long.MAX_VALUE / 2;

    final int queueIndex;
    final int tierIndex;
    final AgentPool pool;
    /**
     * How the line's head is weighed against other heads, copied from its queue and tier so a
     * freed agent weighing all its lines reads nothing but the lines: the weighted wait is
     * {@code wait x weight + offsetMs}, a FIFO queue's lines weighing 1 with no offset.
     */
    final double weight;
    final double offsetMs;
    /** The queue's {@link QueueRuntime#pastBoundAtMs}. */
    final long pastBoundAtMs;
    /** Whether the queue serves its tiers in strict priority. */
    final boolean strict;

    private Call[] ring = new Call[16];
    /** Place in line and sequence of the call in each slot, kept after it left so the ring stays sorted. */
    private long[] keys = new long[32];
    private int mask = 15;
    /** Running numbers of the first and one past the last slot in use. */
    private int head;
    private int tail;
    private int size;
    /**
     * The head's place in line, kept here so a freed agent can compare the heads of all its
     * lines by reading the lines alone: on a large floor each head call is a cache miss. An
     * empty line's head place is {@link #EMPTY_HEAD_PLACE_MS}: its wait is negative, below any call's.
     */
    long headPlaceMs = EMPTY_HEAD_PLACE_MS;
    long headSequence;
    /** The head call itself: the ring's slot for it is seldom still in cache when an agent comes for it. */
    private Call headCall;

    /** A line of one queue and tier for one pool. */
    CallLine(int queueIndex, int tierIndex, AgentPool pool, double weight, double offsetMs, long pastBoundAtMs,
               boolean strict) {
        this.queueIndex = queueIndex;
        this.tierIndex = tierIndex;
        this.pool = pool;
        this.weight = weight;
        this.offsetMs = offsetMs;
        this.pastBoundAtMs = pastBoundAtMs;
        this.strict = strict;
    }

    /** The calls waiting for one account manager, in arrival order. */
    static CallLine personalLine() {
        return new CallLine(-1, -1, null, 1, 0, Long.MAX_VALUE, false);
    }

    /** Calls waiting in this line. */
    int size() {
        return size;
    }

    /** The call first in line, or null. */
    Call peek() {
        return size == 0 ? null : headCall;
    }

    /** Slots from the head to the last call, in line order: {@link #inSlot} is null where a call left. */
    int span() {
        return tail - head;
    }

    /** The call in the {@code i}th slot from the head, or null where a call left. */
    Call inSlot(int i) {
        return ring[(head + i) & mask];
    }

    void add(Call call) {
        if (size == 0) {
            head = 0;
            tail = 0;
        }
        if (tail - head == ring.length) {
            makeRoom();
        }
        if (size == 0 || after(call.placeMs, call.sequence, tail - 1)) {
            put(tail, call);
            tail++;
        } else {
            insert(call);
        }
        call.line = this;
        size++;
        noteHead();
    }

    void remove(Call call) {
        int at = call.linePosition;
        ring[at & mask] = null;
        call.line = null;
        call.linePosition = -1;
        size--;
        if (size == 0) {
            head = tail;
            headCall = null;
            headPlaceMs = EMPTY_HEAD_PLACE_MS;
            return;
        }
        if (at == head) {
            do {
                head++;
            } while (ring[head & mask] == null);
            noteHead();
        } else if (at == tail - 1) {
            do {
                tail--;
            } while (ring[(tail - 1) & mask] == null);
        }
    }

    /** Whether a call with this place and sequence goes after the one whose key is in slot {@code at}. */
    private boolean after(long placeMs, long sequence, int at) {
        int k = (at & mask) << 1;
        long place = keys[k];
        return placeMs != place ? placeMs > place : sequence > keys[k + 1];
    }

    private void put(int at, Call call) {
        int slot = at & mask;
        ring[slot] = call;
        keys[slot << 1] = call.placeMs;
        keys[(slot << 1) + 1] = call.sequence;
        call.linePosition = at;
    }

    /**
     * Puts a call that goes before the last one at its place: into the empty slot just ahead of
     * that place if there is one, else by moving the shorter side of the line one slot outwards.
     */
    private void insert(Call call) {
        // First slot, from the head, whose key goes after the call's: the call belongs just before it.
        int low = 0;
        int high = tail - head - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (after(call.placeMs, call.sequence, head + mid)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        int at = head + low;
        if (ring[at & mask] == null) {
            // The slot of a call that left, with a later place than this call's: it fits there.
            put(at, call);
        } else if (low > 0 && ring[(at - 1) & mask] == null) {
            put(at - 1, call);
        } else if (low < (tail - head) - low) {
            // Fewer calls ahead of the place: move them one slot towards the front.
            for (int i = head; i != at; i++) {
                move(i, i - 1);
            }
            head--;
            put(at - 1, call);
        } else {
            for (int i = tail - 1; i != at - 1; i--) {
                move(i, i + 1);
            }
            tail++;
            put(at, call);
        }
    }

    private void move(int from, int to) {
        int f = from & mask;
        int t = to & mask;
        Call moved = ring[f];
        ring[t] = moved;
        keys[t << 1] = keys[f << 1];
        keys[(t << 1) + 1] = keys[(f << 1) + 1];
        if (moved != null) {
            moved.linePosition = to;
        }
    }

    /**
     * The ring is full from head to tail: drop the empty slots if they are at least half of it,
     * else double it. Either way the calls are renumbered from 0.
     */
    private void makeRoom() {
        int capacity = size <= ring.length / 2 ? ring.length : ring.length * 2;
        Call[] packed = new Call[capacity];
        long[] packedKeys = new long[capacity * 2];
        int n = 0;
        for (int i = head; i != tail; i++) {
            int slot = i & mask;
            Call call = ring[slot];
            if (call != null) {
                packed[n] = call;
                packedKeys[n << 1] = keys[slot << 1];
                packedKeys[(n << 1) + 1] = keys[(slot << 1) + 1];
                call.linePosition = n;
                n++;
            }
        }
        ring = packed;
        keys = packedKeys;
        mask = capacity - 1;
        head = 0;
        tail = n;
    }

    private void noteHead() {
        headCall = ring[head & mask];
        int k = (head & mask) << 1;
        headPlaceMs = keys[k];
        headSequence = keys[k + 1];
    }

    /** For tests: every call in line order, and the line's own bookkeeping consistent. */
    Call[] inOrder() {
        Call[] calls = new Call[size];
        int n = 0;
        for (int i = 0; i < span(); i++) {
            Call call = inSlot(i);
            if (call != null) {
                if (call.line != this || call.linePosition != head + i) {
                    throw new IllegalStateException(call + " in slot " + (head + i) + " believes it is at "
                            + call.linePosition);
                }
                calls[n++] = call;
            }
        }
        if (n != size) {
            throw new IllegalStateException("line counts " + size + " calls, holds " + n);
        }
        return Arrays.copyOf(calls, n);
    }
}
