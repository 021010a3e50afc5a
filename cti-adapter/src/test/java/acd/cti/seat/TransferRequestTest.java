package acd.cti.seat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent's blind transfer from the desktop: the call moves on, or a mistake is named and it stays. */
class TransferRequestTest {
    private final SeatFloor floor;

    TransferRequestTest() throws InterruptedException {
        floor = new SeatFloor(SeatFloor.fastSettings());
    }

    @AfterEach
    void closeFloor() {
        floor.close();
    }

    @Test
    void anAgentTransfersTheirCallToAColleagueWhoIsOfferedItAndTheDesktopIsToldSo() {
        try (DeskClient first = floor.readyAgentDesk("1001")) {
            floor.callArrives(801, "gold", null, null, "13900000001", "main");
            assertEquals(801, first.await("offered").path("callId").asLong());
            try (DeskClient colleague = floor.readyAgentDesk("1002")) {
                floor.seatAnswers(801, "1001");
                first.await("connected");

                first.send("{\"type\":\"transfer\",\"toAgent\":\"1002\"}");
                assertEquals("transfer", first.await("ack").path("action").asText());
                JsonNode moved = first.await("transferred");
                assertEquals(801, moved.path("callId").asLong());
                assertEquals("general", moved.path("queue").asText());
                assertEquals("1002", moved.path("toAgent").asText());
                JsonNode offered = colleague.await("offered");
                assertEquals(801, offered.path("callId").asLong());
                assertEquals("13900000001", offered.path("callerNumber").asText());
                assertEquals("gold", offered.path("tier").asText(), "the call keeps its profile");

                first.send("{\"type\":\"transfer\",\"queue\":\"general\"}");
                assertTrue(first.awaitError("transfer_refused").path("message").asText()
                        .contains("no call to transfer"));
            }
        }
    }

    @Test
    void aLoggedOutColleagueAnUnknownQueueOrSkillIsNamedAndTheCallStaysConnected() {
        try (DeskClient first = floor.readyAgentDesk("1001")) {
            floor.callArrives(802, "standard", null, null, "13800000002", "main");
            first.await("offered");
            floor.seatAnswers(802, "1001");
            first.await("connected");

            first.send("{\"type\":\"transfer\",\"toAgent\":\"1003\"}");
            assertEquals("agent 1003 is logged out; the call stays with you",
                    first.awaitError("transfer_refused").path("message").asText());
            first.send("{\"type\":\"transfer\",\"queue\":\"nowhere\"}");
            assertEquals("no queue 'nowhere' is configured", first.awaitError("unknown_name").path("message").asText());
            first.send("{\"type\":\"transfer\",\"queue\":\"general\",\"skills\":[\"cooking\"]}");
            assertTrue(first.awaitError("unknown_name").path("message").asText().contains("'cooking'"));
            first.send("{\"type\":\"transfer\",\"toAgent\":\"1001\"}");
            assertTrue(first.awaitError("transfer_refused").path("message").asText().contains("own seat"));
            first.send("{\"type\":\"transfer\"}");
            assertTrue(first.awaitError("bad_field").path("message").asText().contains("\"queue\", a \"toAgent\""));
            floor.settle();
            assertEquals(acd.core.engine.AgentState.TALKING, floor.engine.agentState(SeatFloor.CONFIG.agentIndex("1001")),
                    "the call stays where it was");
        }
    }
}
