package acd.core.ring;

import acd.core.engine.EngineEvent;
import acd.core.engine.RoutingEngine;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine behind an LMAX Disruptor ring: any thread publishes events (filled in place in
 * preallocated slots), one thread applies them to the engine. A failing event is logged and
 * skipped; the engine thread carries on with the next.
 */
public final class EngineRing implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineRing.class);

    /** Called on the engine thread after each event, e.g. to trace hand-off latency. */
    @FunctionalInterface
    public interface Observer {
        void afterEvent(EngineEvent event, long sequence, boolean endOfBatch);
    }

    /** Fills a preallocated event in place. */
    @FunctionalInterface
    public interface Filler {
        void fill(EngineEvent event);
    }

    private final Disruptor<EngineEvent> disruptor;
    private final RingBuffer<EngineEvent> ring;
    private final AtomicLong failedEvents = new AtomicLong();

    public EngineRing(RoutingEngine engine, int ringSize, RingWaitStrategy waitStrategy, ProducerType producers,
                      Observer observer) {
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "acd-engine");
            t.setDaemon(true);
            return t;
        };
        this.disruptor = new Disruptor<>(EngineEvent::new, ringSize, threads, producers, waitStrategy.create());
        EventHandler<EngineEvent> handler = (event, sequence, endOfBatch) -> {
            engine.onEvent(event);
            if (observer != null) {
                observer.afterEvent(event, sequence, endOfBatch);
            }
        };
        disruptor.handleEventsWith(handler);
        disruptor.setDefaultExceptionHandler(new ExceptionHandler<>() {
            @Override
            public void handleEventException(Throwable ex, long sequence, EngineEvent event) {
                failedEvents.incrementAndGet();
                LOG.error("engine failed on {} (sequence {}); skipped", event, sequence, ex);
            }

            @Override
            public void handleOnStartException(Throwable ex) {
                LOG.error("engine thread failed to start", ex);
            }

            @Override
            public void handleOnShutdownException(Throwable ex) {
                LOG.error("engine thread failed to stop cleanly", ex);
            }
        });
        this.ring = disruptor.start();
    }

    /** A multi-producer ring with the default (blocking) wait strategy. */
    public EngineRing(RoutingEngine engine, int ringSize) {
        this(engine, ringSize, RingWaitStrategy.BLOCKING, ProducerType.MULTI, null);
    }

    /** Claims a slot, lets the filler write the event, publishes it. Blocks while the ring is full. */
    public void publish(Filler filler) {
        long sequence = ring.next();
        try {
            filler.fill(ring.get(sequence).clear());
        } finally {
            ring.publish(sequence);
        }
    }

    /** Copies a ready-made event into the ring. */
    public void publish(EngineEvent event) {
        long sequence = ring.next();
        try {
            ring.get(sequence).copyFrom(event);
        } finally {
            ring.publish(sequence);
        }
    }

    /** Events published but not yet applied: the engine's lag. */
    public long backlog() {
        return ring.getBufferSize() - ring.remainingCapacity();
    }

    public long failedEvents() {
        return failedEvents.get();
    }

    public RingBuffer<EngineEvent> ringBuffer() {
        return ring;
    }

    /** Waits for every published event to be applied, then stops the engine thread. */
    @Override
    public void close() {
        disruptor.shutdown();
    }
}
