package acd.core.record;

import acd.core.engine.EngineEvent;
import acd.core.engine.EventType;
import acd.core.engine.HangupSide;
import acd.core.model.AgentChange;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One engine event as bytes, little-endian, every field the engine reads (the trace stamp is
 * left out: the engine never reads it). Text is UTF-8 behind its length, -1 for none. The
 * event's kind and the hang-up side are written by their place in their enums, so new kinds go
 * at the end of {@link EventType}; a test pins the order.
 *
 * <pre>
 * kind u8 | time i64 | call i64 | agent i32 | queue i32 | tier i32 | brand i32 | manager i32
 * | extra skills i64 | reason i32 | hung up first u8 | caller number | ivr path | channel
 * | agent change (u8 0 = none; else skills: count i32 (-1 none), name, level i32 ...;
 *   seat groups: count i32 (-1 none), name ...) | document
 * </pre>
 */
public final class EventCodec {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final EventType[] TYPES = EventType.values();
    private static final HangupSide[] SIDES = HangupSide.values();

    private EventCodec() {
    }

    /** The bytes {@code event} takes, at most: an upper bound to claim space with. */
    public static int maxLength(EngineEvent event) {
        int length = 1 + 8 + 8 + 4 * 5 + 8 + 4 + 1 + 1;
        length += maxLength(event.callerNumber) + maxLength(event.ivrPath) + maxLength(event.channelId)
                + maxLength(event.document);
        AgentChange change = event.agentChange;
        if (change != null) {
            length += 8;
            if (change.skills() != null) {
                for (Map.Entry<String, Integer> skill : change.skills().entrySet()) {
                    length += maxLength(skill.getKey()) + 4;
                }
            }
            if (change.seatGroups() != null) {
                for (String group : change.seatGroups()) {
                    length += maxLength(group);
                }
            }
        }
        return length;
    }

    private static int maxLength(CharSequence text) {
        // UTF-8 takes at most three bytes per UTF-16 unit (a surrogate pair, four for two).
        return 4 + (text == null ? 0 : 3 * text.length());
    }

    /**
     * Writes {@code event} at the buffer's position, which moves past it; the buffer must have
     * {@link #maxLength} bytes left. Its order is set to little-endian.
     */
    public static void encode(EngineEvent event, ByteBuffer buffer) {
        buffer.order(ORDER);
        buffer.put((byte) event.type.ordinal());
        buffer.putLong(event.timeMs);
        buffer.putLong(event.callId);
        buffer.putInt(event.agentIndex);
        buffer.putInt(event.queueIndex);
        buffer.putInt(event.tierIndex);
        buffer.putInt(event.brandIndex);
        buffer.putInt(event.accountManagerIndex);
        buffer.putLong(event.extraSkillsMask);
        buffer.putInt(event.reasonCode);
        HangupSide side = event.hungUpFirst == null ? HangupSide.UNKNOWN : event.hungUpFirst;
        buffer.put((byte) side.ordinal());
        putText(buffer, event.callerNumber);
        putText(buffer, event.ivrPath);
        putText(buffer, event.channelId);
        AgentChange change = event.agentChange;
        buffer.put((byte) (change == null ? 0 : 1));
        if (change != null) {
            Map<String, Integer> skills = change.skills();
            buffer.putInt(skills == null ? -1 : skills.size());
            if (skills != null) {
                for (Map.Entry<String, Integer> skill : skills.entrySet()) {
                    putText(buffer, skill.getKey());
                    buffer.putInt(skill.getValue());
                }
            }
            List<String> groups = change.seatGroups();
            buffer.putInt(groups == null ? -1 : groups.size());
            if (groups != null) {
                for (String group : groups) {
                    putText(buffer, group);
                }
            }
        }
        putText(buffer, event.document);
    }

    private static void putText(ByteBuffer buffer, CharSequence text) {
        if (text == null) {
            buffer.putInt(-1);
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        buffer.putInt(bytes.length);
        buffer.put(bytes);
    }

    /**
     * Reads the event between the buffer's position and its limit into {@code into}.
     *
     * @throws IllegalArgumentException when the bytes are not an event: an unknown kind, a
     *                                  length that runs past the record, or bytes left over
     */
    public static EngineEvent decode(ByteBuffer buffer, EngineEvent into) {
        buffer.order(ORDER);
        try {
            return read(buffer, into);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("event cut short: " + buffer.remaining() + " bytes left for the next field");
        }
    }

    private static EngineEvent read(ByteBuffer buffer, EngineEvent into) {
        into.clear();
        int kind = buffer.get() & 0xff;
        if (kind >= TYPES.length) {
            throw new IllegalArgumentException("unknown event kind " + kind);
        }
        into.type = TYPES[kind];
        into.timeMs = buffer.getLong();
        into.callId = buffer.getLong();
        into.agentIndex = buffer.getInt();
        into.queueIndex = buffer.getInt();
        into.tierIndex = buffer.getInt();
        into.brandIndex = buffer.getInt();
        into.accountManagerIndex = buffer.getInt();
        into.extraSkillsMask = buffer.getLong();
        into.reasonCode = buffer.getInt();
        int side = buffer.get() & 0xff;
        if (side >= SIDES.length) {
            throw new IllegalArgumentException("unknown hang-up side " + side);
        }
        into.hungUpFirst = SIDES[side];
        into.callerNumber = text(buffer);
        into.ivrPath = text(buffer);
        into.channelId = text(buffer);
        if (buffer.get() != 0) {
            int skillCount = count(buffer);
            Map<String, Integer> skills = null;
            if (skillCount >= 0) {
                skills = new LinkedHashMap<>();
                for (int i = 0; i < skillCount; i++) {
                    String skill = name(buffer, "a skill");
                    int level = buffer.getInt();
                    if (skills.put(skill, level) != null) {
                        throw new IllegalArgumentException("skill '" + skill + "' given twice");
                    }
                }
            }
            int groupCount = count(buffer);
            List<String> groups = null;
            if (groupCount >= 0) {
                groups = new ArrayList<>();
                for (int i = 0; i < groupCount; i++) {
                    groups.add(name(buffer, "a seat group"));
                }
            }
            into.agentChange = new AgentChange(skills, groups);
        }
        into.document = text(buffer);
        if (buffer.hasRemaining()) {
            throw new IllegalArgumentException(buffer.remaining() + " bytes left over after the event");
        }
        return into;
    }

    private static int count(ByteBuffer buffer) {
        int n = buffer.getInt();
        if (n < -1 || n > buffer.remaining()) {
            throw new IllegalArgumentException("count " + n + " does not fit the record");
        }
        return n;
    }

    /** Text that must be there: a name in a supervisor's change. */
    private static String name(ByteBuffer buffer, String what) {
        String name = text(buffer);
        if (name == null) {
            throw new IllegalArgumentException(what + " without a name");
        }
        return name;
    }

    private static String text(ByteBuffer buffer) {
        int n = buffer.getInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > buffer.remaining()) {
            throw new IllegalArgumentException("text of " + n + " bytes does not fit the record");
        }
        byte[] bytes = new byte[n];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
