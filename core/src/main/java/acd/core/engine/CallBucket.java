package acd.core.engine;

import java.util.Arrays;

/**
 * Waiting calls of one queue and tier that one agent pool may take, oldest first (a min-heap on
 * the call's place in line, so a call that comes back from an unanswered seat slots in at its
 * original place). Also used, with no queue, for the calls waiting for one account manager.
 */
final class CallBucket {
    final int queueIndex;
    final int tierIndex;
    final AgentPool pool;

    private Call[] heap = new Call[16];
    private int size;
    /**
     * The head's place in line, kept here so a freed agent can compare the heads of all its
     * lines by reading the buckets alone: at 10,000 agents each head call is a cache miss.
     */
    long headPlaceMs;
    long headSequence;

    CallBucket(int queueIndex, int tierIndex, AgentPool pool) {
        this.queueIndex = queueIndex;
        this.tierIndex = tierIndex;
        this.pool = pool;
    }

    int size() {
        return size;
    }

    Call peek() {
        return size == 0 ? null : heap[0];
    }

    Call at(int i) {
        return heap[i];
    }

    void add(Call call) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        call.bucket = this;
        heap[size] = call;
        call.bucketPosition = size;
        size++;
        siftUp(size - 1);
        noteHead();
    }

    void remove(Call call) {
        int at = call.bucketPosition;
        size--;
        if (at != size) {
            Call last = heap[size];
            heap[at] = last;
            last.bucketPosition = at;
            siftDown(at);
            siftUp(last.bucketPosition);
        }
        heap[size] = null;
        call.bucket = null;
        call.bucketPosition = -1;
        noteHead();
    }

    private void noteHead() {
        if (size > 0) {
            Call head = heap[0];
            headPlaceMs = head.placeMs;
            headSequence = head.sequence;
        }
    }

    private static boolean ahead(Call a, Call b) {
        if (a.placeMs != b.placeMs) {
            return a.placeMs < b.placeMs;
        }
        return a.sequence < b.sequence;
    }

    private void siftUp(int at) {
        Call call = heap[at];
        while (at > 0) {
            int parentAt = (at - 1) >>> 1;
            Call parent = heap[parentAt];
            if (!ahead(call, parent)) {
                break;
            }
            heap[at] = parent;
            parent.bucketPosition = at;
            at = parentAt;
        }
        heap[at] = call;
        call.bucketPosition = at;
    }

    private void siftDown(int at) {
        Call call = heap[at];
        int half = size >>> 1;
        while (at < half) {
            int childAt = 2 * at + 1;
            Call child = heap[childAt];
            int rightAt = childAt + 1;
            if (rightAt < size && ahead(heap[rightAt], child)) {
                childAt = rightAt;
                child = heap[childAt];
            }
            if (!ahead(child, call)) {
                break;
            }
            heap[at] = child;
            child.bucketPosition = at;
            at = childAt;
        }
        heap[at] = call;
        call.bucketPosition = at;
    }
}
