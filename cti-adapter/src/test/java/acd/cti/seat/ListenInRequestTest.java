package acd.cti.seat;

import acd.cti.ami.ChannelSnapshot;
import acd.cti.flow.PbxActions;
import acd.cti.qa.ListenIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A team lead listening in on an agent's call from the supervisor desk: the lead's phone rings into acd-listen. */
class ListenInRequestTest {
    private final SeatFloor floor;
    private final List<String> originated = Collections.synchronizedList(new ArrayList<>());

    ListenInRequestTest() throws InterruptedException {
        floor = new SeatFloor(SeatFloor.fastSettings());
        PbxActions pbx = new PbxActions() {
            @Override
            public CompletionStage<Boolean> redirect(String channel, String context, String exten, int priority) {
                return CompletableFuture.completedFuture(false);
            }

            @Override
            public CompletionStage<Boolean> setVariable(String channel, String name, String value) {
                return CompletableFuture.completedFuture(false);
            }

            @Override
            public CompletionStage<Boolean> originate(String channel, String uniqueId, String callerId, long ringMs,
                                                      String context, Map<String, String> variables) {
                originated.add(channel + " " + context + " " + variables.get("ACD_SPY_ON") + " "
                        + variables.get("ACD_SPY_OPTIONS") + " " + callerId);
                return CompletableFuture.completedFuture(true);
            }

            @Override
            public List<ChannelSnapshot> liveChannels() {
                return List.of();
            }
        };
        floor.gateway.useListenIn(new ListenIn(Map.of("lead1", "PJSIP/9001"), pbx));
    }

    @AfterEach
    void closeFloor() {
        floor.close();
    }

    @Test
    void aTeamLeadsPhoneRingsToListenInOrWhisperOnAnAgentsCall() {
        try (DeskClient agent = floor.readyAgentDesk("1001"); DeskClient lead = floor.supervisorDesk("lead1")) {
            floor.callArrives(901, "gold", null, null, "13900000001", "main");
            agent.await("offered");
            floor.seatAnswers(901, "1001");
            agent.await("connected");
            floor.settle();

            lead.send("{\"type\":\"listenIn\",\"agent\":\"1001\"}");
            assertEquals("1001", lead.await("ack").path("agent").asText());
            lead.send("{\"type\":\"listenIn\",\"agent\":\"1001\",\"mode\":\"whisper\"}");
            assertEquals("listenIn", lead.await("ack").path("action").asText());
            assertEquals(List.of("PJSIP/9001 acd-listen PJSIP/1001 q \"listen 1001\" <1001>",
                    "PJSIP/9001 acd-listen PJSIP/1001 qw \"whisper 1001\" <1001>"), originated);
        }
    }

    @Test
    void noCallNoPhoneABadModeOrAnAgentsDeskIsRefusedAndNothingRings() throws Exception {
        try (DeskClient agent = floor.agentDesk("1002"); DeskClient lead = floor.supervisorDesk("lead1")) {
            lead.send("{\"type\":\"listenIn\",\"agent\":\"1001\"}");
            assertEquals("agent 1001 is on no call (the agent is logged-out)",
                    lead.awaitError("listen_refused").path("message").asText());
            lead.send("{\"type\":\"listenIn\",\"agent\":\"1001\",\"mode\":\"shout\"}");
            assertTrue(lead.awaitError("bad_field").path("message").asText().contains("listen, whisper or barge"));
            lead.send("{\"type\":\"listenIn\",\"agent\":\"9999\"}");
            lead.awaitError("unknown_agent");
            agent.send("{\"type\":\"listenIn\",\"agent\":\"1001\"}");
            agent.awaitError("not_permitted");
            floor.gateway.useListenIn(new ListenIn(Map.of(), new NoPbx()));
            lead.send("{\"type\":\"listenIn\",\"agent\":\"1001\"}");
            assertTrue(lead.awaitError("listen_refused").path("message").asText()
                    .contains("supervisor lead1 has no phone to listen in from"));
        }
        assertEquals(List.of(), originated);
    }

    /** A PBX that is never asked anything. */
    static final class NoPbx implements PbxActions {
        @Override
        public CompletionStage<Boolean> redirect(String channel, String context, String exten, int priority) {
            throw new AssertionError("not asked");
        }

        @Override
        public CompletionStage<Boolean> setVariable(String channel, String name, String value) {
            throw new AssertionError("not asked");
        }

        @Override
        public List<ChannelSnapshot> liveChannels() {
            throw new AssertionError("not asked");
        }
    }
}
