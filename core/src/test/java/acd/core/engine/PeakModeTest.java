package acd.core.engine;

import acd.core.model.MaxWaitAction;
import acd.core.model.PeakRules;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static acd.core.engine.CallCenterFloor.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A supervisor switches a queue into peak mode and back: the shorter longest wait applies to
 * the callers already waiting, counted from when they joined, and they hear the peak message.
 */
class PeakModeTest {
    private static CallCenterFloor floor() {
        return CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withMaxWait(300, MaxWaitAction.VOICEMAIL, null)
                        .withAnnounceEverySeconds(0)
                        .withPeak(new PeakRules("peak-busy", 60, MaxWaitAction.OVERFLOW, "general")))
                .queue("general", "broadband")
                .agent("1001", Map.of("billing", 1))
                .agent("2001", Map.of("broadband", 1))
                .build();
    }

    @Test
    void inPeakModeAWaitingCallOverflowsToTheBackupQueueAtThePeaksLongestWait() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.at(10).call(2, "billing", STANDARD);
        floor.at(20).peakMode("billing", true);
        assertTrue(floor.engine.inPeakMode(floor.queue("billing")));
        assertTrue(floor.engine.board().inPeakMode(floor.queue("billing")), "the wallboard's figures say so");
        floor.at(69.5);
        assertEquals(List.of(), floor.directives("overflow"), "60 s from joining at 10 s: not yet");
        floor.at(70.5);
        assertEquals(1, floor.directives("overflow").size());
        assertEquals(floor.queue("general"), floor.directives("overflow").get(0).value());
        assertEquals(List.of(), floor.directives("voicemail"));
    }

    @Test
    void aCallerAlreadyPastThePeaksLongestWaitMovesOnTheMomentTheModeIsSwitchedOn() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.at(1).call(2, "billing", STANDARD);
        floor.at(100).peakMode("billing", true);
        assertEquals(1, floor.directives("overflow").size());
        assertEquals(100_000, floor.directives("overflow").get(0).timeMs());
    }

    @Test
    void switchedOffTheQueuesOwnLongestWaitAppliesAgain() {
        CallCenterFloor floor = floor();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.at(1).call(2, "billing", STANDARD);
        floor.at(20).peakMode("billing", true).at(40).peakMode("billing", false);
        assertFalse(floor.engine.board().inPeakMode(floor.queue("billing")));
        floor.at(200);
        assertEquals(List.of(), floor.directives("overflow"));
        floor.at(301.5);
        assertEquals(1, floor.directives("voicemail").size(), "the queue's own 300 s, to voicemail");
        assertNull(floor.engine.callState(2));
    }

    @Test
    void waitingCallersHearThePeakMessageAtOnceAndBeforeEveryPlaceInLine() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withMaxWait(300, MaxWaitAction.VOICEMAIL, null)
                        .withAnnounceEverySeconds(30)
                        .withPeak(new PeakRules("peak-busy", 120, MaxWaitAction.VOICEMAIL, null)))
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1);
        floor.at(1).call(2, "billing", STANDARD);
        assertEquals(1, floor.directives("announce").size(), "on joining, no peak yet");
        floor.at(10).peakMode("billing", true);
        assertEquals(1, floor.directives("peak-busy+announce").size(), "at once");
        floor.at(31.5);
        assertEquals(2, floor.directives("peak-busy+announce").size(), "and in the next announcement");
        floor.peakMode("billing", false).at(61.5);
        assertEquals(2, floor.directives("announce").size(), "back to the plain announcement");
    }

    @Test
    void aQueueWithNoPeakModeCannotBeSwitchedIntoOne() {
        CallCenterFloor floor = floor();
        floor.at(0).peakMode("general", true);
        assertFalse(floor.engine.inPeakMode(floor.queue("general")));
        assertEquals(List.of("peak mode not switched: queue general has none configured"), floor.rejected);
    }
}
