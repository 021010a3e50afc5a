package acd.cti.qa;

import acd.core.engine.CallView;
import acd.core.engine.EngineListener;
import acd.core.model.RoutingConfig;
import acd.cti.flow.RecordingNames;
import acd.ivr.qa.AnsweredCall;
import acd.ivr.qa.QaReviews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps every agent's part of every answered call for quality review: when the agent's talk
 * ends (the call completed, or handed on to a colleague), who talked to whom, from which queue,
 * for how long, and the recording. The engine thread only copies the call; the store is written
 * on {@code writer}. While the store cannot be reached the calls wait in memory, in order, and
 * are written once it can, so an outage costs no call its chance of being sampled.
 */
public final class AnsweredCalls implements EngineListener {
    private static final Logger LOG = LoggerFactory.getLogger(AnsweredCalls.class);
    /** About a busy day of a large floor: past it, a call is logged as lost to review rather than held. */
    static final int MAX_WAITING = 200_000;

    private final RoutingConfig config;
    private final QaReviews reviews;
    private final ScheduledExecutorService writer;
    private final long retryMs;
    private final ConcurrentLinkedQueue<AnsweredCall> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final AtomicBoolean drainDue = new AtomicBoolean();
    private volatile boolean failing;

    /**
     * @param writer  where the store is written; one thread, so calls are written in order
     * @param retryMs how long to wait before trying a store that failed again
     */
    public AnsweredCalls(RoutingConfig config, QaReviews reviews, ScheduledExecutorService writer, long retryMs) {
        this.config = config;
        this.reviews = reviews;
        this.writer = writer;
        this.retryMs = retryMs;
    }

    @Override
    public void callCompleted(long timeMs, CallView call, int agentIndex, long talkMs) {
        keep(call, agentIndex, timeMs - talkMs, talkMs);
    }

    @Override
    public void callTransferred(long timeMs, CallView call, int fromAgent, long talkMs, int toQueue, int toAgent) {
        keep(call, fromAgent, timeMs - talkMs, talkMs);
    }

    /** The agent's part of a call handed over to a colleague consulted; the colleague's follows at its end. */
    @Override
    public void consultEnded(long timeMs, CallView call, int agentIndex, int colleague, boolean handedOver,
                             long talkMs) {
        if (handedOver) {
            keep(call, agentIndex, timeMs - talkMs, talkMs);
        }
    }

    /** Calls answered and not yet written to the store. */
    public int waiting() {
        return waitingCount.get();
    }

    private void keep(CallView call, int agentIndex, long connectedMs, long talkMs) {
        AnsweredCall answered;
        try {
            answered = copy(call, agentIndex, connectedMs, talkMs);
        } catch (RuntimeException e) {
            // on the engine thread: a call review cannot keep must never stop routing
            LOG.error("answered call {} of agent index {} not kept for quality review", call.callId(), agentIndex, e);
            return;
        }
        if (waitingCount.incrementAndGet() > MAX_WAITING) {
            waitingCount.decrementAndGet();
            LOG.error("answered call {} of agent {} not kept for quality review: {} calls already wait for the store",
                    answered.callId(), answered.agent(), MAX_WAITING);
            return;
        }
        waiting.add(answered);
        if (drainDue.compareAndSet(false, true)) {
            writer.execute(this::drain);
        }
    }

    /** The view is the engine's and reused: copy what the record needs now. */
    private AnsweredCall copy(CallView call, int agentIndex, long connectedMs, long talkMs) {
        CharSequence number = call.callerNumber();
        return new AnsweredCall(RecordingNames.callId(call),
                config.agents().get(agentIndex).id(), config.queues().get(call.queueIndex()).id(),
                call.tierIndex() >= 0 ? config.tiers().get(call.tierIndex()).id() : null,
                call.brandIndex() >= 0 ? config.brands().get(call.brandIndex()).id() : null,
                number == null || number.length() == 0 ? null : number.toString(), connectedMs, talkMs,
                RecordingNames.of(call));
    }

    private void drain() {
        drainDue.set(false);
        AnsweredCall next;
        while ((next = waiting.peek()) != null) {
            try {
                reviews.answered(next);
            } catch (RuntimeException e) {
                if (!failing) {
                    failing = true;
                    LOG.warn("answered calls wait for the store ({} now): {}", waitingCount.get(), e.getMessage());
                }
                if (drainDue.compareAndSet(false, true)) {
                    writer.schedule(this::drain, retryMs, TimeUnit.MILLISECONDS);
                }
                return;
            }
            waiting.poll();
            waitingCount.decrementAndGet();
            if (failing) {
                failing = false;
                LOG.info("answered calls are written to the store again");
            }
        }
    }
}
