package acd.cti.seat;

import acd.core.engine.AgentState;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Supervisors: the live stream of queue figures and agent states, and the actions on agents. */
class SupervisorDeskTest {
    private final SeatFloor floor;

    SupervisorDeskTest() throws InterruptedException {
        floor = new SeatFloor(SeatFloor.fastSettings());
    }

    @AfterEach
    void closeFloor() {
        floor.close();
    }

    @Test
    void aSupervisorSeesEveryAgentAndLiveQueueFigures() {
        try (DeskClient agent = floor.readyAgentDesk("1001"); DeskClient lead = floor.connect()) {
            lead.send(SeatFloor.login("supervisor", "lead1", SeatFloor.secretOf("lead1")));
            JsonNode loggedIn = lead.next("loggedIn");
            assertEquals("supervisor", loggedIn.path("role").asText());
            assertEquals(200, loggedIn.path("figuresEveryMs").asLong());
            assertEquals(3, loggedIn.path("reasons").size());

            JsonNode agents = lead.next("agents").path("agents");
            assertEquals(3, agents.size());
            assertEquals("1001", agents.get(0).path("agent").asText());
            assertEquals("王芳", agents.get(0).path("name").asText());
            assertEquals("ready", agents.get(0).path("state").asText());
            assertEquals("logged-out", agents.get(1).path("state").asText());

            JsonNode figures = lead.next("figures");
            JsonNode general = figures.path("queues").get(0);
            assertEquals("general", general.path("queue").asText());
            assertEquals(0, general.path("offered").asLong());
            assertTrue(general.path("serviceLevel").isNull(), "no calls, no service level");
            assertEquals(1, general.path("agents").path("ready").asLong());
            assertEquals(1, figures.path("agents").path("ready").asLong());

            agent.send("{\"type\":\"notReady\",\"reason\":\"break\"}");
            JsonNode change = lead.awaitState("not-ready");
            assertEquals("1001", change.path("agent").asText());
            assertEquals("break", change.path("reason").asText());

            floor.callArrives(701, "gold", null, null, "13900000001", "main");
            floor.settle();
            JsonNode later = awaitFigures(lead, f -> f.path("queues").get(0).path("waitingNow").asLong() == 1);
            JsonNode queue = later.path("queues").get(0);
            assertEquals(1, queue.path("offered").asLong());
            assertEquals(2, queue.path("tiers").size());
            assertEquals("gold", queue.path("tiers").get(0).path("tier").asText());
            assertEquals(1, queue.path("tiers").get(0).path("waitingNow").asLong());
            assertEquals(0, queue.path("tiers").get(1).path("offered").asLong());
        }
    }

    @Test
    void aSupervisorSetsAnAgentNotReadyAndLogsItOutAndEachActionIsLogged() {
        try (CapturedLog log = new CapturedLog();
             DeskClient agent = floor.readyAgentDesk("1001");
             DeskClient lead = floor.supervisorDesk("lead1")) {
            lead.send("{\"type\":\"setNotReady\",\"agent\":\"1001\",\"reason\":\"meeting\"}");
            JsonNode ack = lead.await("ack");
            assertEquals("setNotReady", ack.path("action").asText());
            assertEquals("1001", ack.path("agent").asText());
            JsonNode state = agent.awaitState("not-ready");
            assertEquals("meeting", state.path("reason").asText());
            floor.awaitEngineState("1001", AgentState.NOT_READY, SeatFloor.MEETING);

            lead.send("{\"type\":\"logoutAgent\",\"agent\":1001}");
            lead.await("ack");
            agent.awaitState("logged-out");
            floor.awaitEngineState("1001", AgentState.LOGGED_OUT, 0);

            assertEquals(1, log.linesContaining("supervisor lead1 setNotReady agent 1001").size(), log.lines().toString());
            assertEquals(1, log.linesContaining("supervisor lead1 logoutAgent agent 1001").size(), log.lines().toString());
        }
    }

    @Test
    void aSupervisorGivesAnAgentASkillAndTheWaitingCallIsOfferedToIt() {
        try (CapturedLog log = new CapturedLog();
             DeskClient billingAgent = floor.readyAgentDesk("1003");
             DeskClient lead = floor.supervisorDesk("lead1")) {
            floor.callArrives(801, "gold", null, null, "13900000002", "main");
            floor.settle();
            billingAgent.drain();

            lead.send("{\"type\":\"setSkills\",\"agent\":\"1003\",\"skills\":{\"billing\":1,\"general\":3}}");
            JsonNode ack = lead.await("ack");
            assertEquals("setSkills", ack.path("action").asText());
            assertEquals("1003", ack.path("agent").asText());
            JsonNode offered = billingAgent.await("offered");
            assertEquals("13900000002", offered.path("callerNumber").asText(), offered.toString());

            lead.send("{\"type\":\"setSeatGroups\",\"agent\":1003,\"seatGroups\":[\"vip\"]}");
            assertEquals("setSeatGroups", lead.await("ack").path("action").asText());
            assertEquals(1, log.linesContaining("supervisor lead1 setSkills agent 1003").size(), log.lines().toString());
            assertEquals(1, log.linesContaining("supervisor lead1 setSeatGroups agent 1003 [vip]").size(),
                    log.lines().toString());
        }
    }

    @Test
    void anUnknownSkillOrSeatGroupIsRefusedNamingIt() {
        try (CapturedLog log = new CapturedLog(); DeskClient lead = floor.supervisorDesk("lead1")) {
            lead.drain();
            lead.send("{\"type\":\"setSkills\",\"agent\":\"1001\",\"skills\":{\"biling\":1}}");
            JsonNode error = lead.awaitError("unknown_name");
            assertTrue(error.path("message").asText().contains("'biling' is not a configured skill"), error.toString());
            lead.send("{\"type\":\"setSeatGroups\",\"agent\":\"1001\",\"seatGroups\":[\"nowhere\"]}");
            lead.awaitError("unknown_name");
            lead.send("{\"type\":\"setSkills\",\"agent\":\"9999\",\"skills\":{\"general\":1}}");
            lead.awaitError("unknown_agent");
            lead.send("{\"type\":\"setSkills\",\"agent\":\"1001\",\"skills\":{\"general\":11}}");
            lead.awaitError("bad_field");
            assertEquals(1, log.linesContaining("supervisor lead1 setSkills agent 1001 refused").size(), log.lines().toString());
        }
    }

    @Test
    void aSupervisorsRequestsAreCheckedLikeAnyOther() {
        floor.agentDesk("1001").close();
        try (DeskClient lead = floor.supervisorDesk("lead1")) {
            lead.drain();
            lead.send("{\"type\":\"ready\"}");
            lead.awaitError("not_permitted");
            lead.send("{\"type\":\"setNotReady\",\"agent\":\"9999\",\"reason\":\"break\"}");
            lead.awaitError("unknown_agent");
            lead.send("{\"type\":\"setNotReady\",\"agent\":\"1001\",\"reason\":\"smoking\"}");
            lead.awaitError("unknown_reason");
            lead.send("{\"type\":\"setNotReady\",\"reason\":\"break\"}");
            lead.awaitError("bad_field");
            lead.send(SeatFloor.login("agent", "1001", SeatFloor.secretOf("1001")));
            lead.awaitError("not_permitted");
        }
    }

    @Test
    void anAgentsSecretDoesNotOpenTheSupervisorRole() {
        try (DeskClient desk = floor.connect()) {
            desk.send(SeatFloor.login("supervisor", "1001", SeatFloor.secretOf("1001")));
            desk.error("auth_failed");
            desk.send(SeatFloor.login("supervisor", "lead1", SeatFloor.secretOf("1001")));
            desk.error("auth_failed");
            desk.send("{\"type\":\"setNotReady\",\"agent\":\"1001\",\"reason\":\"break\"}");
            desk.error("not_logged_in");
        }
        assertEquals(0, floor.gateway.supervisorDesktops());
    }

    @Test
    void aSupervisorThatLogsOutIsClosedNormallyAndGetsNoMoreFigures() {
        DeskClient lead = floor.supervisorDesk("lead1");
        lead.send("{\"type\":\"logout\"}");
        lead.await("ack");
        assertEquals(1000, lead.closeCode());
        lead.drain();
        assertNull(lead.poll(Duration.ofMillis(400)), "no figures after the logout");
        assertEquals(0, floor.gateway.supervisorDesktops());
        lead.close();
    }

    private static JsonNode awaitFigures(DeskClient desk, java.util.function.Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + DeskClient.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = desk.await("figures");
            if (until.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no figures as expected within " + DeskClient.WAIT);
    }
}
