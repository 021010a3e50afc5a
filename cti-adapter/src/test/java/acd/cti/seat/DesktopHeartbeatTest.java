package acd.cti.seat;

import acd.core.engine.AgentState;
import acd.core.engine.ReasonCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heartbeat rule, on a short interval: 400 ms plus 400 ms grace. */
class DesktopHeartbeatTest {
    private static final long SILENCE_LIMIT_MS = 800;
    private final SeatFloor floor;

    DesktopHeartbeatTest() throws InterruptedException {
        floor = new SeatFloor(SeatFloor.fastSettings().withHeartbeat(400, 400));
    }

    @AfterEach
    void closeFloor() {
        floor.close();
    }

    @Test
    void aDesktopThatFallsSilentSetsItsAgentNotReadyAsDesktopLost() {
        try (DeskClient desk = floor.readyAgentDesk("1001")) {
            // heartbeats within the interval keep the seat
            for (int i = 0; i < 5; i++) {
                SeatFloor.sleep(200);
                desk.send("{\"type\":\"heartbeat\"}");
                assertEquals("heartbeat", desk.next("ack").path("action").asText());
            }
            assertFalse(desk.isClosed());
            List<SeatFloor.StateChange> changes = floor.changesOf("1001");
            assertEquals(AgentState.READY, changes.get(changes.size() - 1).to());

            long silentSince = System.nanoTime();
            assertEquals(1001, desk.closeCode());
            long silentMs = (System.nanoTime() - silentSince) / 1_000_000;
            assertTrue(silentMs >= SILENCE_LIMIT_MS - 200, "closed after " + silentMs + " ms of silence");
            floor.awaitEngineState("1001", AgentState.NOT_READY, ReasonCodes.DESKTOP_LOST);
            assertEquals(1, floor.gateway.desktopsLost());
        }
    }

    @Test
    void aSilentSupervisorIsClosedAndNoAgentIsTouched() {
        try (DeskClient agent = floor.agentDesk("1001"); DeskClient lead = floor.supervisorDesk("lead1")) {
            agent.awaitState("not-ready");
            for (int i = 0; i < 6; i++) {
                SeatFloor.sleep(200);
                agent.send("{\"type\":\"heartbeat\"}");
            }
            assertEquals(1001, lead.closeCode());
            assertFalse(agent.isClosed());
            assertEquals(0, floor.gateway.supervisorDesktops());
            assertEquals(0, floor.gateway.desktopsLost());
        }
    }
}
