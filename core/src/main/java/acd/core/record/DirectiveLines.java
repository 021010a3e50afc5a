package acd.core.record;

import acd.core.engine.CallView;
import acd.core.engine.DirectiveSink;
import acd.core.engine.ExitReason;

/**
 * The engine's directives as lines of text, one per directive, e.g.
 * {@code 1795443116000 offer call=42 agent=3 ring=15000}. A recording keeps them beside the
 * inputs, so a replay can say at which event it first decided otherwise.
 */
public final class DirectiveLines implements DirectiveSink {
    /** Takes each line; the text is reused after the call returns. */
    @FunctionalInterface
    public interface Out {
        void line(CharSequence line);
    }

    private final StringBuilder line = new StringBuilder(96);
    private final Out out;

    public DirectiveLines(Out out) {
        this.out = out;
    }

    private StringBuilder begin(long timeMs, String what, CallView call) {
        line.setLength(0);
        return line.append(timeMs).append(' ').append(what).append(" call=").append(call.callId());
    }

    @Override
    public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
        begin(timeMs, "offer", call).append(" agent=").append(agentIndex).append(" ring=").append(ringTimeoutMs);
        out.line(line);
    }

    @Override
    public void cancelOffer(long timeMs, CallView call, int agentIndex) {
        begin(timeMs, "cancel", call).append(" agent=").append(agentIndex);
        out.line(line);
    }

    @Override
    public void announcePosition(long timeMs, CallView call, int position, long expectedWaitMs,
                                 boolean callbackOffered, String leadSound) {
        begin(timeMs, "announce", call).append(" position=").append(position).append(" expectedWait=")
                .append(expectedWaitMs);
        if (callbackOffered) {
            line.append(" callback=offered");
        }
        if (leadSound != null) {
            line.append(" first=").append(leadSound);
        }
        out.line(line);
    }

    @Override
    public void followUpCallback(long timeMs, CallView call, int attempts) {
        begin(timeMs, "callback-given-up", call).append(" attempts=").append(attempts);
        out.line(line);
    }

    @Override
    public void overflow(long timeMs, CallView call, int fromQueue, int toQueue) {
        begin(timeMs, "overflow", call).append(" from=").append(fromQueue).append(" to=").append(toQueue);
        out.line(line);
    }

    @Override
    public void transferCall(long timeMs, CallView call, int fromAgent) {
        begin(timeMs, "transfer", call).append(" from=").append(fromAgent);
        out.line(line);
    }

    @Override
    public void consult(long timeMs, CallView call, int agentIndex, int colleague, long ringTimeoutMs) {
        begin(timeMs, "consult", call).append(" from=").append(agentIndex).append(" colleague=").append(colleague)
                .append(" ring=").append(ringTimeoutMs);
        out.line(line);
    }

    @Override
    public void endConsult(long timeMs, CallView call, int agentIndex, int colleague, boolean handedOver) {
        begin(timeMs, handedOver ? "consult-handed-over" : "consult-ended", call).append(" from=").append(agentIndex)
                .append(" colleague=").append(colleague);
        out.line(line);
    }

    @Override
    public void sendToVoicemail(long timeMs, CallView call, ExitReason reason) {
        begin(timeMs, "voicemail", call).append(" reason=").append(reason);
        out.line(line);
    }

    @Override
    public void disconnect(long timeMs, CallView call, ExitReason reason) {
        begin(timeMs, "disconnect", call).append(" reason=").append(reason);
        out.line(line);
    }
}
