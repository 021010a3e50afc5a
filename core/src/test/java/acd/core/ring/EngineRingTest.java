package acd.core.ring;

import acd.core.engine.EngineEvent;
import acd.core.engine.EventType;
import com.lmax.disruptor.dsl.ProducerType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineRingTest {

    @Test
    void eventsFromManyProducersAreAllAppliedOnOneThread() throws Exception {
        AtomicLong applied = new AtomicLong();
        ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(40_000);
        try (EngineRing ring = new EngineRing(event -> {
            applied.incrementAndGet();
            if (threads.isEmpty() || !threads.contains(Thread.currentThread().getName())) {
                threads.add(Thread.currentThread().getName());
            }
            done.countDown();
        }, 1024, RingWaitStrategy.BLOCKING, ProducerType.MULTI, null)) {
            List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                final int producer = p;
                Thread t = new Thread(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        final long id = producer * 100_000L + i;
                        ring.publish(e -> e.callEvent(EventType.CALL_ENDED, id, id));
                    }
                });
                producers.add(t);
                t.start();
            }
            for (Thread t : producers) {
                t.join();
            }
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        assertEquals(40_000, applied.get());
        assertEquals(List.of("acd-engine"), List.copyOf(threads));
    }

    @Test
    void eventsPublishedBeforeTheEngineStartsAreAppliedInOrderOnceItDoes() throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(3);
        EngineRing ring = new EngineRing(64, RingWaitStrategy.BLOCKING, ProducerType.MULTI);
        try {
            for (long id = 1; id <= 3; id++) {
                ring.publish(new EngineEvent().callEvent(EventType.CALL_ENDED, id, id));
            }
            assertEquals(3, ring.backlog());
            ring.start(event -> {
                seen.add(event.callId);
                all.countDown();
            }, null, null);
            assertTrue(all.await(5, TimeUnit.SECONDS));
            assertThrows(IllegalStateException.class, () -> ring.start(event -> { }, null, null));
        } finally {
            ring.close();
        }
        assertEquals(List.of(1L, 2L, 3L), seen);
    }

    @Test
    void anEventThatFailsStopsTheEngineAndNothingAfterItIsApplied() throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        List<EngineRing.Failure> told = new CopyOnWriteArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        int ringSize = 64;
        try (EngineRing ring = new EngineRing(event -> {
            if (event.callId == 2) {
                throw new IllegalStateException("broken event");
            }
            seen.add(event.callId);
        }, ringSize, RingWaitStrategy.BLOCKING, ProducerType.MULTI, null, failure -> {
            told.add(failure);
            stopped.countDown();
        })) {
            // far more than the ring holds: a stopped engine must not leave publishers blocked
            int events = ringSize * 4;
            for (long id = 1; id <= events; id++) {
                ring.publish(new EngineEvent().callEvent(EventType.CALL_ENDED, id, id));
            }
            assertTrue(stopped.await(5, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ring.eventsNotApplied() < events - 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(events - 2, ring.eventsNotApplied());
            EngineRing.Failure failure = ring.failure();
            assertEquals(1, failure.sequence());
            assertTrue(failure.event().contains("2"), failure.event());
            assertEquals("broken event", failure.cause().getMessage());
            assertEquals(List.of(failure), told, "told once");
        }
        assertEquals(List.of(1L), seen);
    }

    @Test
    void theObserverSeesEachEventAfterTheEngine() throws Exception {
        CountDownLatch done = new CountDownLatch(5);
        List<Long> observed = new ArrayList<>();
        try (EngineRing ring = new EngineRing(event -> { }, 64, RingWaitStrategy.SLEEPING, ProducerType.SINGLE,
                (event, sequence, endOfBatch) -> {
                    observed.add(event.traceNanos);
                    done.countDown();
                })) {
            for (long i = 1; i <= 5; i++) {
                final long stamp = i;
                ring.publish(e -> e.traceNanos = stamp);
            }
            assertTrue(done.await(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), observed);
    }

    @Test
    void waitStrategiesParseFromConfigWordsAndRejectUnknownOnes() {
        assertEquals(RingWaitStrategy.BUSY_SPIN, RingWaitStrategy.parse("busy-spin"));
        assertEquals(RingWaitStrategy.PHASED_BACKOFF, RingWaitStrategy.parse(" Phased_Backoff "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RingWaitStrategy.parse("spinny"));
        assertTrue(e.getMessage().contains("spinny"));
    }
}
