package acd.core.engine;

/** Hands every engine notification to several listeners in order. */
public final class ListenerFanOut implements EngineListener {
    private final EngineListener[] listeners;

    public ListenerFanOut(EngineListener... listeners) {
        this.listeners = listeners.clone();
    }

    @Override
    public void callQueued(long timeMs, CallView call) {
        for (EngineListener l : listeners) {
            l.callQueued(timeMs, call);
        }
    }

    @Override
    public void callbackRequested(long timeMs, CallView call, long waitMs) {
        for (EngineListener l : listeners) {
            l.callbackRequested(timeMs, call, waitMs);
        }
    }

    @Override
    public void callbackNotReached(long timeMs, CallView call, int agentIndex, int attempt) {
        for (EngineListener l : listeners) {
            l.callbackNotReached(timeMs, call, agentIndex, attempt);
        }
    }

    @Override
    public void callbackGivenUp(long timeMs, CallView call, int attempts) {
        for (EngineListener l : listeners) {
            l.callbackGivenUp(timeMs, call, attempts);
        }
    }

    @Override
    public void callConnected(long timeMs, CallView call, int agentIndex) {
        for (EngineListener l : listeners) {
            l.callConnected(timeMs, call, agentIndex);
        }
    }

    @Override
    public void ringNoAnswer(long timeMs, CallView call, int agentIndex, long ringMs) {
        for (EngineListener l : listeners) {
            l.ringNoAnswer(timeMs, call, agentIndex, ringMs);
        }
    }

    @Override
    public void callAbandoned(long timeMs, CallView call, long waitMs) {
        for (EngineListener l : listeners) {
            l.callAbandoned(timeMs, call, waitMs);
        }
    }

    @Override
    public void callCompleted(long timeMs, CallView call, int agentIndex, long talkMs) {
        for (EngineListener l : listeners) {
            l.callCompleted(timeMs, call, agentIndex, talkMs);
        }
    }

    @Override
    public void callTransferred(long timeMs, CallView call, int fromAgent, long talkMs, int toQueue, int toAgent) {
        for (EngineListener l : listeners) {
            l.callTransferred(timeMs, call, fromAgent, talkMs, toQueue, toAgent);
        }
    }

    @Override
    public void consultStarted(long timeMs, CallView call, int agentIndex, int colleague) {
        for (EngineListener l : listeners) {
            l.consultStarted(timeMs, call, agentIndex, colleague);
        }
    }

    @Override
    public void consultEnded(long timeMs, CallView call, int agentIndex, int colleague, boolean handedOver,
                             long talkMs) {
        for (EngineListener l : listeners) {
            l.consultEnded(timeMs, call, agentIndex, colleague, handedOver, talkMs);
        }
    }

    @Override
    public void agentStateChanged(long timeMs, int agentIndex, AgentState from, AgentState to, int reasonCode) {
        for (EngineListener l : listeners) {
            l.agentStateChanged(timeMs, agentIndex, from, to, reasonCode);
        }
    }

    @Override
    public void peakModeChanged(long timeMs, int queueIndex, boolean on) {
        for (EngineListener l : listeners) {
            l.peakModeChanged(timeMs, queueIndex, on);
        }
    }

    @Override
    public void eventRejected(EngineEvent event, String why) {
        for (EngineListener l : listeners) {
            l.eventRejected(event, why);
        }
    }
}
