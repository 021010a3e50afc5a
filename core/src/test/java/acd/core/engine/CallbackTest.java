package acd.core.engine;

import acd.core.metrics.TrafficFigures;
import acd.core.model.CallbackRules;
import acd.core.model.CallbackStrategy;
import acd.core.model.MaxWaitAction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import acd.core.engine.CallCenterFloor.Directive;

import static acd.core.engine.CallCenterFloor.STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Callbacks that keep the caller's place: offered in the announcements when the expected wait is
 * long, kept in line with nobody on it, called when the place reaches the head, tried again when
 * the customer does not answer, and handed to a person when the tries run out.
 */
class CallbackTest {
    /** Offered above 60 s of expected wait; two tries, 120 s apart; the customer rings 30 s. */
    private static final CallbackRules RULES = new CallbackRules(60, CallbackStrategy.SEAT_FIRST, 2, 120, 30);

    /**
     * One billing agent whose first call took 120 s, so that each caller ahead adds 120 s to the
     * expected wait; announcements every 30 s; callers wait at most 300 s, then leave a message.
     */
    private static CallCenterFloor busyFloor() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withAnnounceEverySeconds(30).withCallback(RULES)
                        .withMaxWait(300, MaxWaitAction.VOICEMAIL, null))
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1).at(120).hangUp(1);
        floor.call(2, "billing", STANDARD).answer(2);
        return floor;
    }

    private static TrafficFigures billing(CallCenterFloor floor) {
        return floor.engine.board().queue(floor.queue("billing"));
    }

    @Test
    void theAnnouncementOffersACallbackOnlyWhenTheExpectedWaitPassesTheQueuesThreshold() {
        CallCenterFloor floor = CallCenterFloor.builder()
                .queue("billing", List.of("billing"), q -> q.withAnnounceEverySeconds(30).withCallback(
                        new CallbackRules(150, CallbackStrategy.SEAT_FIRST, 2, 120, 30)))
                .agent("1001", Map.of("billing", 1))
                .build();
        floor.at(0).loginReady("1001").call(1, "billing", STANDARD).answer(1).at(120).hangUp(1);
        floor.call(2, "billing", STANDARD).answer(2);
        floor.at(121).call(3, "billing", STANDARD);
        floor.at(122).call(4, "billing", STANDARD);
        assertEquals(1, floor.directives("announce").size(), "call 3, first in line: 120 s expected");
        assertEquals(1, floor.directives("announce+callback").size(), "call 4, second: 240 s expected");
        assertEquals(4, floor.directives("announce+callback").get(0).callId());
        floor.at(160);
        assertEquals(1, billing(floor).callbacksOffered(), "an offer repeated is counted once");
    }

    @Test
    void aCallerWhoTakesTheCallbackKeepsTheirPlaceAndIsCalledWhenItReachesTheHead() {
        CallCenterFloor floor = busyFloor();
        floor.at(121).call(3, "billing", STANDARD);
        floor.at(122).call(4, "billing", STANDARD);
        floor.at(130).callbackRequested(3);
        assertEquals(CallState.QUEUED, floor.engine.callState(3));
        assertEquals(1, billing(floor).callbacksRequested());
        floor.at(200).hangUp(2);
        assertEquals("1001", floor.offeredTo(3), "still ahead of the caller who stayed on the line");
        Directive offer = floor.offers().get(floor.offers().size() - 1);
        assertEquals(15_000, offer.value(), "the seat rings for the queue's ring timeout");
        floor.at(230).callbackReached(3).answer(3);
        assertEquals(CallState.CONNECTED, floor.engine.callState(3));
        TrafficFigures figures = billing(floor);
        assertEquals(1, figures.callbacksReached());
        assertEquals(3, figures.answered());
        assertEquals(2, figures.answeredWithin(), "the callback, answered 109 s after joining, is late");
        assertEquals(List.of(), floor.rejected);
    }

    @Test
    void aCallbackKeepsNoWaitLimitAndHearsNoAnnouncements() {
        CallCenterFloor floor = busyFloor();
        floor.at(121).call(3, "billing", STANDARD);
        floor.at(122).call(4, "billing", STANDARD).callbackRequested(4);
        int announced = floor.log.size();
        floor.at(500);
        assertTrue(floor.directives("voicemail").stream().allMatch(d -> d.callId() == 3),
                "only the caller on the line reached the 300 s limit");
        assertEquals(CallState.QUEUED, floor.engine.callState(4));
        assertTrue(floor.log.subList(announced, floor.log.size()).stream()
                .noneMatch(d -> d.callId() == 4 && d.kind().startsWith("announce")));
    }

    @Test
    void aCustomerWhoDoesNotAnswerFreesTheSeatAndIsTriedAgainAfterTheRetryTimeInTheSamePlace() {
        CallCenterFloor floor = busyFloor();
        floor.at(121).call(3, "billing", STANDARD).callbackRequested(3);
        floor.at(200).hangUp(2);
        assertEquals("1001", floor.offeredTo(3));
        floor.at(240).callbackNotReached(3);
        assertEquals(AgentState.READY, floor.state("1001"), "no miss for the agent: the customer did not answer");
        assertEquals(0, floor.engine.agents[floor.agent("1001")].consecutiveNoAnswers);
        floor.at(250).call(5, "billing", STANDARD);
        assertEquals("1001", floor.offeredTo(5), "before the retry time the callback is out of line");
        floor.answer(5).at(330).call(6, "billing", STANDARD);
        floor.at(365).hangUp(5);
        assertEquals("1001", floor.offeredTo(3), "back in line at 360 s, ahead of the caller of 330 s");
        assertNull(floor.offeredTo(6));
    }

    @Test
    void aCallbackNotReachedInItsTriesIsGivenUpAsAnUnansweredCallForAPersonToFollowUp() {
        CallCenterFloor floor = busyFloor();
        floor.at(121).call(3, "billing", STANDARD).callbackRequested(3);
        floor.at(200).hangUp(2);
        floor.at(240).callbackNotReached(3);
        floor.at(365).callbackNotReached(3);
        assertEquals(1, floor.directives("callback-given-up").size());
        assertEquals(2, floor.directives("callback-given-up").get(0).value(), "after two tries");
        assertNull(floor.engine.callState(3));
        TrafficFigures figures = billing(floor);
        assertEquals(1, figures.callbacksNotReached());
        assertEquals(3, figures.offered());
        assertEquals(2, figures.answered());
        assertEquals(2.0 / 3, figures.serviceLevel(), 1e-9, "the call given up counts against the service level");
        assertEquals(0, floor.engine.waitingCalls(floor.queue("billing")));
    }

    @Test
    void aCallerWhoAsksAsASeatBeginsToRingIsKeptInLineAndTheSeatIsLetGo() {
        CallCenterFloor floor = busyFloor();
        floor.at(121).call(3, "billing", STANDARD);
        floor.at(200).hangUp(2);
        assertEquals("1001", floor.offeredTo(3));
        floor.callbackRequested(3);
        assertEquals(1, floor.directives("cancel").size());
        // the same seat, the only one, is offered the callback once free again
        assertEquals(2, floor.offers().stream().filter(d -> d.callId() == 3).count());
        assertEquals(List.of(), floor.rejected);
    }

    @Test
    void callbacksForCallsNotWaitingOrNotBeingCalledBackAreRefused() {
        CallCenterFloor floor = busyFloor();
        floor.at(121).call(3, "billing", STANDARD);
        floor.callbackRequested(9);
        floor.callbackRequested(2);
        floor.callbackReached(3);
        floor.callbackRequested(3).callbackRequested(3);
        floor.engine.onEvent(new EngineEvent().callbackNotReached(floor.nowMs(), 2, floor.agent("1001")));
        assertEquals(List.of("callback for an unknown or finished call", "callback for a call already answered",
                "callback answered for a call not being called back for this agent", "callback already asked for",
                "callback not answered for a call not being called back for this agent"), floor.rejected);
    }

    @Test
    void aCallerWithNoNumberCannotBeCalledBackSoIsNeverOffered() {
        CallCenterFloor floor = busyFloor();
        floor.at(121).call(3, "billing", STANDARD);
        floor.engine.onEvent(new EngineEvent().callArrived(floor.nowMs(), 4, floor.queue("billing"), STANDARD, -1, -1,
                0, "", "0"));
        floor.at(160);
        assertTrue(floor.directives("announce+callback").stream().noneMatch(d -> d.callId() == 4));
        floor.callbackRequested(4);
        assertEquals(List.of("callback for a caller whose number is not known"), floor.rejected);
    }
}
