package acd.cti.seat;

import acd.cti.qa.QualityDesk;
import acd.cti.qa.RecordingPasses;
import acd.ivr.qa.AnsweredCall;
import acd.ivr.qa.QaRules;
import acd.ivr.qa.RecordingAccess;
import acd.ivr.qa.SampledCall;
import acd.ivr.store.SelfServiceStore;
import acd.ivr.store.StoreSeed;
import acd.ivr.store.StoreSettings;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reviewers, team leads and agents at quality review over the desk: the sample, scores, redos, recordings. */
class QualityRequestsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    private static final long DAY_START = 1_796_486_400_000L;

    private final SeatFloor floor;
    private final Path dir;
    private final SelfServiceStore store;
    private final ExecutorService blocking = Executors.newSingleThreadExecutor();
    private final QualityDesk desk;
    private final List<SampledCall> sample;

    QualityRequestsTest() throws Exception {
        floor = new SeatFloor(SeatFloor.fastSettings());
        dir = Files.createTempDirectory("quality-desk");
        store = SelfServiceStore.open(StoreSettings.defaults().withDataDirectory(dir.resolve("data")), StoreSeed.NONE);
        Path recordings = dir.resolve("monitor/acd");
        // 20 calls for 1001 and 10 for 1002 that day, each with its recording
        for (int i = 0; i < 30; i++) {
            String agent = i < 20 ? "1001" : "1002";
            String id = "17964864" + (10 + i) + ".1";
            store.qaReviews().answered(new AnsweredCall(id, agent, "general", "gold", null, "139000000" + (10 + i),
                    DAY_START + i * 60_000L, 120_000, "acd/20261206/" + id));
            Path file = recordings.resolve("20261206/" + id + ".wav");
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[]{'R', 'I', 'F', 'F'});
        }
        sample = store.qaReviews().draw(DAY, DAY_START, DAY_START + 86_400_000L, QaRules.DEFAULTS, DAY_START);
        desk = new QualityDesk(store.qaReviews(), QaRules.DEFAULTS, recordings, new RecordingPasses(60_000), blocking,
                floor.clock::get);
        floor.gateway.useQuality(desk);
    }

    @AfterEach
    void close() throws IOException {
        floor.close();
        blocking.shutdownNow();
        store.close();
    }

    private String sampledCallOf(String agent) {
        return sample.stream().filter(s -> s.call().agent().equals(agent)).findFirst().orElseThrow().call().callId();
    }

    private String unsampledCallOf(String agent) {
        return java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> "17964864" + (10 + i) + ".1")
                .filter(id -> !store.qaReviews().sampled(id))
                .filter(id -> store.qaReviews().call(id).get(0).agent().equals(agent))
                .findFirst().orElseThrow();
    }

    @Test
    void aReviewerScoresTheDaysSampleAndAScoreBelowTheMarkReachesTheTeamLead() {
        try (DeskClient qa = floor.reviewerDesk("qa1"); DeskClient lead = floor.supervisorDesk("lead1");
             DeskClient agent = floor.agentDesk("1001")) {
            qa.send("{\"type\":\"qaSample\",\"day\":\"2026-12-06\"}");
            JsonNode day = qa.await("qaSample");
            assertTrue(day.path("drawn").asBoolean());
            JsonNode items = day.path("items");
            assertEquals(3, items.size(), "2 of 1001's 20 calls and 1 of 1002's 10");
            assertTrue(items.get(0).path("score").isNull());
            qa.send("{\"type\":\"qaSample\",\"day\":\"2026-12-07\"}");
            assertFalse(qa.await("qaSample").path("drawn").asBoolean(), "today is drawn once it is over");

            agent.send("{\"type\":\"qaSample\",\"day\":\"2026-12-06\"}");
            agent.awaitError("not_permitted");

            long item = items.get(0).path("item").asLong();
            qa.send("{\"type\":\"qaScore\",\"item\":" + item + ",\"score\":65,\"note\":\"no identity check\"}");
            JsonNode scored = qa.await("qaItem").path("item");
            assertEquals(65, scored.path("score").asInt());
            assertTrue(scored.path("redo").asBoolean());
            assertEquals("qa1", scored.path("scoredBy").asText());

            JsonNode pushed = lead.await("qaRedo").path("item");
            assertEquals(item, pushed.path("item").asLong());
            assertEquals("no identity check", pushed.path("note").asText());
            lead.send("{\"type\":\"qaRedos\"}");
            assertEquals(1, lead.await("qaRedos").path("items").size());
            lead.send("{\"type\":\"closeRedo\",\"item\":" + item + ",\"note\":\"coached, customer called back\"}");
            assertEquals("lead1", lead.await("qaItem").path("item").path("redoClosedBy").asText());
            lead.send("{\"type\":\"closeRedo\",\"item\":" + item + "}");
            assertEquals("quality sample item " + item + " has its redo closed by lead1",
                    lead.awaitError("qa_refused").path("message").asText());

            lead.send("{\"type\":\"qaScore\",\"item\":" + item + ",\"score\":90}");
            assertEquals("only a quality reviewer scores calls", lead.awaitError("not_permitted").path("message").asText());
            qa.send("{\"type\":\"closeRedo\",\"item\":" + item + "}");
            qa.awaitError("not_permitted");
            qa.send("{\"type\":\"qaScore\",\"item\":" + item + ",\"score\":101}");
            assertTrue(qa.awaitError("bad_field").path("message").asText().contains("0..100"));
            qa.send("{\"type\":\"qaScore\",\"item\":999,\"score\":90}");
            assertEquals("no quality sample item 999", qa.awaitError("qa_refused").path("message").asText());
        }
    }

    @Test
    void anAgentHearsOnlyTheirOwnCallsAReviewerOnlySampledOnesAndEveryAskIsKept() {
        String own = unsampledCallOf("1001");
        String another = unsampledCallOf("1002");
        String sampled = sampledCallOf("1002");
        try (DeskClient agent = floor.agentDesk("1001"); DeskClient qa = floor.reviewerDesk("qa1");
             DeskClient lead = floor.supervisorDesk("lead1")) {
            agent.send("{\"type\":\"hearRecording\",\"call\":\"" + own + "\"}");
            JsonNode pass = agent.await("recording");
            assertTrue(pass.path("url").asText().matches("/recordings/[0-9a-f]{32}\\.wav"), pass.toString());
            assertEquals(dir.resolve("monitor/acd/20261206/" + own + ".wav"),
                    desk.pass(pass.path("url").asText()).orElseThrow().file());

            agent.send("{\"type\":\"hearRecording\",\"call\":\"" + another + "\"}");
            assertEquals("call " + another + " is not one agent 1001 talked on",
                    agent.awaitError("not_permitted").path("message").asText());
            qa.send("{\"type\":\"hearRecording\",\"call\":\"" + another + "\"}");
            assertEquals("call " + another + " is not in a quality sample",
                    qa.awaitError("not_permitted").path("message").asText());
            qa.send("{\"type\":\"hearRecording\",\"call\":\"" + sampled + "\"}");
            qa.await("recording");
            lead.send("{\"type\":\"hearRecording\",\"call\":\"" + another + "\"}");
            lead.await("recording");
            lead.send("{\"type\":\"hearRecording\",\"call\":\"nobody.1\"}");
            assertEquals("no answered call nobody.1", lead.awaitError("not_permitted").path("message").asText());
        }
        assertEquals(List.of("agent 1001 refused", "reviewer qa1 refused", "supervisor lead1 granted"),
                store.qaReviews().accesses(another).stream().map(a -> a.role() + " " + a.who() + " " + a.outcome())
                        .toList());
        assertEquals(RecordingAccess.GRANTED, store.qaReviews().accesses(own).get(0).outcome());
    }

    @Test
    void aReviewersDeskTakesNoActionOnTheFloor() {
        try (DeskClient qa = floor.reviewerDesk("qa1")) {
            qa.send("{\"type\":\"setNotReady\",\"agent\":\"1001\",\"reason\":\"break\"}");
            qa.awaitError("not_permitted");
            qa.send("{\"type\":\"tasks\"}");
            assertTrue(qa.awaitError("not_permitted").path("message").asText().contains("quality reviewer"));
            qa.send("{\"type\":\"login\",\"supervisor\":\"lead1\",\"secret\":\"" + SeatFloor.secretOf("lead1") + "\"}");
            assertEquals("this connection is logged in as reviewer qa1",
                    qa.awaitError("not_permitted").path("message").asText());
        }
    }
}
