package acd.cti.seat;

import acd.cti.seat.codec.SeatErrorCode;
import acd.cti.seat.codec.SeatNotice;
import acd.cti.seat.codec.SeatNoticeEncoder;
import acd.core.engine.AgentState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeatNoticeEncoderTest {
    private final SeatNoticeEncoder encoder = new SeatNoticeEncoder();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode encode(SeatNotice notice) throws Exception {
        return json.readTree(encoder.encode(notice));
    }

    @Test
    void aScreenPopCarriesEverythingTheDesktopShows() throws Exception {
        JsonNode pop = encode(new SeatNotice.Offered(42, "13900000001", "billing", "话费", "diamond", "钻石", null, null,
                "1001", "main-2", 12, 15, true, 1_700_000_000_000L));
        assertEquals("offered", pop.path("type").asText());
        assertEquals(42, pop.path("callId").asLong());
        assertEquals("钻石", pop.path("tierLabel").asText());
        assertTrue(pop.path("brand").isNull());
        assertEquals("1001", pop.path("accountManager").asText());
        assertEquals(12, pop.path("waitSeconds").asLong());
        assertTrue(pop.path("callback").asBoolean(), "the customer is being called back");
    }

    @Test
    void statesAreWrittenAsOnTheHttpApi() throws Exception {
        JsonNode state = encode(new SeatNotice.State("1001", AgentState.WRAP_UP, null, 0, 5));
        assertEquals("wrap-up", state.path("state").asText());
        assertTrue(state.path("reason").isNull());
        assertEquals("not-ready", SeatNoticeEncoder.stateName(AgentState.NOT_READY));
    }

    @Test
    void aRateWithNoCallsBehindItIsNull() throws Exception {
        long[] agents = new long[AgentState.values().length];
        agents[AgentState.READY.ordinal()] = 4;
        SeatNotice.QueueRow queue = new SeatNotice.QueueRow("general", "综合", 10, 90, 0, 0, 0, 0, Double.NaN,
                Double.NaN, 0, 0, agents, List.of(new SeatNotice.TierRow("gold", "金", 2, 1, 0.5, 0.5, 1)), true);
        JsonNode figures = encode(new SeatNotice.Figures(1, List.of(queue), agents));
        JsonNode q = figures.path("queues").get(0);
        assertTrue(q.path("serviceLevel").isNull());
        assertTrue(q.path("peakMode").asBoolean(), "a queue in peak mode says so");
        assertTrue(q.path("answerRate").isNull());
        assertEquals(4, q.path("agents").path("ready").asLong());
        assertEquals(0.5, q.path("tiers").get(0).path("serviceLevel").asDouble());
        assertEquals(4, figures.path("agents").path("ready").asLong());
    }

    @Test
    void anErrorNamesItsCode() throws Exception {
        JsonNode error = encode(new SeatNotice.Error(SeatErrorCode.NOT_YOUR_AGENT, "this desktop acts for agent 1001 only"));
        assertEquals("error", error.path("type").asText());
        assertEquals("not_your_agent", error.path("code").asText());
        assertEquals("this desktop acts for agent 1001 only", error.path("message").asText());
    }
}
