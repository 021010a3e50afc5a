package acd.core.record;

import acd.core.config.ConfigSource;
import acd.core.engine.EngineEvent;
import acd.core.engine.EventType;
import acd.core.engine.HangupSide;
import acd.core.model.AgentChange;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {
    static ByteBuffer encode(EngineEvent event) {
        ByteBuffer buffer = ByteBuffer.allocate(EventCodec.maxLength(event));
        EventCodec.encode(event, buffer);
        return buffer.flip();
    }

    static EngineEvent roundTrip(EngineEvent event) {
        return EventCodec.decode(encode(event), new EngineEvent());
    }

    /** Every field the engine reads, as text, to compare two events whole. */
    static String fields(EngineEvent e) {
        return e.type + " " + e.timeMs + " " + e.callId + " " + e.agentIndex + " " + e.queueIndex + " " + e.tierIndex
                + " " + e.brandIndex + " " + e.accountManagerIndex + " " + e.extraSkillsMask + " " + e.reasonCode
                + " " + e.hungUpFirst + " [" + e.callerNumber + "] [" + e.ivrPath + "] [" + e.channelId + "] "
                + e.agentChange + " [" + e.document + "]";
    }

    @Test
    void everyFieldAnArrivalCarriesSurvivesTheRoundTrip() {
        EngineEvent arrival = new EngineEvent().callArrived(1_795_443_115_123L, 42, 2, 1, 0, 7, 0b1011,
                "王芳|13800000000", "1-2-0", "1795443115.17");
        assertEquals(fields(arrival), fields(roundTrip(arrival)));
    }

    @Test
    void theHangUpSideTheSeatsChannelAndAbsentTextSurvive() {
        EngineEvent answered = new EngineEvent().offerAnswered(5, 9, 3, "1795443115.18");
        assertEquals(fields(answered), fields(roundTrip(answered)));
        EngineEvent ended = new EngineEvent().callEnded(6, 9, HangupSide.SEAT);
        EngineEvent back = roundTrip(ended);
        assertEquals(HangupSide.SEAT, back.hungUpFirst);
        assertNull(back.callerNumber);
        assertNull(back.channelId);
        EngineEvent notReady = new EngineEvent().agentEvent(EventType.AGENT_NOT_READY, 7, 4, 12);
        assertEquals(fields(notReady), fields(roundTrip(notReady)));
    }

    @Test
    void aSupervisorsChangeKeepsItsSkillsInOrderAndWhatItLeavesAlone() {
        Map<String, Integer> skills = new LinkedHashMap<>();
        skills.put("billing", 1);
        skills.put("英语", 3);
        EngineEvent both = new EngineEvent().agentChanged(8, 2, new AgentChange(skills, List.of("vip", "全球通")));
        assertEquals(fields(both), fields(roundTrip(both)));
        EngineEvent groupsOnly = new EngineEvent().agentChanged(9, 2, AgentChange.seatGroups(List.of()));
        AgentChange back = roundTrip(groupsOnly).agentChange;
        assertNull(back.skills(), "skills left as they are");
        assertEquals(List.of(), back.seatGroups());
    }

    @Test
    void aChangeWithAMissingSkillNameIsRefusedRatherThanThrowingOnTheWay() {
        Map<String, Integer> skills = new LinkedHashMap<>();
        skills.put("billing", 1);
        ByteBuffer bytes = encode(new EngineEvent().agentChanged(8, 2, AgentChange.skills(skills)));
        // The name's length, -1: no text where a skill's name must be.
        int at = bytes.limit() - 4 - 4 - 4 - "billing".length() - 4;
        bytes.order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(at, -1);
        ByteBuffer cut = ByteBuffer.allocate(bytes.limit() - "billing".length());
        cut.put(bytes.duplicate().limit(at + 4)).put(bytes.duplicate().position(at + 4 + "billing".length())).flip();
        assertEquals("a skill without a name",
                assertThrows(IllegalArgumentException.class, () -> EventCodec.decode(cut, new EngineEvent()))
                        .getMessage());
    }

    @Test
    void aChangesSkillsKeepTheOrderTheyCameInSoTheSameChangeWritesTheSameBytes() {
        Map<String, Integer> skills = new LinkedHashMap<>();
        skills.put("英语", 3);
        skills.put("billing", 1);
        EngineEvent change = new EngineEvent().agentChanged(8, 2, AgentChange.skills(skills));
        assertEquals(List.of("英语", "billing"), List.copyOf(roundTrip(change).agentChange.skills().keySet()));
        assertEquals(encode(change), encode(roundTrip(change)));
    }

    @Test
    void theKindsKeepTheirPlaceForRecordingsAlreadyMade() {
        // The format writes a kind by its place: new kinds go at the end, none moves.
        assertEquals(List.of("CALL_ARRIVED", "CALLER_ABANDONED", "AGENT_LOGGED_IN", "AGENT_LOGGED_OUT", "AGENT_READY",
                "AGENT_NOT_READY", "OFFER_ANSWERED", "OFFER_NOT_ANSWERED", "CALL_ENDED", "WRAP_UP_DONE",
                "AGENT_CHANGED", "TICK", "HOURS_CHANGED", "CALL_TRANSFERRED",
                "CALLBACK_REQUESTED", "CALLBACK_REACHED", "CALLBACK_NOT_REACHED", "CONSULT_STARTED",
                "CONSULT_ANSWERED", "CONSULT_COMPLETED", "CONSULT_CANCELLED", "PEAK_MODE_CHANGED"),
                Arrays.stream(EventType.values()).map(Enum::name).toList());
        assertEquals(List.of("CALLER", "SEAT", "UNKNOWN"), Arrays.stream(HangupSide.values()).map(Enum::name).toList());
    }

    @Test
    void newOpeningHoursTravelAsTheFilesText() {
        EngineEvent changed = new EngineEvent().hoursChanged(10, "calendars:\n  office: {monday: 08:00-20:00}\n");
        assertEquals(fields(changed), fields(roundTrip(changed)));
    }

    @Test
    void bytesThatAreNotAnEventAreRefusedSayingWhy() {
        ByteBuffer whole = encode(new EngineEvent().callArrived(1, 2, 0, 0, -1, -1, 0, "5550200", "1", "1.1"));
        ByteBuffer cut = whole.duplicate().limit(whole.limit() - 3);
        IllegalArgumentException shortOne = assertThrows(IllegalArgumentException.class,
                () -> EventCodec.decode(cut, new EngineEvent()));
        assertTrue(shortOne.getMessage().contains("does not fit") || shortOne.getMessage().contains("cut short"),
                shortOne.getMessage());

        ByteBuffer longer = ByteBuffer.allocate(whole.limit() + 2).put(whole.duplicate()).put((byte) 0).put((byte) 0).flip();
        assertEquals("2 bytes left over after the event",
                assertThrows(IllegalArgumentException.class, () -> EventCodec.decode(longer, new EngineEvent()))
                        .getMessage());

        ByteBuffer unknownKind = whole.duplicate();
        unknownKind.put(0, (byte) 99);
        assertEquals("unknown event kind 99",
                assertThrows(IllegalArgumentException.class, () -> EventCodec.decode(unknownKind, new EngineEvent()))
                        .getMessage());
    }

    @Test
    void theHeaderKeepsTheStartAndTheRoutingFilesWordForWord() {
        RecordingHeader header = new RecordingHeader(1_795_443_115_000L, List.of(
                new ConfigSource("config/routing.yaml", "queues:\n  - id: 综合\n"),
                new ConfigSource("config/agents.yaml", "agents: []\n")));
        assertEquals(header, RecordingHeader.decode(header.encode()));
        byte[] cut = Arrays.copyOf(header.encode(), header.encode().length - 1);
        assertThrows(IllegalArgumentException.class, () -> RecordingHeader.decode(cut));
    }
}
