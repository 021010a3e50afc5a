package acd.cti.seat;

import acd.core.engine.AgentState;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent's consultative transfer from the desktop: ask a colleague, then hand the caller over or go back. */
class ConsultRequestTest {
    private final SeatFloor floor;

    ConsultRequestTest() throws InterruptedException {
        floor = new SeatFloor(SeatFloor.fastSettings());
    }

    @AfterEach
    void closeFloor() {
        floor.close();
    }

    private void colleagueAnswers(long callId, String colleague) {
        long now = System.currentTimeMillis();
        int c = SeatFloor.CONFIG.agentIndex(colleague);
        floor.ring.publish(e -> e.consultAnswered(now, callId, c, "PJSIP/" + colleague + "-1"));
    }

    @Test
    void theColleagueAskedSeesTheCallerAndTakesTheCallWhenHandedOver() {
        try (DeskClient first = floor.readyAgentDesk("1001"); DeskClient colleague = floor.readyAgentDesk("1002")) {
            floor.callArrives(811, "gold", null, null, "13900000001", "main");
            first.await("offered");
            floor.seatAnswers(811, "1001");
            first.await("connected");

            first.send("{\"type\":\"consult\",\"toAgent\":\"1002\"}");
            assertEquals("consult", first.await("ack").path("action").asText());
            assertEquals("1002", first.await("consulting").path("colleague").asText());
            JsonNode asked = colleague.await("consulted");
            assertEquals(811, asked.path("callId").asLong());
            assertEquals("1001", asked.path("fromAgent").asText());
            assertEquals("13900000001", asked.path("callerNumber").asText());
            assertEquals("gold", asked.path("tier").asText());

            first.send("{\"type\":\"completeConsult\"}");
            first.await("ack");
            floor.settle();
            assertEquals(AgentState.TALKING, floor.engine.agentState(SeatFloor.CONFIG.agentIndex("1001")),
                    "no hand-over before the colleague answers");

            colleagueAnswers(811, "1002");
            first.send("{\"type\":\"completeConsult\"}");
            JsonNode over = first.await("consultEnded");
            assertTrue(over.path("handedOver").asBoolean());
            assertEquals("1002", over.path("colleague").asText());
            assertEquals(811, colleague.await("connected").path("callId").asLong(), "the colleague's call now");
            first.send("{\"type\":\"consult\",\"toAgent\":\"1003\"}");
            assertTrue(first.awaitError("transfer_refused").path("message").asText().contains("no call to consult"));
        }
    }

    @Test
    void goingBackLeavesTheCallWithTheAgentAndABusyColleagueIsNamed() {
        try (DeskClient first = floor.readyAgentDesk("1001"); DeskClient colleague = floor.readyAgentDesk("1002")) {
            floor.callArrives(812, "standard", null, null, "13800000002", "main");
            first.await("offered");
            floor.seatAnswers(812, "1001");
            first.await("connected");
            first.send("{\"type\":\"consult\",\"queue\":\"general\"}");
            assertEquals("1002", first.await("consulting").path("colleague").asText(), "the queue's free agent");
            colleague.await("consulted");
            first.send("{\"type\":\"cancelConsult\"}");
            JsonNode over = first.await("consultEnded");
            assertEquals(false, over.path("handedOver").asBoolean());
            colleague.await("consultEnded");
            floor.settle();
            assertEquals(AgentState.TALKING, floor.engine.agentState(SeatFloor.CONFIG.agentIndex("1001")));
            assertEquals(AgentState.READY, floor.engine.agentState(SeatFloor.CONFIG.agentIndex("1002")));

            floor.callArrives(813, "standard", null, null, "13800000003", "main");
            colleague.await("offered");
            floor.seatAnswers(813, "1002");
            colleague.await("connected");
            first.send("{\"type\":\"consult\",\"toAgent\":\"1002\"}");
            assertTrue(first.awaitError("transfer_refused").path("message").asText()
                    .startsWith("agent 1002 is not free to talk (TALKING)"));
            first.send("{\"type\":\"consult\",\"toAgent\":\"1003\"}");
            assertEquals("agent 1003 is logged out; the call stays with you",
                    first.awaitError("transfer_refused").path("message").asText());
        }
    }
}
