package acd.core.engine;

/** Hands every directive to several sinks in order: the PBX flow first, then desktops and journals. */
public final class DirectiveFanOut implements DirectiveSink {
    private final DirectiveSink[] sinks;

    public DirectiveFanOut(DirectiveSink... sinks) {
        this.sinks = sinks.clone();
    }

    @Override
    public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
        for (DirectiveSink sink : sinks) {
            sink.offerCall(timeMs, call, agentIndex, ringTimeoutMs);
        }
    }

    @Override
    public void cancelOffer(long timeMs, CallView call, int agentIndex) {
        for (DirectiveSink sink : sinks) {
            sink.cancelOffer(timeMs, call, agentIndex);
        }
    }

    @Override
    public void announcePosition(long timeMs, CallView call, int position, long expectedWaitMs,
                                 boolean callbackOffered, String leadSound) {
        for (DirectiveSink sink : sinks) {
            sink.announcePosition(timeMs, call, position, expectedWaitMs, callbackOffered, leadSound);
        }
    }

    @Override
    public void overflow(long timeMs, CallView call, int fromQueue, int toQueue) {
        for (DirectiveSink sink : sinks) {
            sink.overflow(timeMs, call, fromQueue, toQueue);
        }
    }

    @Override
    public void sendToVoicemail(long timeMs, CallView call, ExitReason reason) {
        for (DirectiveSink sink : sinks) {
            sink.sendToVoicemail(timeMs, call, reason);
        }
    }

    @Override
    public void disconnect(long timeMs, CallView call, ExitReason reason) {
        for (DirectiveSink sink : sinks) {
            sink.disconnect(timeMs, call, reason);
        }
    }

    @Override
    public void transferCall(long timeMs, CallView call, int fromAgent) {
        for (DirectiveSink sink : sinks) {
            sink.transferCall(timeMs, call, fromAgent);
        }
    }

    @Override
    public void consult(long timeMs, CallView call, int agentIndex, int colleague, long ringTimeoutMs) {
        for (DirectiveSink sink : sinks) {
            sink.consult(timeMs, call, agentIndex, colleague, ringTimeoutMs);
        }
    }

    @Override
    public void endConsult(long timeMs, CallView call, int agentIndex, int colleague, boolean handedOver) {
        for (DirectiveSink sink : sinks) {
            sink.endConsult(timeMs, call, agentIndex, colleague, handedOver);
        }
    }

    @Override
    public void followUpCallback(long timeMs, CallView call, int attempts) {
        for (DirectiveSink sink : sinks) {
            sink.followUpCallback(timeMs, call, attempts);
        }
    }
}
