package acd.core.engine;

import org.agrona.DeadlineTimerWheel;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The engine's timers: one Agrona {@link DeadlineTimerWheel}, and each timer's payload (kind
 * and entity, see {@link TimerKinds}) in an array laid out like the wheel, spoke by spoke, so
 * setting, cancelling and firing a timer touch neighbouring memory.
 *
 * <p>The wheel finds due timers by scanning every slot of the spoke of its current tick, and a
 * spoke has room for as many timers as the busiest tick ever held (a hundred or more once a
 * large floor has logged in) while few are live. So each spoke also keeps how many timers it
 * holds and a lower bound on their deadlines: a poll skips a spoke where nothing can be due and
 * moves the wheel past it just as a scan that found nothing would. Timers fire at the same
 * polls and in the same order as if every spoke were scanned.
 */
final class EngineTimers {
    /** Receives the payload of each timer that fires. */
    @FunctionalInterface
    interface Expiry {
        void fired(long payload);
    }

    private static final long NO_PAYLOAD = -1L;
    private static final int FIRST_PAYLOAD_STRIDE = 16;

    private final DeadlineTimerWheel wheel;
    private final long startMs;
    private final long tickMs;
    private final int spokeMask;
    private final long revolutionMs;
    private final int[] timersInSpoke;
    /** Per spoke, no live timer in it is due before this; {@code Long.MAX_VALUE} when it holds none. */
    private final long[] earliestDeadlineInSpoke;
    /** Payload of the timer in spoke {@code s}, slot {@code i} at {@code s * payloadStride + i}. */
    private long[] payloads;
    private int payloadStride = FIRST_PAYLOAD_STRIDE;
    private final Expiry expiry;
    private final DeadlineTimerWheel.TimerHandler handler = this::onWheelExpiry;

    EngineTimers(long startMs, long tickMs, int ticksPerWheel, Expiry expiry) {
        this.wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, startMs, tickMs, ticksPerWheel);
        this.startMs = startMs;
        this.tickMs = tickMs;
        this.spokeMask = ticksPerWheel - 1;
        this.revolutionMs = tickMs * ticksPerWheel;
        this.timersInSpoke = new int[ticksPerWheel];
        this.earliestDeadlineInSpoke = new long[ticksPerWheel];
        Arrays.fill(earliestDeadlineInSpoke, Long.MAX_VALUE);
        this.payloads = new long[ticksPerWheel * payloadStride];
        Arrays.fill(payloads, NO_PAYLOAD);
        this.expiry = expiry;
    }

    /** Sets a timer for {@code deadlineMs} (not in the past) and returns its id. */
    long schedule(long deadlineMs, long payload) {
        long id = wheel.scheduleTimer(deadlineMs);
        int spoke = spoke(id);
        int slot = slot(id);
        if (slot >= payloadStride) {
            widenPayloads(slot);
        }
        payloads[spoke * payloadStride + slot] = payload;
        timersInSpoke[spoke]++;
        if (deadlineMs < earliestDeadlineInSpoke[spoke]) {
            earliestDeadlineInSpoke[spoke] = deadlineMs;
        }
        return id;
    }

    void cancel(long timerId) {
        int spoke = spoke(timerId);
        if (wheel.cancelTimer(timerId)) {
            removedFrom(spoke);
        }
        int slot = slot(timerId);
        if (spoke >= 0 && spoke <= spokeMask && slot >= 0 && slot < payloadStride) {
            payloads[spoke * payloadStride + slot] = NO_PAYLOAD;
        }
    }

    long count() {
        return wheel.timerCount();
    }

    /** Fires every timer due at {@code nowMs} and brings the wheel up to it. */
    void poll(long nowMs) {
        while (wheel.timerCount() > 0) {
            long tickEnd = wheel.currentTickTime();
            int spoke = spokeEndingAt(tickEnd);
            if (nowMs < earliestDeadlineInSpoke[spoke]) {
                // Nothing here can be due: what a scan of the spoke would conclude, without the scan.
                if (nowMs < tickEnd) {
                    break;
                }
                wheel.currentTickTime(tickEnd);
            } else {
                wheel.poll(nowMs, handler, Integer.MAX_VALUE);
                if (wheel.currentTickTime() == tickEnd) {
                    // The wheel did not move on: the spoke holding now has been scanned.
                    break;
                }
            }
            leftSpoke(spoke, tickEnd);
        }
        if (wheel.timerCount() == 0 && nowMs >= wheel.currentTickTime()) {
            // Nothing pending: jump the wheel instead of walking empty ticks.
            wheel.currentTickTime(nowMs);
        }
    }

    private boolean onWheelExpiry(TimeUnit unit, long nowMs, long timerId) {
        int spoke = spoke(timerId);
        removedFrom(spoke);
        int at = spoke * payloadStride + slot(timerId);
        long payload = payloads[at];
        payloads[at] = NO_PAYLOAD;
        if (payload != NO_PAYLOAD) {
            expiry.fired(payload);
        }
        return true;
    }

    private void removedFrom(int spoke) {
        if (--timersInSpoke[spoke] == 0) {
            earliestDeadlineInSpoke[spoke] = Long.MAX_VALUE;
        }
    }

    /**
     * The wheel has passed the tick ending at {@code tickEnd}: every timer of that tick has
     * fired, so what the spoke still holds is due a whole revolution later at the earliest.
     */
    private void leftSpoke(int spoke, long tickEnd) {
        if (timersInSpoke[spoke] > 0) {
            earliestDeadlineInSpoke[spoke] = tickEnd - tickMs + revolutionMs;
        }
    }

    private int spokeEndingAt(long tickEnd) {
        return (int) (((tickEnd - startMs) / tickMs - 1) & spokeMask);
    }

    private void widenPayloads(int slot) {
        int stride = payloadStride;
        while (stride <= slot) {
            stride <<= 1;
        }
        long[] wider = new long[(spokeMask + 1) * stride];
        Arrays.fill(wider, NO_PAYLOAD);
        for (int s = 0; s <= spokeMask; s++) {
            System.arraycopy(payloads, s * payloadStride, wider, s * stride, payloadStride);
        }
        payloads = wider;
        payloadStride = stride;
    }

    private static int spoke(long timerId) {
        return (int) (timerId >> 32);
    }

    private static int slot(long timerId) {
        return (int) timerId;
    }
}
