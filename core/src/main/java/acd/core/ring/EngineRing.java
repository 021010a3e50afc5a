package acd.core.ring;

import acd.core.engine.EngineEvent;
import acd.core.engine.RoutingEngine;
import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.Sequencer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The engine behind an LMAX Disruptor ring: any thread publishes events (filled in place in
 * preallocated slots), one thread applies them to the engine.
 *
 * <p>An event that throws stops the engine, loudly: the engine may have changed part of its
 * state before it threw, and routing on from half-changed state would hide the fault behind
 * wrong decisions. The failure is logged and handed to the failure listener once; every later
 * event is taken off the ring unapplied, so publishers never block on a stopped engine. The
 * server reports the failure on its health and stops, so a fresh process (or, replicated, another
 * node) takes over.
 */
public final class EngineRing implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineRing.class);

    /** Called on the engine thread after each event, e.g. to trace hand-off latency. */
    @FunctionalInterface
    public interface Observer {
        void afterEvent(EngineEvent event, long sequence, boolean endOfBatch);
    }

    /**
     * What stopped the engine.
     *
     * @param sequence the failed event's place in the ring
     * @param event    the event, as text
     * @param cause    what it threw
     */
    public record Failure(long sequence, String event, Throwable cause) {
    }

    /** Fills a preallocated event in place. */
    @FunctionalInterface
    public interface Filler {
        void fill(EngineEvent event);
    }

    private final Disruptor<EngineEvent> disruptor;
    private final RingBuffer<EngineEvent> ring;
    private final AtomicLong eventsNotApplied = new AtomicLong();
    private volatile Failure failure;
    private boolean started;
    private final Sequence notStarted = new Sequence(Sequencer.INITIAL_CURSOR_VALUE);

    /**
     * A ring that takes events at once and applies them once {@link #start} names the engine:
     * what is published before waits in the ring (a publisher waits once it is full). So the
     * parts that publish can be built before the engine that sends them its directives, with
     * nothing standing in between.
     */
    public EngineRing(int ringSize, RingWaitStrategy waitStrategy, ProducerType producers) {
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "acd-engine");
            t.setDaemon(true);
            return t;
        };
        this.disruptor = new Disruptor<>(EngineEvent::new, ringSize, threads, producers, waitStrategy.create());
        this.ring = disruptor.getRingBuffer();
        // holds publishers back from wrapping over events no engine has taken yet
        ring.addGatingSequences(notStarted);
    }

    /**
     * A started ring.
     *
     * @param observer  sees each event after the engine, or null
     * @param onFailure told once, on the engine thread, when an event stops the engine; or null
     */
    public EngineRing(RoutingEngine engine, int ringSize, RingWaitStrategy waitStrategy, ProducerType producers,
                      Observer observer, Consumer<Failure> onFailure) {
        this(ringSize, waitStrategy, producers);
        start(engine, observer, onFailure);
    }

    /**
     * Starts the engine thread on {@code engine}.
     *
     * @param observer  sees each event after the engine, or null
     * @param onFailure told once, on the engine thread, when an event stops the engine; or null
     */
    public void start(RoutingEngine engine, Observer observer, Consumer<Failure> onFailure) {
        if (started) {
            throw new IllegalStateException("the engine ring is already started");
        }
        started = true;
        EventHandler<EngineEvent> handler = (event, sequence, endOfBatch) -> {
            if (failure != null) {
                eventsNotApplied.incrementAndGet();
                return;
            }
            engine.onEvent(event);
            if (observer != null) {
                observer.afterEvent(event, sequence, endOfBatch);
            }
        };
        BatchEventProcessor<EngineEvent> processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(),
                handler);
        processor.setExceptionHandler(new ExceptionHandler<>() {
            @Override
            public void handleEventException(Throwable ex, long sequence, EngineEvent event) {
                if (failure != null) {
                    // an observer that fails after the engine stopped; the first failure stands
                    return;
                }
                Failure stopped = new Failure(sequence, String.valueOf(event), ex);
                failure = stopped;
                LOG.error("ENGINE STOPPED: {} (sequence {}) failed; its state may be half-changed, so no further "
                        + "event is applied", event, sequence, ex);
                if (onFailure != null) {
                    try {
                        onFailure.accept(stopped);
                    } catch (RuntimeException listenerFailed) {
                        LOG.error("the engine failure listener failed", listenerFailed);
                    }
                }
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
        // Gating on a new processor starts it at the ring's cursor; the events published before
        // the start are still to be applied, so it starts where the ring does.
        disruptor.handleEventsWith(processor);
        processor.getSequence().set(notStarted.get());
        disruptor.start();
        ring.removeGatingSequence(notStarted);
    }

    /** Without a failure listener. */
    public EngineRing(RoutingEngine engine, int ringSize, RingWaitStrategy waitStrategy, ProducerType producers,
                      Observer observer) {
        this(engine, ringSize, waitStrategy, producers, observer, null);
    }

    /** A multi-producer ring with the default (blocking) wait strategy. */
    public EngineRing(RoutingEngine engine, int ringSize) {
        this(engine, ringSize, RingWaitStrategy.BLOCKING, ProducerType.MULTI, null, null);
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

    /** What stopped the engine, or null while it runs. */
    public Failure failure() {
        return failure;
    }

    /** Events taken off the ring unapplied since the engine stopped. */
    public long eventsNotApplied() {
        return eventsNotApplied.get();
    }

    /** Waits for every published event to be applied, then stops the engine thread. */
    @Override
    public void close() {
        if (started) {
            disruptor.shutdown();
        }
    }
}
