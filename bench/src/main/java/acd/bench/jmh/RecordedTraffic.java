package acd.bench.jmh;

import acd.core.engine.EngineEvent;
import acd.core.engine.EventType;
import acd.core.engine.RoutingEngine;

/**
 * A traffic stream taken down event by event, so it can be replayed into a fresh engine of the
 * same floor from another thread (through the ring) without a driver reacting on the engine
 * thread. The engine is deterministic: replayed from the opening, it makes the same offers the
 * recording engine made, and the recorded answers match them.
 *
 * <p>Kept as columns of primitives: a million events take about 50 MB and replaying them
 * allocates nothing.
 */
public final class RecordedTraffic {
    private static final EventType[] TYPES = EventType.values();

    private final byte[] type;
    private final long[] timeMs;
    private final long[] callId;
    private final int[] agentIndex;
    private final byte[] queueIndex;
    private final byte[] tierIndex;
    private final long[] extraSkillsMask;
    private final int[] reasonCode;
    private final CharSequence[] callerNumber;
    private int size;

    private RecordedTraffic(int capacity) {
        type = new byte[capacity];
        timeMs = new long[capacity];
        callId = new long[capacity];
        agentIndex = new int[capacity];
        queueIndex = new byte[capacity];
        tierIndex = new byte[capacity];
        extraSkillsMask = new long[capacity];
        reasonCode = new int[capacity];
        callerNumber = new CharSequence[capacity];
    }

    /**
     * Runs the driver's floor from the opening for {@code events} events, applying each to
     * the driver's engine and taking it down.
     */
    public static RecordedTraffic record(TrafficDriver traffic, RoutingEngine engine, int events) {
        RecordedTraffic recorded = new RecordedTraffic(events);
        traffic.attach(engine);
        for (int i = 0; i < events; i++) {
            EngineEvent e = traffic.next();
            recorded.add(e);
            engine.onEvent(e);
        }
        return recorded;
    }

    private void add(EngineEvent e) {
        if (e.brandIndex != EngineEvent.NONE || e.accountManagerIndex != EngineEvent.NONE) {
            throw new IllegalArgumentException("brands and account managers are not recorded: " + e);
        }
        int i = size++;
        type[i] = (byte) e.type.ordinal();
        timeMs[i] = e.timeMs;
        callId[i] = e.callId;
        agentIndex[i] = e.agentIndex;
        queueIndex[i] = (byte) e.queueIndex;
        tierIndex[i] = (byte) e.tierIndex;
        extraSkillsMask[i] = e.extraSkillsMask;
        reasonCode[i] = e.reasonCode;
        callerNumber[i] = e.callerNumber;
    }

    public int size() {
        return size;
    }

    /** Writes event {@code i} into {@code e} (a ring slot, typically), every field set. */
    public void fill(int i, EngineEvent e) {
        e.clear();
        e.type = TYPES[type[i]];
        e.timeMs = timeMs[i];
        e.callId = callId[i];
        e.agentIndex = agentIndex[i];
        e.queueIndex = queueIndex[i];
        e.tierIndex = tierIndex[i];
        e.extraSkillsMask = extraSkillsMask[i];
        e.reasonCode = reasonCode[i];
        e.callerNumber = callerNumber[i];
    }
}
