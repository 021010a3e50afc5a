package acd.cti.seat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A wallboard on the same socket: the live queue document without a login, and nothing else. */
class WallboardStreamTest {
    private final SeatFloor floor;

    WallboardStreamTest() throws InterruptedException {
        floor = new SeatFloor(SeatFloor.fastSettings().withLoginTimeoutMs(500));
    }

    @AfterEach
    void closeFloor() {
        floor.close();
    }

    @Test
    void aWallboardWatchesTheQueueDocumentAsItChanges() {
        try (DeskClient agent = floor.readyAgentDesk("1001"); DeskClient board = floor.connect()) {
            board.send("{\"type\":\"watch\"}");
            JsonNode watching = board.next("watching");
            assertEquals(200, watching.path("boardEveryMs").asLong());
            JsonNode first = board.next("board").path("board");
            JsonNode general = first.path("queues").get(0);
            assertEquals("general", general.path("queue").asText());
            assertEquals(90, general.path("targetPercent").asInt());
            assertTrue(general.has("asaSeconds") && general.has("intervals") && general.has("tiers"), general.toString());
            assertEquals(1, general.path("agents").path("ready").asLong());

            floor.callArrives(901, "gold", null, null, "13900000009", "main");
            floor.settle();
            JsonNode later = awaitBoard(board, b -> b.path("queues").get(0).path("offered").asLong() == 1);
            assertEquals(1, later.path("queues").get(0).path("agents").path("ringing").asLong());
        }
    }

    @Test
    void aWallboardIsNotClosedForNotLoggingIn() throws InterruptedException {
        try (DeskClient board = floor.connect()) {
            board.send("{\"type\":\"watch\"}");
            board.next("watching");
            Thread.sleep(800);
            assertFalse(board.isClosed(), "the login deadline is for desktops that mean to log in");
        }
    }

    @Test
    void aWallboardCanTakeNoActionAndCannotLogInOnTheSameConnection() {
        try (DeskClient board = floor.connect()) {
            board.send("{\"type\":\"watch\"}");
            board.next("watching");
            board.send("{\"type\":\"setNotReady\",\"agent\":\"1001\",\"reason\":\"break\"}");
            board.awaitError("not_permitted");
            board.send(SeatFloor.login("supervisor", "lead1", SeatFloor.secretOf("lead1")));
            board.awaitError("not_permitted");
            board.send("{\"type\":\"heartbeat\"}");
            board.await("ack");
            assertFalse(board.isClosed());
        }
    }

    @Test
    void aLoggedInDesktopCannotTurnIntoAWallboard() {
        try (DeskClient lead = floor.supervisorDesk("lead1")) {
            lead.drain();
            lead.send("{\"type\":\"watch\"}");
            lead.awaitError("not_permitted");
        }
    }

    private static JsonNode awaitBoard(DeskClient client, java.util.function.Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = client.await("board").path("board");
            if (until.test(message)) {
                return message;
            }
        }
        return fail("no board matched in time");
    }
}
