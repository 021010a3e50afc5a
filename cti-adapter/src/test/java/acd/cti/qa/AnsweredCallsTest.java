package acd.cti.qa;

import acd.core.engine.CallState;
import acd.core.engine.CallView;
import acd.core.engine.HangupSide;
import acd.core.model.AgentSpec;
import acd.core.model.BrandSpec;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import acd.core.model.TierSpec;
import acd.ivr.qa.AnsweredCall;
import acd.ivr.selfservice.SelfServiceUnavailableException;
import acd.ivr.store.SelfServiceStore;
import acd.ivr.store.StoreSeed;
import acd.ivr.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answered calls kept for review as the engine reports them, through a store outage; and the daily draw. */
class AnsweredCallsTest {
    static final RoutingConfig CONFIG = new RoutingConfig(
            List.of("general"), List.of(),
            List.of(new TierSpec("gold", "金", 3, 0), new TierSpec("standard", "普通", 1, 0)), "standard",
            List.of(new BrandSpec("gotone", "全球通")),
            List.of("break"), 2,
            List.of(QueueSpec.of("general", List.of("general"))),
            List.of(),
            List.of(new AgentSpec("1001", "王芳", "PJSIP/1001", Map.of("general", 1), List.of(), 10),
                    new AgentSpec("1002", "李娜", "PJSIP/1002", Map.of("general", 1), List.of(), 10)));
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-12-06 08:00 in Shanghai. */
    static final long MORNING = LocalDate.of(2026, 12, 6).atTime(8, 0).atZone(SHANGHAI).toInstant().toEpochMilli();

    private final SelfServiceStore store;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();

    AnsweredCallsTest() throws Exception {
        store = SelfServiceStore.open(StoreSettings.defaults().withDataDirectory(
                Files.createTempDirectory("answered-calls").resolve("data")), StoreSeed.NONE);
    }

    @AfterEach
    void close() {
        writer.shutdownNow();
        store.close();
    }

    /** The engine's view of a call as the listener sees it, reused by the engine in truth. */
    static CallView call(String channel, long arrivedMs) {
        Map<String, Object> values = Map.of("callId", 7L, "queueIndex", 0, "tierIndex", 0, "brandIndex", 0,
                "accountManagerIndex", -1, "callerNumber", "13900000001", "callerChannel", channel,
                "arrivedAtMs", arrivedMs, "queuedAtMs", arrivedMs, "hungUpFirst", HangupSide.CALLER);
        return (CallView) Proxy.newProxyInstance(CallView.class.getClassLoader(), new Class<?>[]{CallView.class},
                (proxy, method, args) -> method.getName().equals("state") ? CallState.QUEUED
                        : values.get(method.getName()));
    }

    static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not done in 10 s");
            Thread.sleep(10);
        }
    }

    @Test
    void eachAgentsPartOfAnAnsweredCallIsKeptWithItsRecording() throws Exception {
        AnsweredCalls calls = new AnsweredCalls(CONFIG, store.qaReviews(), writer, 50);
        CallView call = call("1796580000.12", MORNING);
        calls.callTransferred(MORNING + 90_000, call, 0, 60_000, 0, 1);
        calls.callCompleted(MORNING + 200_000, call, 1, 100_000);
        await(() -> calls.waiting() == 0);
        assertEquals(List.of(
                new AnsweredCall("1796580000.12", "1001", "general", "gold", "gotone", "13900000001", MORNING + 30_000,
                        60_000, "acd/20261206/1796580000.12"),
                new AnsweredCall("1796580000.12", "1002", "general", "gold", "gotone", "13900000001", MORNING + 100_000,
                        100_000, "acd/20261206/1796580000.12")), store.qaReviews().call("1796580000.12"));
    }

    @Test
    void callsAnsweredWhileTheStoreIsDownWaitAndAreWrittenInOrderOnceItIsBack() throws Exception {
        FlakyReviews flaky = new FlakyReviews(store.qaReviews());
        flaky.down = true;
        AnsweredCalls calls = new AnsweredCalls(CONFIG, flaky, writer, 50);
        for (int i = 0; i < 5; i++) {
            calls.callCompleted(MORNING + i * 1000 + 500, call("1796580000." + i, MORNING), 0, 500);
        }
        Thread.sleep(200);
        assertEquals(5, calls.waiting());
        flaky.down = false;
        await(() -> calls.waiting() == 0);
        assertEquals(List.of("1796580000.0", "1796580000.1", "1796580000.2", "1796580000.3", "1796580000.4"),
                flaky.written);
    }

    @Test
    void aDayIsDrawnOnceItIsOverInTheHotlinesTimeZoneWithTheCallsOfThatDayAlone() {
        // 23:30 on the 6th in Shanghai is 15:30 UTC: the 6th's call all the same
        long lateEvening = LocalDate.of(2026, 12, 6).atTime(23, 30).atZone(SHANGHAI).toInstant().toEpochMilli();
        long nextMorning = LocalDate.of(2026, 12, 7).atTime(0, 30).atZone(SHANGHAI).toInstant().toEpochMilli();
        store.qaReviews().answered(new AnsweredCall("a.1", "1001", "general", null, null, null, lateEvening, 1000,
                "acd/20261206/a.1"));
        store.qaReviews().answered(new AnsweredCall("b.1", "1001", "general", null, null, null, nextMorning, 1000,
                "acd/20261206/b.1"));
        QaDays days = new QaDays(store.qaReviews(), acd.ivr.qa.QaRules.DEFAULTS, () -> SHANGHAI, () -> nextMorning);
        days.run();
        LocalDate sixth = LocalDate.of(2026, 12, 6);
        assertTrue(store.qaReviews().drawn(sixth));
        assertEquals(List.of("a.1"), store.qaReviews().sample(sixth).stream().map(s -> s.call().callId()).toList());
        assertFalse(store.qaReviews().drawn(sixth.plusDays(1)), "the 7th is not over");
        assertTrue(store.qaReviews().drawn(sixth.minusDays(QaDays.CATCH_UP_DAYS - 1)), "a week back is caught up");

        store.qaReviews().answered(new AnsweredCall("late.1", "1002", "general", null, null, null, lateEvening + 1,
                1000, "acd/20261206/late.1"));
        days.run();
        assertEquals(1, store.qaReviews().sample(sixth).size(), "a drawn day keeps its sample");
        assertEquals(Instant.ofEpochMilli(lateEvening).atZone(SHANGHAI).toLocalDate(), sixth);
    }

    /** The store, down on request. */
    static final class FlakyReviews implements acd.ivr.qa.QaReviews {
        private final acd.ivr.qa.QaReviews store;
        volatile boolean down;
        final List<String> written = new java.util.concurrent.CopyOnWriteArrayList<>();

        FlakyReviews(acd.ivr.qa.QaReviews store) {
            this.store = store;
        }

        @Override
        public void answered(AnsweredCall call) {
            if (down) {
                throw new SelfServiceUnavailableException("database down", null);
            }
            store.answered(call);
            written.add(call.callId());
        }

        @Override
        public List<AnsweredCall> call(String callId) {
            return store.call(callId);
        }

        @Override
        public List<acd.ivr.qa.SampledCall> draw(LocalDate day, long fromMs, long toMs, acd.ivr.qa.QaRules rules,
                                                 long nowMs) {
            return store.draw(day, fromMs, toMs, rules, nowMs);
        }

        @Override
        public boolean drawn(LocalDate day) {
            return store.drawn(day);
        }

        @Override
        public acd.ivr.qa.QaCounts counts() {
            return store.counts();
        }

        @Override
        public List<acd.ivr.qa.SampledCall> sample(LocalDate day) {
            return store.sample(day);
        }

        @Override
        public java.util.Optional<acd.ivr.qa.SampledCall> item(long id) {
            return store.item(id);
        }

        @Override
        public boolean sampled(String callId) {
            return store.sampled(callId);
        }

        @Override
        public acd.ivr.qa.SampledCall score(long id, String reviewer, int score, String note, acd.ivr.qa.QaRules rules,
                                            long nowMs) {
            return store.score(id, reviewer, score, note, rules, nowMs);
        }

        @Override
        public List<acd.ivr.qa.SampledCall> openRedos() {
            return store.openRedos();
        }

        @Override
        public acd.ivr.qa.SampledCall closeRedo(long id, String supervisor, String note, long nowMs) {
            return store.closeRedo(id, supervisor, note, nowMs);
        }

        @Override
        public int forgetUnsampled(long beforeMs) {
            return store.forgetUnsampled(beforeMs);
        }

        @Override
        public void accessed(acd.ivr.qa.RecordingAccess access) {
            store.accessed(access);
        }

        @Override
        public List<acd.ivr.qa.RecordingAccess> accesses(String callId) {
            return store.accesses(callId);
        }
    }
}
