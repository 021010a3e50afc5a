package acd.core.engine;

import acd.core.metrics.ServiceLevelBoard;
import acd.core.config.BusinessHoursLoader;
import acd.core.config.ConfigError;
import acd.core.config.ConfigSource;
import acd.core.model.BusinessHours;
import acd.core.model.RoutingConfig;

import java.util.List;

/**
 * The routing engine: a deterministic single-writer state machine. Events go in with their
 * own timestamps; directives come out. One thread calls {@link #onEvent}; it never reads a
 * clock, draws a random number or touches I/O, so the same engine runs live behind the ring,
 * in the virtual-time simulator and in replay.
 *
 * <p>Routing never scans all agents or all calls. Agents sit in {@link AgentPool}s, one per
 * distinct eligibility (required skills, admitted seat groups, selection strategy), with the
 * free ones kept in the strategy's order. Waiting calls sit in {@link CallLine}s per pool,
 * queue and tier, oldest first. A call looks at one pool's best free agent; a freed agent
 * looks at the heads of its pools' lines. After every event no free agent is eligible for any
 * waiting call, which is what makes those two looks enough.
 *
 * <p>Each concern has a file of its own, from the floor up: {@link EngineFloor} (the floor
 * compiled from the configuration), {@link SeatChoice} (a freed seat's choice, by
 * {@link WaitingOrder}), {@link WaitLimits} (announcements, overflow, the longest wait),
 * {@link CallLifeCycle}, {@link AgentLifeCycle} and {@link TimerDispatch}. This class takes
 * the events in and answers queries.
 */
public final class AcdEngine extends TimerDispatch implements RoutingEngine {
    public AcdEngine(RoutingConfig config, long startTimeMs, DirectiveSink directives, EngineListener listener) {
        this(config, BusinessHours.ALWAYS_OPEN, startTimeMs, directives, listener);
    }

    /** @param hours the queues' opening hours; a call to a closed queue is handled as it says */
    public AcdEngine(RoutingConfig config, BusinessHours hours, long startTimeMs, DirectiveSink directives,
                     EngineListener listener) {
        super(config, startTimeMs, directives, listener);
        applyHours(hours);
    }

    @Override
    public void onEvent(EngineEvent e) {
        if (e.timeMs < now) {
            // Producers on several threads may stamp a hair out of order; time never runs back.
            e.timeMs = now;
        }
        now = e.timeMs;
        processedEvents++;
        if (e.type == EventType.TICK || now >= nextTimerPollMs) {
            pollTimers();
        }
        switch (e.type) {
            case CALL_ARRIVED -> onCallArrived(e);
            case CALLER_ABANDONED -> onCallerAbandoned(e);
            case AGENT_LOGGED_IN -> onAgentLoggedIn(e);
            case AGENT_LOGGED_OUT -> onAgentLoggedOut(e);
            case AGENT_READY -> onAgentReady(e);
            case AGENT_NOT_READY -> onAgentNotReady(e);
            case OFFER_ANSWERED -> onOfferAnswered(e);
            case OFFER_NOT_ANSWERED -> onOfferNotAnswered(e);
            case CALL_ENDED -> onCallEnded(e);
            case WRAP_UP_DONE -> onWrapUpDone(e);
            case AGENT_CHANGED -> onAgentChanged(e);
            case TICK -> publishGauges();
            case HOURS_CHANGED -> onHoursChanged(e);
            case CALL_TRANSFERRED -> onCallTransferred(e);
            case CALLBACK_REQUESTED -> onCallbackRequested(e);
            case CALLBACK_REACHED -> onCallbackReached(e);
            case CALLBACK_NOT_REACHED -> onCallbackNotReached(e);
            case CONSULT_STARTED -> onConsultStarted(e);
            case CONSULT_ANSWERED -> onConsultAnswered(e);
            case CONSULT_COMPLETED -> onConsultCompleted(e);
            case CONSULT_CANCELLED -> onConsultCancelled(e);
            case PEAK_MODE_CHANGED -> onPeakModeChanged(e);
        }
    }

    /**
     * New opening hours, read here from the file's text so that a replay reads the same; the
     * server has checked the text before sending it. Calls already waiting stay in line.
     */
    private void onHoursChanged(EngineEvent e) {
        try {
            applyHours(BusinessHoursLoader.parse(new ConfigSource(BusinessHoursLoader.FILE_NAME, String.valueOf(e.document)), config));
        } catch (ConfigError error) {
            reject(e, "hours not changed: " + error.getMessage());
        }
    }

    private void onPeakModeChanged(EngineEvent e) {
        if (e.queueIndex < 0 || e.queueIndex >= queues.length) {
            reject(e, "peak mode not switched: no queue " + e.queueIndex);
            return;
        }
        QueueRuntime queue = queues[e.queueIndex];
        boolean on = e.reasonCode != 0;
        if (on && queue.peakMaxWaitMs == 0) {
            reject(e, "peak mode not switched: queue " + queue.spec.id() + " has none configured");
            return;
        }
        if (queue.inPeak == on) {
            return;
        }
        switchPeakMode(queue, on);
    }

    /** Whether the queue is in peak mode (engine thread; others read the board). */
    public boolean inPeakMode(int queueIndex) {
        return queues[queueIndex].inPeak;
    }

    private void publishGauges() {
        board.publishTime(now);
        for (QueueRuntime queue : queues) {
            long oldest = Long.MAX_VALUE;
            for (int b = 0; b < queue.lineCount; b++) {
                Call head = queue.lines[b].peek();
                if (head != null && head.placeMs < oldest) {
                    oldest = head.placeMs;
                }
            }
            board.publishOldestWaiting(queue.index, oldest);
        }
    }

    // ------------------------------------------------------------------ queries (engine thread)

    public ServiceLevelBoard board() {
        return board;
    }

    public RoutingConfig config() {
        return config;
    }

    public ReasonCodes reasons() {
        return reasons;
    }

    public long now() {
        return now;
    }

    public long rejectedEvents() {
        return rejectedEvents;
    }

    public long processedEvents() {
        return processedEvents;
    }

    public int agentCount() {
        return agents.length;
    }

    public int queueCount() {
        return queues.length;
    }

    public int agentIndex(String id) {
        return config.agentIndex(id);
    }

    public String agentId(int index) {
        return agentIds[index];
    }

    public int queueIndex(String id) {
        return config.queueIndex(id);
    }

    public int tierIndex(String id) {
        return config.tierIndex(id);
    }

    public int brandIndex(String id) {
        return config.brandIndex(id);
    }

    /** The mask for a list of skill names; unknown names are an error. */
    public long skillMask(List<String> skills) {
        return index.skillMask(skills, "required skills");
    }

    public AgentState agentState(int agent) {
        return agents[agent].state;
    }

    public int agentReason(int agent) {
        return agents[agent].reasonCode;
    }

    /** The call's state, or null when the engine does not hold it (finished or unknown). */
    public CallState callState(long callId) {
        Call call = calls.get(callId);
        return call == null ? null : call.state;
    }

    /** The colleague the call's agent is consulting, or -1. */
    public int consultedOnCall(long callId) {
        Call call = calls.get(callId);
        return call == null || call.consultWith == null ? -1 : call.consultWith.index;
    }

    /** The agent the call is offered to or talking with, or -1. */
    public int agentOfCall(long callId) {
        Call call = calls.get(callId);
        return call == null || call.offeredTo == null ? -1 : call.offeredTo.index;
    }

    /** Calls the engine holds: waiting, ringing or connected. */
    public int callsInProgress() {
        return calls.size();
    }

    /** Calls waiting in the queue's line (not ringing), account-manager waits included. */
    public int waitingCalls(int queue) {
        int n = 0;
        QueueRuntime q = queues[queue];
        for (int b = 0; b < q.lineCount; b++) {
            n += q.lines[b].size();
        }
        for (Agent agent : agents) {
            for (int i = 0; agent.personal != null && i < agent.personal.span(); i++) {
                Call call = agent.personal.inSlot(i);
                if (call != null && call.queueIndex == queue) {
                    n++;
                }
            }
        }
        return n;
    }

    public int pendingTimers() {
        return (int) timers.count();
    }
}
