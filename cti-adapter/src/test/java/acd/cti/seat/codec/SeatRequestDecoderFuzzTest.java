package acd.cti.seat.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;

/**
 * Whatever a desktop sends in a text frame, the decoder gives one well-formed request or one
 * {@link SeatProtocolException} the gateway can send back as an {@code error} message; a frame
 * that is not one strict JSON object says where (line and column) and never quotes the frame,
 * which may be a login with its secret. Runs its stored inputs as a normal test; set
 * {@code JAZZER_FUZZ=1} to search for new ones.
 */
class SeatRequestDecoderFuzzTest {
    private static final SeatRequestDecoder DECODER = new SeatRequestDecoder();

    /** The codes a frame on its own can earn; the others need a session, a login or the configuration. */
    private static final Set<SeatErrorCode> DECODER_CODES =
            Set.of(SeatErrorCode.MALFORMED_JSON, SeatErrorCode.UNKNOWN_TYPE, SeatErrorCode.BAD_FIELD);

    /** A fixed text with the position: nothing of the frame can travel back in it. */
    private static final Pattern MALFORMED_REPLY =
            Pattern.compile("(not valid JSON|a message is one JSON object) at line \\d+, column \\d+");

    // a hang is a finding: bounds every stored input, and every fuzzed one (docs/design.md, Fuzzing)
    @Timeout(5)
    @FuzzTest(maxDuration = "30s")
    void anyTextFrameDecodesToARequestOrAnErrorReply(byte[] frame) {
        String text = new String(frame, StandardCharsets.UTF_8);
        SeatRequest request;
        try {
            request = DECODER.decode(text);
        } catch (SeatProtocolException e) {
            assertTrue(DECODER_CODES.contains(e.code()), "not a decoder's code: " + e.code());
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank(), "an error reply says what was wrong");
            if (e.code() == SeatErrorCode.MALFORMED_JSON) {
                assertTrue(MALFORMED_REPLY.matcher(e.getMessage()).matches(),
                        "a malformed frame is answered with its line and column only: " + e.getMessage());
            }
            return;
        }
        assertWellFormed(request);
    }

    /** What the gateway is handed keeps the limits the protocol promises. */
    private static void assertWellFormed(SeatRequest request) {
        assertNotNull(request, "a decoded frame is a request");
        if (request instanceof SeatRequest.Login login) {
            assertNotNull(login.role());
            assertName(login.id());
            assertNotNull(login.secret());
            assertFalse(login.secret().isEmpty(), "a login has a secret");
            assertTrue(login.secret().length() <= SeatRequestDecoder.MAX_SECRET_LENGTH);
        } else if (request instanceof SeatRequest.Ready ready) {
            optionalName(ready.agent());
        } else if (request instanceof SeatRequest.NotReady notReady) {
            optionalName(notReady.agent());
            assertReason(notReady.reason());
        } else if (request instanceof SeatRequest.WrapUpDone done) {
            optionalName(done.agent());
        } else if (request instanceof SeatRequest.Logout logout) {
            optionalName(logout.agent());
        } else if (request instanceof SeatRequest.SetNotReady setNotReady) {
            assertName(setNotReady.agent());
            assertReason(setNotReady.reason());
        } else if (request instanceof SeatRequest.LogoutAgent logoutAgent) {
            assertName(logoutAgent.agent());
        } else if (request instanceof SeatRequest.SetSkills setSkills) {
            assertName(setSkills.agent());
            assertNames(setSkills.skills().keySet());
            setSkills.skills().values().forEach(level ->
                    assertTrue(level >= 1 && level <= 10, "proficiency 1..10, got " + level));
        } else if (request instanceof SeatRequest.SetSeatGroups setSeatGroups) {
            assertName(setSeatGroups.agent());
            assertNames(setSeatGroups.seatGroups());
            assertEquals(Set.copyOf(setSeatGroups.seatGroups()).size(), setSeatGroups.seatGroups().size(),
                    "no seat group twice");
        } else if (request instanceof SeatRequest.PeakMode peak) {
            assertName(peak.queue());
        } else if (request instanceof SeatRequest.Transfer transfer) {
            optionalName(transfer.queue());
            optionalName(transfer.toAgent());
            assertNames(transfer.skills());
        } else if (request instanceof SeatRequest.Consult consult) {
            optionalName(consult.queue());
            optionalName(consult.toAgent());
            assertNames(consult.skills());
        } else if (request instanceof SeatRequest.TakeTask t) {
            assertNumber(t.task());
        } else if (request instanceof SeatRequest.PlayMessage t) {
            assertNumber(t.task());
        } else if (request instanceof SeatRequest.CallBack t) {
            assertNumber(t.task());
        } else if (request instanceof SeatRequest.TaskOutcome t) {
            assertNumber(t.task());
            assertNotNull(t.outcome());
        } else if (request instanceof SeatRequest.Orders orders) {
            optionalName(orders.customer());
        } else if (request instanceof SeatRequest.OpenOrder open) {
            assertNotNull(open.kind());
            assertName(open.customer());
            assertNote(open.summary());
            assertFalse(open.summary().isBlank(), "an order says what it is about");
            optionalName(open.call());
            optionalName(open.queue());
            optionalName(open.tier());
            optionalName(open.brand());
            assertTrue(open.promisedMs() >= 0);
        } else if (request instanceof SeatRequest.OrderStep step) {
            assertNumber(step.order());
            assertNotNull(step.step());
            optionalName(step.to());
            if (step.note() != null) {
                assertNote(step.note());
            }
        } else if (request instanceof SeatRequest.OrderHistory history) {
            assertNumber(history.order());
        } else if (request instanceof SeatRequest.QaSample sample) {
            assertNotNull(sample.day());
        } else if (request instanceof SeatRequest.QaScore score) {
            assertNumber(score.item());
            assertTrue(score.score() >= 0 && score.score() <= 100, "a score is 0..100");
            if (score.note() != null) {
                assertNote(score.note());
            }
        } else if (request instanceof SeatRequest.CloseRedo redo) {
            assertNumber(redo.item());
            if (redo.note() != null) {
                assertNote(redo.note());
            }
        } else if (request instanceof SeatRequest.Report report) {
            // its days are any dates, either left to the server; the desk checks the range
            assertNotNull(report.period(), "a report's period is day when not named");
        } else if (request instanceof SeatRequest.ExportReport export) {
            assertNotNull(export.period(), "a report's period is day when not named");
        } else if (request instanceof SeatRequest.HearRecording hear) {
            assertName(hear.call());
        } else if (request instanceof SeatRequest.ListenIn listen) {
            assertName(listen.agent());
            assertTrue(Set.of("listen", "whisper", "barge").contains(listen.mode()), listen.mode());
        } else if (!(request instanceof SeatRequest.Heartbeat) && !(request instanceof SeatRequest.Watch)
                // an export's days are any dates, either left to the server; the desk checks the range
                && !(request instanceof SeatRequest.ExportOrders)
                && !(request instanceof SeatRequest.Tasks) && !(request instanceof SeatRequest.QaRedos)
                && !(request instanceof SeatRequest.CompleteConsult) && !(request instanceof SeatRequest.CancelConsult)) {
            fail("a request type the protocol does not have: " + request.getClass());
        }
    }

    private static void assertNumber(long number) {
        assertTrue(number >= 1, "numbers of tasks, orders and items are whole numbers >= 1, got " + number);
    }

    /** Notes go into log lines and the store: at most the longest note, no control characters but line breaks. */
    private static void assertNote(String note) {
        assertTrue(note.length() <= SeatRequestDecoder.MAX_NOTE_LENGTH, "a note is at most 1000 characters");
        assertTrue(note.chars().noneMatch(c -> c != '\n' && Character.isISOControl(c)), "no control characters");
    }

    private static void assertReason(SeatRequest.Reason reason) {
        assertNotNull(reason, "an absent reason is Reason.NONE, not null");
        if (reason.name() != null) {
            assertName(reason.name());
            assertEquals(SeatRequest.Reason.NO_CODE, reason.code(), "a reason by name or by code, not both");
        } else {
            assertTrue(reason.code() >= SeatRequest.Reason.NO_CODE, "a reason code is >= 0: " + reason.code());
        }
    }

    private static void optionalName(String name) {
        if (name != null) {
            assertName(name);
        }
    }

    private static void assertNames(Collection<String> names) {
        assertTrue(names.size() <= SeatRequestDecoder.MAX_NAMES, "at most " + SeatRequestDecoder.MAX_NAMES + " names");
        names.forEach(SeatRequestDecoderFuzzTest::assertName);
    }

    /** Names end up in log lines and lookups: printable, not blank, at most 64 characters. */
    private static void assertName(String name) {
        assertNotNull(name);
        assertFalse(name.isBlank(), "a name is not blank");
        assertTrue(name.length() <= SeatRequestDecoder.MAX_NAME_LENGTH, "a name is at most 64 characters");
        assertTrue(name.chars().noneMatch(Character::isISOControl), "a name has no control characters");
    }
}
