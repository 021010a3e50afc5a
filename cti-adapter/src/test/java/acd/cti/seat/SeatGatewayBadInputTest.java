package acd.cti.seat;

import acd.core.engine.AgentState;
import acd.core.engine.ReasonCodes;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the gateway does with wrong secrets, broken messages, oversized frames and floods. */
class SeatGatewayBadInputTest {
    private SeatFloor floor;

    private SeatFloor floor(SeatGatewaySettings settings) throws InterruptedException {
        floor = new SeatFloor(settings);
        return floor;
    }

    @AfterEach
    void closeFloor() {
        if (floor != null) {
            floor.close();
        }
    }

    /** Sends a raw HTTP request to the gateway and returns the status line and headers it answers. */
    /** A socket past a valid RFC 6455 handshake on /cti, for sending frames by hand. */
    private java.net.Socket rawDesk() throws Exception {
        java.net.Socket socket = new java.net.Socket(floor.uri.getHost(), floor.uri.getPort());
        socket.setSoTimeout(5_000);
        socket.getOutputStream().write(upgrade("Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        java.io.InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
        return socket;
    }

    /** The opcode of each unmasked server frame (payloads under 126 bytes) in {@code bytes}. */
    private static List<Integer> opcodes(byte[] bytes) {
        List<Integer> opcodes = new ArrayList<>();
        for (int at = 0; at + 1 < bytes.length; at += 2 + (bytes[at + 1] & 0x7f)) {
            opcodes.add(bytes[at] & 0x0f);
        }
        return opcodes;
    }

    /** The status of each close frame in {@code bytes}. */
    private static List<Integer> closeCodes(byte[] bytes) {
        List<Integer> codes = new ArrayList<>();
        for (int at = 0; at + 1 < bytes.length; at += 2 + (bytes[at + 1] & 0x7f)) {
            if ((bytes[at] & 0x0f) == 0x8) {
                codes.add(((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff));
            }
        }
        return codes;
    }

    private String rawExchange(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(floor.uri.getHost(), floor.uri.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            java.io.InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int b;
            while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
                head.append((char) b);
            }
            return head.toString();
        }
    }

    private String upgrade(String versionAndKeyHeaders) {
        return "GET " + floor.uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\n" + versionAndKeyHeaders + "\r\n";
    }

    @Test
    void onlyRfc6455HandshakesAreServedAndOlderDraftsAreToldWhichVersionIs() throws Exception {
        floor(SeatFloor.fastSettings());

        String hybi07 = rawExchange(upgrade("Sec-WebSocket-Version: 7\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"));
        String hixie76 = rawExchange(upgrade("Sec-WebSocket-Key1: 4 @1  46546xW%0l 1 5\r\n"
                + "Sec-WebSocket-Key2: 12998 5 Y3 1  .P00\r\nContent-Length: 8\r\n") + "^n:ds[4U");
        String rfc6455 = rawExchange(upgrade("Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"));

        for (String refused : List.of(hybi07, hixie76)) {
            assertTrue(refused.startsWith("HTTP/1.1 426"), refused);
            assertTrue(refused.toLowerCase(java.util.Locale.ROOT).contains("sec-websocket-version: 13"), refused);
        }
        assertTrue(rfc6455.startsWith("HTTP/1.1 101"), rfc6455);
    }

    @Test
    void aFrameOverTheLimitGetsOneCloseFrameAndTheConnectionEnds() throws Exception {
        floor(SeatFloor.fastSettings());
        try (java.net.Socket socket = rawDesk()) {
            java.io.OutputStream out = socket.getOutputStream();
            java.io.InputStream in = socket.getInputStream();
            // A masked text frame announcing 1 MiB, far over the 64 KiB limit.
            out.write(new byte[]{(byte) 0x81, (byte) (0x80 | 127), 0, 0, 0, 0, 0, 0x10, 0, 0, 1, 2, 3, 4});
            out.flush();
            byte[] rest = in.readAllBytes();
            List<Integer> closeCodes = closeCodes(rest);
            assertEquals(List.of(1009), closeCodes, "one close frame, with the reason");
        }
    }

    @Test
    void aHandshakeKeyThatIsNotSixteenBytesOfBase64IsRefused() throws Exception {
        floor(SeatFloor.fastSettings());
        for (String key : List.of("!!!", "c2hvcnQ=", "")) {
            String answer = rawExchange(upgrade("Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key + "\r\n"));
            assertTrue(answer.startsWith("HTTP/1.1 400"), key + ": " + answer);
        }
    }

    @Test
    void aWrongSecretIsRefusedAndTheConnectionClosedAfterThreeTriesWithNoSecretLogged() throws Exception {
        floor(SeatFloor.fastSettings());
        String[] wrong = {"hunter2-guess-one", "hunter2-guess-two", "hunter2-guess-three"};
        try (CapturedLog log = new CapturedLog(); DeskClient desk = floor.connect()) {
            desk.send(SeatFloor.login("agent", "1001", wrong[0]));
            JsonNode first = desk.error("auth_failed");
            desk.send(SeatFloor.login("agent", "9999", wrong[1]));
            JsonNode unknownAgent = desk.error("auth_failed");
            assertEquals(first.path("message"), unknownAgent.path("message"), "a wrong id looks like a wrong secret");
            desk.send(SeatFloor.login("agent", "1001", wrong[2]));
            desk.error("auth_failed");
            desk.error("too_many_failures");
            assertEquals(1008, desk.closeCode());

            assertEquals(3, floor.gateway.failedLogins());
            assertEquals(3, log.linesContaining("failed login").size(), log.lines().toString());
            for (String line : log.lines()) {
                for (String secret : wrong) {
                    assertFalse(line.contains(secret), "secret in a log line: " + line);
                }
                assertFalse(line.contains("hunter2"), "secret in a log line: " + line);
            }
        }
        floor.settle();
        assertEquals(List.of(), floor.changesOf("1001"), "a refused login changes nothing");
    }

    @Test
    void aLoginThatIsNotJsonIsRefusedWithoutEchoingOrLoggingTheSecret() throws Exception {
        floor(SeatFloor.fastSettings());
        try (CapturedLog log = new CapturedLog(); DeskClient desk = floor.connect()) {
            desk.send("{\"type\":\"login\",\"agent\":\"1001\",\"secret\":hunter2-unquoted}");
            JsonNode error = desk.error("malformed_json");
            assertFalse(error.toString().contains("hunter2"), error.toString());
            assertTrue(error.path("message").asText().contains("column"), error.toString());
            assertTrue(log.lines().stream().noneMatch(line -> line.contains("hunter2")), log.lines().toString());
        }
    }

    @Test
    void malformedJsonGetsAnErrorAndTheConnectionStaysUsable() throws Exception {
        floor(SeatFloor.fastSettings());
        try (DeskClient desk = floor.connect()) {
            desk.send("{not json");
            desk.error("malformed_json");
            desk.send("[\"login\"]");
            desk.error("malformed_json");
            desk.send("{\"type\":\"heartbeat\"} trailing");
            desk.error("malformed_json");
            desk.send("{\"type\":\"ready\",\"agent\":\"1001\",\"agent\":\"1002\"}");
            desk.error("malformed_json");

            desk.send(SeatFloor.login("agent", "1001", SeatFloor.secretOf("1001")));
            desk.next("loggedIn");
            desk.send("{\"type\":\"notReady\",\"reasonCode\":\"lunch\"}");
            assertTrue(desk.awaitError("bad_field").path("message").asText().contains("reasonCode"));
            desk.send("{\"type\":\"heartbeat\"}");
            desk.await("ack");
        }
    }

    @Test
    void anUnknownMessageTypeIsNamedInTheError() throws Exception {
        floor(SeatFloor.fastSettings());
        try (DeskClient desk = floor.connect()) {
            desk.send("{\"type\":\"ready\"}");
            desk.error("not_logged_in");
            desk.send("{\"agent\":\"1001\"}");
            desk.error("unknown_type");
            desk.send("{\"type\":\"transferCall\",\"to\":\"1002\"}");
            JsonNode error = desk.error("unknown_type");
            assertTrue(error.path("message").asText().contains("'transferCall'"), error.toString());
        }
    }

    @Test
    void anOversizedFrameClosesThatConnectionWith1009AndOnlyThatOne() throws Exception {
        floor(SeatFloor.fastSettings());
        try (DeskClient other = floor.agentDesk("1002"); DeskClient desk = floor.agentDesk("1001")) {
            String huge = "{\"type\":\"heartbeat\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
            desk.send(huge);
            assertEquals(1009, desk.closeCode());

            other.send("{\"type\":\"heartbeat\"}");
            other.await("ack");
        }
    }

    @Test
    void aMessageJustUnderTheLimitIsAccepted() throws Exception {
        floor(SeatFloor.fastSettings());
        try (DeskClient desk = floor.agentDesk("1001")) {
            String pad = "x".repeat(64 * 1024 - 100);
            desk.send("{\"type\":\"heartbeat\",\"pad\":\"" + pad + "\"}");
            desk.await("ack");
        }
    }

    @Test
    void aBinaryFrameIsRefused() throws Exception {
        floor(SeatFloor.fastSettings());
        try (DeskClient desk = floor.connect()) {
            desk.sendBinary("{\"type\":\"heartbeat\"}".getBytes(StandardCharsets.UTF_8));
            desk.error("unsupported_frame");
        }
    }

    @Test
    void aMessageOverTheLimitInFragmentsIsRefusedLikeOneWholeFrame() throws Exception {
        floor(SeatFloor.fastSettings());
        try (java.net.Socket socket = rawDesk()) {
            java.io.OutputStream out = socket.getOutputStream();
            java.io.InputStream in = socket.getInputStream();
            // two fragments of 40 KiB each: under the frame limit one by one, 80 KiB together
            int piece = 40 * 1024;
            byte[] spaces = " ".repeat(piece).getBytes(StandardCharsets.US_ASCII);
            out.write(new byte[]{0x01, (byte) (0x80 | 126), (byte) (piece >> 8), (byte) piece, 0, 0, 0, 0});
            out.write(spaces);
            out.write(new byte[]{(byte) 0x80, (byte) (0x80 | 126), (byte) (piece >> 8), (byte) piece, 0, 0, 0, 0});
            out.write(spaces);
            out.flush();
            byte[] rest = in.readAllBytes();
            List<Integer> closeCodes = closeCodes(rest);
            assertEquals(List.of(1009), closeCodes, "one close frame, message too big");
        }
    }

    @Test
    void aPingFloodGetsPongsOnlyUpToTheMessageRateThenOneCloseFrame() throws Exception {
        floor(SeatFloor.fastSettings());
        try (java.net.Socket socket = rawDesk()) {
            java.io.OutputStream out = socket.getOutputStream();
            java.io.InputStream in = socket.getInputStream();
            // 1,000 masked pings with no payload in one write: each would be owed a pong
            byte[] pings = new byte[6 * 1_000];
            for (int at = 0; at < pings.length; at += 6) {
                pings[at] = (byte) 0x89;
                pings[at + 1] = (byte) 0x80;
            }
            out.write(pings);
            out.flush();
            byte[] rest = in.readAllBytes();
            long pongs = opcodes(rest).stream().filter(opcode -> opcode == 0xA).count();
            List<Integer> closeCodes = closeCodes(rest);
            int rate = SeatFloor.fastSettings().messagesPerSecond();
            assertTrue(pongs >= 1 && pongs <= 2 * rate, pongs + " pongs for 1,000 pings at " + rate + " a second");
            assertEquals(List.of(1008), closeCodes, "one close frame, for the flood");
        }
    }

    @Test
    void aFloodingDesktopIsCutOffWhileOthersCarryOn() throws Exception {
        floor(SeatFloor.fastSettings());
        try (DeskClient calm = floor.agentDesk("1002"); DeskClient flooder = floor.agentDesk("1001")) {
            flooder.awaitState("not-ready");
            for (int i = 0; i < 200 && flooder.send("{\"type\":\"heartbeat\"}"); i++) {
                // as fast as the socket takes them
            }
            assertEquals(1008, flooder.closeCode());
            List<String> errors = new ArrayList<>();
            for (JsonNode message : flooder.drain()) {
                if (message.path("type").asText().equals("error")) {
                    errors.add(message.path("code").asText());
                }
            }
            assertEquals(List.of("rate_limited", "flood"), errors, "one warning, then the cut");

            calm.send("{\"type\":\"heartbeat\"}");
            calm.await("ack");
            floor.awaitEngineState("1001", AgentState.NOT_READY, ReasonCodes.DESKTOP_LOST);
        }
    }

    @Test
    void aBurstWithinTheLimitPasses() throws Exception {
        floor(SeatFloor.fastSettings());
        try (DeskClient desk = floor.agentDesk("1001")) {
            for (int i = 0; i < 15; i++) {
                desk.send("{\"type\":\"heartbeat\"}");
            }
            for (int i = 0; i < 15; i++) {
                desk.await("ack");
            }
            assertFalse(desk.isClosed());
        }
    }

    @Test
    void aConnectionThatNeverLogsInIsClosed() throws Exception {
        floor(SeatFloor.fastSettings().withLoginTimeoutMs(300));
        try (DeskClient desk = floor.connect()) {
            desk.error("login_timeout");
            assertEquals(1008, desk.closeCode());
        }
    }
}
