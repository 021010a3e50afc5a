package acd.cti.seat;

import acd.core.engine.AgentState;
import acd.core.engine.EventType;
import acd.core.engine.ReasonCodes;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Agent desktops against the gateway with a real engine behind its ring. */
class SeatGatewayTest {
    private final SeatFloor floor;

    SeatGatewayTest() throws InterruptedException {
        floor = new SeatFloor(SeatFloor.fastSettings());
    }

    @AfterEach
    void closeFloor() {
        floor.close();
    }

    @Test
    void anAgentLogsInFromTheDesktopAndMovesBetweenReadyAndNotReady() {
        try (DeskClient desk = floor.connect()) {
            desk.send(SeatFloor.login("agent", "1001", SeatFloor.secretOf("1001")));
            JsonNode loggedIn = desk.next("loggedIn");
            assertEquals("agent", loggedIn.path("role").asText());
            assertEquals("王芳", loggedIn.path("name").asText());
            assertEquals("logged-out", loggedIn.path("state").asText());
            assertEquals(3_000, loggedIn.path("heartbeatMs").asLong());
            assertEquals("lunch", loggedIn.path("reasons").get(1).path("name").asText());
            assertEquals(SeatFloor.LUNCH, loggedIn.path("reasons").get(1).path("code").asInt());

            JsonNode afterLogin = desk.next("state");
            assertEquals("not-ready", afterLogin.path("state").asText());
            assertEquals("logged in", afterLogin.path("reason").asText());

            desk.send("{\"type\":\"ready\"}");
            assertEquals("ready", desk.next("ack").path("action").asText());
            assertEquals("ready", desk.next("state").path("state").asText());

            desk.send("{\"type\":\"notReady\",\"reason\":\"lunch\"}");
            desk.next("ack");
            JsonNode lunch = desk.next("state");
            assertEquals("not-ready", lunch.path("state").asText());
            assertEquals("lunch", lunch.path("reason").asText());
            assertEquals(SeatFloor.LUNCH, lunch.path("reasonCode").asInt());

            desk.send("{\"type\":\"notReady\",\"agent\":1001,\"reasonCode\":" + SeatFloor.BREAK + "}");
            desk.next("ack");
            assertEquals("break", desk.next("state").path("reason").asText());

            desk.send("{\"type\":\"logout\"}");
            desk.next("ack");
            assertEquals("logged-out", desk.next("state").path("state").asText());
        }
        floor.awaitEngineState("1001", AgentState.LOGGED_OUT, 0);
    }

    @Test
    void requestsSentRightBehindTheLoginWaitForItAndKeepTheirOrder() {
        try (DeskClient desk = floor.connect()) {
            desk.send(SeatFloor.login("agent", "1001", SeatFloor.secretOf("1001")));
            desk.send("{\"type\":\"ready\"}");
            desk.send("{\"type\":\"notReady\",\"reason\":\"break\"}");
            desk.next("loggedIn");
            List<String> seen = new java.util.ArrayList<>();
            while (!seen.contains("state not-ready break")) {
                JsonNode m = desk.next();
                seen.add(m.path("type").asText() + " " + m.path("action").asText(m.path("state").asText())
                        + (m.path("reason").isTextual() ? " " + m.path("reason").asText() : ""));
            }
            // acks come at once, state changes when the engine has acted; each kind in order
            assertEquals(List.of("ack ready", "ack notReady"), seen.stream().filter(m -> m.startsWith("ack")).toList());
            assertEquals(List.of("state not-ready logged in", "state ready", "state not-ready break"),
                    seen.stream().filter(m -> m.startsWith("state")).toList());
        }
    }

    @Test
    void aReasonThatIsNotConfiguredIsRefusedAndChangesNothing() {
        try (DeskClient desk = floor.readyAgentDesk("1001")) {
            desk.send("{\"type\":\"notReady\",\"reason\":\"nap\"}");
            JsonNode error = desk.error("unknown_reason");
            assertTrue(error.path("message").asText().contains("nap"), error.toString());
            desk.send("{\"type\":\"notReady\",\"reasonCode\":" + ReasonCodes.DESKTOP_LOST + "}");
            desk.error("unknown_reason");
            desk.send("{\"type\":\"notReady\"}");
            desk.error("unknown_reason");
            floor.settle();
            assertEquals(AgentState.READY, last(floor.changesOf("1001")).to());
        }
    }

    @Test
    void theDesktopPopsTheCallerWhenACallIsOfferedToItsAgent() {
        try (DeskClient desk = floor.agentDesk("1001")) {
            desk.awaitState("not-ready");
            floor.callArrives(501, "gold", "gotone", "1002", "13900000001", "main-2-1");
            floor.advanceSeconds(7);
            desk.send("{\"type\":\"ready\"}");

            // the engine reserves the seat, then rings it
            desk.awaitState("ringing");
            JsonNode pop = desk.next("offered");
            assertEquals(501, pop.path("callId").asLong());
            assertEquals("13900000001", pop.path("callerNumber").asText());
            assertEquals("general", pop.path("queue").asText());
            assertEquals("gold", pop.path("tier").asText());
            assertEquals("金", pop.path("tierLabel").asText());
            assertEquals("gotone", pop.path("brand").asText());
            assertEquals("全球通", pop.path("brandLabel").asText());
            assertEquals("1002", pop.path("accountManager").asText());
            assertEquals("main-2-1", pop.path("ivrPath").asText());
            assertEquals(7, pop.path("waitSeconds").asLong());
            assertEquals(15, pop.path("ringTimeoutSeconds").asLong());
        }
    }

    @Test
    void anAnsweredCallShowsConnectedThenEndedThenWrapUp() {
        try (DeskClient desk = floor.readyAgentDesk("1001")) {
            floor.callArrives(502, "standard", null, null, "13700000002", "main-9");
            JsonNode pop = desk.await("offered");
            assertTrue(pop.path("brand").isNull());
            assertTrue(pop.path("accountManager").isNull());
            floor.advanceSeconds(3);
            floor.seatAnswers(502, "1001");
            desk.awaitState("talking");
            JsonNode connected = desk.next("connected");
            assertEquals(502, connected.path("callId").asLong());
            assertEquals("13700000002", connected.path("callerNumber").asText());
            assertEquals(3, connected.path("waitSeconds").asLong());

            floor.advanceSeconds(42);
            floor.callEvent(EventType.CALL_ENDED, 502);
            JsonNode ended = desk.next("ended");
            assertEquals(502, ended.path("callId").asLong());
            assertEquals(42, ended.path("talkSeconds").asLong());
            desk.awaitState("wrap-up");

            desk.send("{\"type\":\"wrapUpDone\"}");
            desk.await("ack");
            desk.awaitState("ready");
        }
    }

    @Test
    void thePopIsCancelledOnceWhenTheCallerHangsUpOrTheSeatDoesNotAnswer() {
        try (DeskClient desk = floor.readyAgentDesk("1001")) {
            floor.callArrives(503, "standard", null, null, "13700000003", "main");
            desk.await("offered");
            floor.callEvent(EventType.CALLER_ABANDONED, 503);
            JsonNode cancelled = desk.await("offerCancelled");
            assertEquals(503, cancelled.path("callId").asLong());
            assertEquals("withdrawn", cancelled.path("reason").asText());
            desk.awaitState("ready");

            floor.callArrives(504, "standard", null, null, "13700000004", "main");
            desk.await("offered");
            floor.seatDoesNotAnswer(504, "1001");
            JsonNode notAnswered = desk.await("offerCancelled");
            assertEquals(504, notAnswered.path("callId").asLong());
            assertEquals("not answered", notAnswered.path("reason").asText());
            floor.settle();
            assertTrue(desk.drain().stream().noneMatch(m -> m.path("type").asText().equals("offerCancelled")),
                    "one cancellation per offer");
        }
    }

    @Test
    void aDesktopActsOnlyForItsOwnAgent() {
        try (DeskClient mine = floor.agentDesk("1001"); DeskClient colleague = floor.agentDesk("1002")) {
            mine.awaitState("not-ready");
            colleague.awaitState("not-ready");

            mine.send("{\"type\":\"ready\",\"agent\":\"1002\"}");
            assertTrue(mine.error("not_your_agent").path("message").asText().contains("1001"));
            mine.send("{\"type\":\"notReady\",\"agent\":1002,\"reason\":\"lunch\"}");
            mine.error("not_your_agent");
            mine.send("{\"type\":\"logout\",\"agent\":\"1002\"}");
            mine.error("not_your_agent");
            mine.send(SeatFloor.login("agent", "1002", SeatFloor.secretOf("1002")));
            mine.error("not_your_agent");
            mine.send("{\"type\":\"setNotReady\",\"agent\":\"1002\",\"reason\":\"lunch\"}");
            mine.error("not_permitted");
            mine.send("{\"type\":\"logoutAgent\",\"agent\":\"1002\"}");
            mine.error("not_permitted");

            // the ring keeps order: had anything for 1002 been published, it would show before this
            mine.send("{\"type\":\"ready\",\"agent\":\"1001\"}");
            mine.next("ack");
            mine.awaitState("ready");
            floor.settle();
            assertEquals(List.of(new SeatFloor.StateChange("1002", AgentState.NOT_READY, ReasonCodes.LOGGED_IN)),
                    floor.changesOf("1002"));
            assertNull(colleague.poll(Duration.ofMillis(100)), "nothing happened to 1002");
        }
    }

    @Test
    void aDroppedConnectionSetsItsAgentNotReadyAndNoCallRingsThere() {
        DeskClient desk = floor.readyAgentDesk("1001");
        desk.abort();
        floor.awaitEngineState("1001", AgentState.NOT_READY, ReasonCodes.DESKTOP_LOST);

        floor.callArrives(505, "standard", null, null, "13700000005", "main");
        floor.settle();
        assertEquals(List.of(), floor.changesOf("1001").stream().filter(c -> c.to() == AgentState.RINGING).toList(),
                "the call waits rather than ring an unwatched seat");
    }

    @Test
    void aDesktopThatLoggedOutIsNotReportedLostWhenItCloses() {
        DeskClient desk = floor.readyAgentDesk("1001");
        desk.send("{\"type\":\"logout\"}");
        desk.awaitState("logged-out");
        desk.abort();
        floor.settle();
        assertEquals(AgentState.LOGGED_OUT, last(floor.changesOf("1001")).to());
        assertEquals(0, floor.gateway.desktopsLost());
    }

    @Test
    void aSecondDesktopTakesOverTheAgentWithoutSettingItNotReady() {
        try (DeskClient first = floor.readyAgentDesk("1001"); DeskClient second = floor.connect()) {
            second.send(SeatFloor.login("agent", "1001", SeatFloor.secretOf("1001")));
            JsonNode loggedIn = second.next("loggedIn");
            assertEquals("ready", loggedIn.path("state").asText(), "already logged in: no second login");

            first.error("session_replaced");
            assertEquals(1000, first.closeCode());
            floor.settle();
            assertEquals(AgentState.READY, last(floor.changesOf("1001")).to());
            assertEquals(1, floor.gateway.agentDesktops());

            floor.callArrives(506, "standard", null, null, "13700000006", "main");
            assertEquals(506, second.await("offered").path("callId").asLong());
        }
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
