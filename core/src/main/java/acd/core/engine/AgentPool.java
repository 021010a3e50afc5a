package acd.core.engine;

import acd.core.model.AgentSelection;

import java.util.Arrays;

/**
 * The agents who satisfy one eligibility (skills, seat groups) and, of those, the free ones in
 * the order a selection strategy wants them. Each member has a slot; free members sit in an
 * ordered structure so the best free agent is found without a scan.
 */
abstract class AgentPool {
    final int id;
    final long skillsMask;
    /** Seat groups whose members qualify, or {@link Eligibility#ANY_GROUP}. */
    final long groupsMask;
    final AgentSelection selection;
    /** {@link #slotAgent} of a slot nobody holds. */
    static final int VACANT = -1;

    int memberCount;
    int[] slotAgent = new int[8];
    boolean[] slotFree = new boolean[8];
    /** Members who are logged in, free or not: a queue with none here has nobody to wait for. */
    int loggedIn;
    int freeCount;

    /** Waiting-call lines whose calls this pool's agents may take. */
    CallLine[] lines = new CallLine[4];
    int lineCount;

    AgentPool(int id, long skillsMask, long groupsMask, AgentSelection selection) {
        this.id = id;
        this.skillsMask = skillsMask;
        this.groupsMask = groupsMask;
        this.selection = selection;
    }

    static AgentPool create(int id, long skillsMask, long groupsMask, AgentSelection selection, SkillLevels levels) {
        return switch (selection) {
            case LONGEST_IDLE -> new LongestIdlePool(id, skillsMask, groupsMask);
            case BEST_PROFICIENCY -> new BestProficiencyPool(id, skillsMask, groupsMask, levels);
            case FEWEST_CALLS -> new FewestCallsPool(id, skillsMask, groupsMask);
            case ROUND_ROBIN -> new RoundRobinPool(id, skillsMask, groupsMask);
        };
    }

    boolean admits(Agent agent) {
        return (agent.skillsMask & skillsMask) == skillsMask
                && (groupsMask == Eligibility.ANY_GROUP || (agent.groupsMask & groupsMask) != 0);
    }

    /** Slots given up by agents who left, reused before the pool grows. */
    private int[] vacantSlots = new int[0];
    private int vacantCount;

    /** Makes the agent a member and returns its slot. */
    int join(Agent agent) {
        int slot;
        if (vacantCount > 0) {
            slot = vacantSlots[--vacantCount];
        } else {
            slot = memberCount++;
            if (slot == slotAgent.length) {
                grow(slotAgent.length * 2);
            }
        }
        slotAgent[slot] = agent.index;
        slotFree[slot] = false;
        return slot;
    }

    /** The agent in this slot no longer qualifies: the slot is emptied for the next member. */
    void leave(int slot) {
        markBusy(slot);
        slotAgent[slot] = VACANT;
        if (vacantCount == vacantSlots.length) {
            vacantSlots = Arrays.copyOf(vacantSlots, Math.max(4, vacantCount * 2));
        }
        vacantSlots[vacantCount++] = slot;
    }

    /** The member's profile changed while it stays a member; it is not free at this moment. */
    void rejoin(int slot, Agent agent) {
    }

    void grow(int capacity) {
        slotAgent = Arrays.copyOf(slotAgent, capacity);
        slotFree = Arrays.copyOf(slotFree, capacity);
    }

    final void markFree(int slot, Agent agent) {
        if (!slotFree[slot]) {
            slotFree[slot] = true;
            freeCount++;
            insert(slot, agent);
        }
    }

    final void markBusy(int slot) {
        if (slotFree[slot]) {
            slotFree[slot] = false;
            freeCount--;
            delete(slot);
        }
    }

    /** The best free agent's index, or -1. */
    abstract int bestFreeAgent();

    abstract void insert(int slot, Agent agent);

    abstract void delete(int slot);

    void addLine(CallLine line) {
        if (lineCount == lines.length) {
            lines = Arrays.copyOf(lines, lineCount * 2);
        }
        lines[lineCount++] = line;
    }

    CallLine lineFor(int queueIndex, int tierIndex) {
        for (int i = 0; i < lineCount; i++) {
            CallLine b = lines[i];
            if (b.queueIndex == queueIndex && b.tierIndex == tierIndex) {
                return b;
            }
        }
        return null;
    }

    /**
     * Free slots in the order their agents became ready, as an intrusive doubly linked list:
     * O(1) append and unlink. An agent put back after a profile change goes back to its place,
     * found by walking from the tail (rare, so the walk is fine).
     */
    static final class SlotList {
        int head = -1;
        int tail = -1;

        void append(int slot, int[] prev, int[] next, long[] readyOrder) {
            int after = tail;
            while (after >= 0 && readyOrder[after] > readyOrder[slot]) {
                after = prev[after];
            }
            int before = after >= 0 ? next[after] : head;
            prev[slot] = after;
            next[slot] = before;
            if (after >= 0) {
                next[after] = slot;
            } else {
                head = slot;
            }
            if (before >= 0) {
                prev[before] = slot;
            } else {
                tail = slot;
            }
        }

        void unlink(int slot, int[] prev, int[] next) {
            int p = prev[slot];
            int n = next[slot];
            if (p >= 0) {
                next[p] = n;
            } else {
                head = n;
            }
            if (n >= 0) {
                prev[n] = p;
            } else {
                tail = p;
            }
        }
    }

    /** Free agents in the order they became free: the head has been idle longest. */
    static final class LongestIdlePool extends AgentPool {
        private int[] prev = new int[8];
        private int[] next = new int[8];
        private long[] readyOrder = new long[8];
        private final SlotList free = new SlotList();

        LongestIdlePool(int id, long skillsMask, long groupsMask) {
            super(id, skillsMask, groupsMask, AgentSelection.LONGEST_IDLE);
        }

        @Override
        void grow(int capacity) {
            super.grow(capacity);
            prev = Arrays.copyOf(prev, capacity);
            next = Arrays.copyOf(next, capacity);
            readyOrder = Arrays.copyOf(readyOrder, capacity);
        }

        @Override
        int bestFreeAgent() {
            return free.head < 0 ? -1 : slotAgent[free.head];
        }

        @Override
        void insert(int slot, Agent agent) {
            readyOrder[slot] = agent.readySequence;
            free.append(slot, prev, next, readyOrder);
        }

        @Override
        void delete(int slot) {
            free.unlink(slot, prev, next);
        }
    }

    /**
     * One FIFO per proficiency level of the pool's weakest required skill (1 best .. 10): the
     * best level's longest idle agent first.
     */
    static final class BestProficiencyPool extends AgentPool {
        private static final int LEVELS = 10;
        private int[] prev = new int[8];
        private int[] next = new int[8];
        private byte[] slotLevel = new byte[8];
        private long[] readyOrder = new long[8];
        private final SlotList[] levels = new SlotList[LEVELS];

        private final SkillLevels skillLevels;

        BestProficiencyPool(int id, long skillsMask, long groupsMask, SkillLevels skillLevels) {
            super(id, skillsMask, groupsMask, AgentSelection.BEST_PROFICIENCY);
            this.skillLevels = skillLevels;
            for (int i = 0; i < LEVELS; i++) {
                levels[i] = new SlotList();
            }
        }

        @Override
        int join(Agent agent) {
            int slot = super.join(agent);
            slotLevel[slot] = (byte) (skillLevels.weakest(agent.index, skillsMask) - 1);
            return slot;
        }

        @Override
        void rejoin(int slot, Agent agent) {
            slotLevel[slot] = (byte) (skillLevels.weakest(agent.index, skillsMask) - 1);
        }

        @Override
        void grow(int capacity) {
            super.grow(capacity);
            prev = Arrays.copyOf(prev, capacity);
            next = Arrays.copyOf(next, capacity);
            slotLevel = Arrays.copyOf(slotLevel, capacity);
            readyOrder = Arrays.copyOf(readyOrder, capacity);
        }

        @Override
        int bestFreeAgent() {
            for (SlotList level : levels) {
                if (level.head >= 0) {
                    return slotAgent[level.head];
                }
            }
            return -1;
        }

        @Override
        void insert(int slot, Agent agent) {
            readyOrder[slot] = agent.readySequence;
            levels[slotLevel[slot]].append(slot, prev, next, readyOrder);
        }

        @Override
        void delete(int slot) {
            levels[slotLevel[slot]].unlink(slot, prev, next);
        }
    }

    /** Free agents in an indexed binary min-heap on two keys; subclasses say which keys. */
    abstract static class HeapPool extends AgentPool {
        private int[] heap = new int[8];
        private int size;
        private int[] position = new int[8];
        private long[] primary = new long[8];
        private long[] secondary = new long[8];

        HeapPool(int id, long skillsMask, long groupsMask, AgentSelection selection) {
            super(id, skillsMask, groupsMask, selection);
        }

        abstract long primaryKey(Agent agent);

        abstract long secondaryKey(Agent agent);

        @Override
        void grow(int capacity) {
            super.grow(capacity);
            heap = Arrays.copyOf(heap, capacity);
            position = Arrays.copyOf(position, capacity);
            primary = Arrays.copyOf(primary, capacity);
            secondary = Arrays.copyOf(secondary, capacity);
        }

        @Override
        int bestFreeAgent() {
            return size == 0 ? -1 : slotAgent[heap[0]];
        }

        @Override
        void insert(int slot, Agent agent) {
            primary[slot] = primaryKey(agent);
            secondary[slot] = secondaryKey(agent);
            heap[size] = slot;
            position[slot] = size;
            size++;
            siftUp(size - 1);
        }

        @Override
        void delete(int slot) {
            int at = position[slot];
            size--;
            if (at != size) {
                int last = heap[size];
                heap[at] = last;
                position[last] = at;
                siftDown(at);
                siftUp(position[last]);
            }
        }

        private boolean less(int a, int b) {
            if (primary[a] != primary[b]) {
                return primary[a] < primary[b];
            }
            if (secondary[a] != secondary[b]) {
                return secondary[a] < secondary[b];
            }
            return slotAgent[a] < slotAgent[b];
        }

        private void siftUp(int at) {
            int slot = heap[at];
            while (at > 0) {
                int parentAt = (at - 1) >>> 1;
                int parent = heap[parentAt];
                if (!less(slot, parent)) {
                    break;
                }
                heap[at] = parent;
                position[parent] = at;
                at = parentAt;
            }
            heap[at] = slot;
            position[slot] = at;
        }

        private void siftDown(int at) {
            int slot = heap[at];
            int half = size >>> 1;
            while (at < half) {
                int childAt = 2 * at + 1;
                int child = heap[childAt];
                int rightAt = childAt + 1;
                if (rightAt < size && less(heap[rightAt], child)) {
                    childAt = rightAt;
                    child = heap[childAt];
                }
                if (!less(child, slot)) {
                    break;
                }
                heap[at] = child;
                position[child] = at;
                at = childAt;
            }
            heap[at] = slot;
            position[slot] = at;
        }
    }

    /** Fewest calls answered since login, then longest idle. */
    static final class FewestCallsPool extends HeapPool {
        FewestCallsPool(int id, long skillsMask, long groupsMask) {
            super(id, skillsMask, groupsMask, AgentSelection.FEWEST_CALLS);
        }

        @Override
        long primaryKey(Agent agent) {
            return agent.callsAnswered;
        }

        @Override
        long secondaryKey(Agent agent) {
            return agent.freeSinceMs;
        }
    }

    /** The agent offered a call least recently goes next, so offers rotate through the pool. */
    static final class RoundRobinPool extends HeapPool {
        RoundRobinPool(int id, long skillsMask, long groupsMask) {
            super(id, skillsMask, groupsMask, AgentSelection.ROUND_ROBIN);
        }

        @Override
        long primaryKey(Agent agent) {
            return agent.lastOfferSequence;
        }

        @Override
        long secondaryKey(Agent agent) {
            return agent.index;
        }
    }
}
