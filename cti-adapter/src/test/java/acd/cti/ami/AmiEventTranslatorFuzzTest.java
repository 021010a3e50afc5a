package acd.cti.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.UserEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.Timeout;

/**
 * Whatever fields Asterisk-Java fills in (or leaves null), the translator on the AMI thread never
 * throws: it hands the engine one well-formed {@link PbxEvent} of the matching kind, keyed by the
 * fields the event carried, or nothing. A needed event dropped for a missing key field is counted
 * as malformed; an event the ACD does not need, or the dial of an Originate, is dropped quietly.
 * Runs its stored inputs as a normal test; set {@code JAZZER_FUZZ=1} to search for new ones.
 */
class AmiEventTranslatorFuzzTest {
    private static final Object SOURCE = new Object();
    private static final List<PbxEvent> ENGINE = new ArrayList<>();
    // one translator for all inputs, as on the AMI thread: its warning about malformed events thins out
    private static final AmiEventTranslator TRANSLATOR = new AmiEventTranslator(ENGINE::add);

    // a hang is a finding: bounds every stored input, and every fuzzed one (docs/design.md, Fuzzing)
    @Timeout(5)
    @FuzzTest(maxDuration = "30s")
    void anyAmiEventBecomesOneWellFormedPbxEventOrNothing(FuzzedDataProvider data) {
        ManagerEvent event = anyEvent(data);
        ENGINE.clear();
        long translatedBefore = TRANSLATOR.translatedEvents();
        long malformedBefore = TRANSLATOR.malformedEvents();

        TRANSLATOR.onManagerEvent(event);

        assertTrue(ENGINE.size() <= 1, "one AMI event, at most one PbxEvent: " + ENGINE);
        assertEquals(ENGINE.size(), TRANSLATOR.translatedEvents() - translatedBefore);
        long malformed = TRANSLATOR.malformedEvents() - malformedBefore;
        if (ENGINE.isEmpty()) {
            assertEquals(droppedAsMalformed(event) ? 1 : 0, malformed,
                    "only a needed event without its key field counts as malformed: " + event);
        } else {
            assertEquals(0, malformed);
            assertTranslation(event, ENGINE.get(0));
        }
    }

    private static ManagerEvent anyEvent(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 9)) {
            case 0: {
                HangupEvent e = new HangupEvent(SOURCE);
                e.setUniqueId(uniqueId(data));
                e.setLinkedId(uniqueId(data));
                e.setChannel(channel(data));
                e.setCause(data.consumeBoolean() ? null : data.consumeInt());
                e.setCauseTxt(text(data));
                return e;
            }
            case 1: {
                DialBeginEvent e = new DialBeginEvent(SOURCE);
                e.setUniqueId(uniqueId(data));
                e.setChannel(channel(data));
                e.setDestUniqueId(uniqueId(data));
                e.setDestChannel(channel(data));
                e.setDialString(text(data));
                return e;
            }
            case 2: {
                DialEndEvent e = new DialEndEvent(SOURCE);
                e.setUniqueId(uniqueId(data));
                e.setChannel(channel(data));
                e.setDestUniqueId(uniqueId(data));
                e.setDestChannel(channel(data));
                e.setDialStatus(dialStatus(data));
                return e;
            }
            case 3: {
                AcdDialFailedEvent e = new AcdDialFailedEvent(SOURCE);
                e.setUniqueId(uniqueId(data));
                e.setChannel(channel(data));
                e.setStatus(dialStatus(data));
                e.setEndpoint(channel(data));
                e.setDelivery(text(data));
                return e;
            }
            case 4: {
                BridgeEnterEvent e = new BridgeEnterEvent(SOURCE);
                e.setUniqueId(uniqueId(data));
                e.setChannel(channel(data));
                e.setBridgeUniqueId(uniqueId(data));
                return e;
            }
            case 5: {
                BridgeLeaveEvent e = new BridgeLeaveEvent(SOURCE);
                e.setUniqueId(uniqueId(data));
                e.setChannel(channel(data));
                e.setBridgeUniqueId(uniqueId(data));
                return e;
            }
            case 6: {
                DeviceStateChangeEvent e = new DeviceStateChangeEvent(SOURCE);
                e.setDevice(channel(data));
                e.setState(text(data));
                return e;
            }
            case 7: {
                VarSetEvent e = new VarSetEvent(SOURCE);
                e.setUniqueId(uniqueId(data));
                e.setVariable(text(data));
                e.setValue(text(data));
                return e;
            }
            case 8: {
                NewChannelEvent e = new NewChannelEvent(SOURCE);
                e.setUniqueId(uniqueId(data));
                e.setChannel(channel(data));
                return e;
            }
            default: {
                // a UserEvent of the dialplan's that is not AcdDialFailed
                UserEvent e = new UserEvent(SOURCE) {
                };
                e.setUniqueId(uniqueId(data));
                e.setChannel(channel(data));
                return e;
            }
        }
    }

    /** Missing, empty, as Asterisk writes it, or anything at all. */
    private static String uniqueId(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 3)) {
            case 0: return null;
            case 1: return "";
            case 2: return data.consumeInt(1_700_000_000, 1_999_999_999) + "." + data.consumeInt(0, 99_999);
            default: return data.consumeString(48);
        }
    }

    private static String channel(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 3)) {
            case 0: return null;
            case 1: return "";
            case 2: return "PJSIP/" + data.consumeInt(1000, 9999) + "-" + String.format("%08x", data.consumeInt());
            default: return data.consumeString(80);
        }
    }

    private static String dialStatus(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 3)) {
            case 0: return null;
            case 1: return "";
            case 2: return data.pickValue(List.of("ANSWER", "NOANSWER", "BUSY", "CANCEL", "CHANUNAVAIL", "CONGESTION"));
            default: return data.consumeString(32);
        }
    }

    private static String text(FuzzedDataProvider data) {
        return data.consumeBoolean() ? null : data.consumeString(64);
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    /** Needed events without their key fields; the dial of an Originate (no caller side) is not malformed. */
    private static boolean droppedAsMalformed(ManagerEvent event) {
        if (event instanceof HangupEvent e) {
            return !present(e.getUniqueId());
        }
        if (event instanceof DialBeginEvent e) {
            return !originated(e.getUniqueId(), e.getDestUniqueId())
                    && (!present(e.getUniqueId()) || !present(e.getDestUniqueId()));
        }
        if (event instanceof DialEndEvent e) {
            return !originated(e.getUniqueId(), e.getDestUniqueId())
                    && (!present(e.getUniqueId()) || !present(e.getDialStatus()));
        }
        if (event instanceof AcdDialFailedEvent e) {
            return !present(e.getUniqueId()) || !present(e.getStatus());
        }
        if (event instanceof BridgeEnterEvent e) {
            return !present(e.getUniqueId());
        }
        if (event instanceof BridgeLeaveEvent e) {
            return !present(e.getUniqueId());
        }
        if (event instanceof DeviceStateChangeEvent e) {
            return !present(e.getDevice()) || !present(e.getState());
        }
        return false;
    }

    private static boolean originated(String uniqueId, String destUniqueId) {
        return !present(uniqueId) && present(destUniqueId);
    }

    /** The record is the one for this kind of event, carries its key fields and mixes none of them up. */
    private static void assertTranslation(ManagerEvent event, PbxEvent out) {
        assertNotNull(out);
        if (event instanceof HangupEvent e) {
            PbxEvent.ChannelHangup h = assertInstanceOf(PbxEvent.ChannelHangup.class, out);
            assertKey(e.getUniqueId(), h.uniqueId());
            assertEquals(e.getLinkedId(), h.linkedId());
            assertEquals(e.getChannel(), h.channel());
            assertEquals(e.getCause() == null ? 0 : e.getCause(), h.cause());
            assertEquals(e.getCauseTxt(), h.causeText());
        } else if (event instanceof DialBeginEvent e) {
            PbxEvent.DialBegin d = assertInstanceOf(PbxEvent.DialBegin.class, out);
            assertKey(e.getUniqueId(), d.uniqueId());
            assertKey(e.getDestUniqueId(), d.destUniqueId());
            assertEquals(e.getChannel(), d.channel());
            assertEquals(e.getDestChannel(), d.destChannel());
            assertEquals(e.getDialString(), d.dialString());
        } else if (event instanceof DialEndEvent e) {
            PbxEvent.DialEnd d = assertInstanceOf(PbxEvent.DialEnd.class, out);
            assertKey(e.getUniqueId(), d.uniqueId());
            assertKey(e.getDialStatus(), d.dialStatus());
            assertEquals(e.getDestUniqueId(), d.destUniqueId());
            assertEquals(e.getChannel(), d.channel());
            assertEquals(e.getDestChannel(), d.destChannel());
            assertEquals("ANSWER".equals(e.getDialStatus()), d.answered());
        } else if (event instanceof AcdDialFailedEvent e) {
            PbxEvent.DialFailed d = assertInstanceOf(PbxEvent.DialFailed.class, out);
            assertKey(e.getUniqueId(), d.uniqueId());
            assertKey(e.getStatus(), d.dialStatus());
            assertEquals(e.getChannel(), d.channel());
            assertEquals(e.getEndpoint(), d.endpoint());
            assertEquals(e.getDelivery(), d.delivery());
        } else if (event instanceof BridgeEnterEvent e) {
            PbxEvent.BridgeEnter b = assertInstanceOf(PbxEvent.BridgeEnter.class, out);
            assertKey(e.getUniqueId(), b.uniqueId());
            assertEquals(e.getChannel(), b.channel());
            assertEquals(e.getBridgeUniqueId(), b.bridgeId());
        } else if (event instanceof BridgeLeaveEvent e) {
            PbxEvent.BridgeLeave b = assertInstanceOf(PbxEvent.BridgeLeave.class, out);
            assertKey(e.getUniqueId(), b.uniqueId());
            assertEquals(e.getChannel(), b.channel());
            assertEquals(e.getBridgeUniqueId(), b.bridgeId());
        } else if (event instanceof DeviceStateChangeEvent e) {
            PbxEvent.DeviceState d = assertInstanceOf(PbxEvent.DeviceState.class, out);
            assertKey(e.getDevice(), d.device());
            assertKey(e.getState(), d.state());
        } else {
            throw new AssertionError("an event the ACD does not need reached the engine: " + event.getClass());
        }
    }

    private static void assertKey(String sent, String translated) {
        assertNotNull(translated, "a key field is present");
        assertFalse(translated.isEmpty(), "a key field is not empty");
        assertEquals(sent, translated);
    }
}
