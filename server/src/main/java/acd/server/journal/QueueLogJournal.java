package acd.server.journal;

import acd.core.engine.AgentState;
import acd.core.engine.CallView;
import acd.core.engine.DirectiveSink;
import acd.core.engine.EngineListener;
import acd.core.engine.ExitReason;
import acd.core.engine.HangupSide;
import acd.core.engine.ReasonCodes;
import acd.core.model.AgentSpec;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import org.agrona.collections.Long2ObjectHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes every call and agent event in Asterisk's queue_log format (see docs/queue_log.md), so
 * reporting tools made for Asterisk read the ACD's log unchanged. It hears nothing but the
 * engine's output: its notifications and directives, whose calls carry the caller's and the
 * seat's channel and who hung up first. So a replay of the engine's inputs writes the same log.
 *
 * <p>Engine callbacks run on the engine thread: they format into one reused line and hand it to
 * {@link QueueLogFile}'s ring, building no strings and touching no disk.
 */
public final class QueueLogJournal implements EngineListener, DirectiveSink {
    private static final Logger LOG = LoggerFactory.getLogger(QueueLogJournal.class);
    static final String NONE = "NONE";

    private final QueueLogFile file;
    private final String[] queueIds;
    private final String[] agentIds;
    private final String[] agentEndpoints;
    private final String[][] staffedQueueIds;
    private final ReasonCodes reasons;

    private final QueueLogLine line = new QueueLogLine();
    private final Long2ObjectHashMap<CallTrace> calls = new Long2ObjectHashMap<>();
    private final ArrayDeque<CallTrace> spareTraces = new ArrayDeque<>();
    private final CallTrace[] lineHeads;
    private final CallTrace[] lineTails;
    private final int[] inLine;
    private final long[] loggedInAtMs;
    private final boolean[] paused;
    private final int[] pauseReason;

    private final AtomicLong failures = new AtomicLong();

    public QueueLogJournal(RoutingConfig config, QueueLogFile file) {
        this.file = file;
        int queues = config.queues().size();
        this.queueIds = new String[queues];
        for (int q = 0; q < queues; q++) {
            queueIds[q] = config.queues().get(q).id();
        }
        int agents = config.agents().size();
        this.agentIds = new String[agents];
        this.agentEndpoints = new String[agents];
        this.staffedQueueIds = new String[agents][];
        for (int a = 0; a < agents; a++) {
            AgentSpec agent = config.agents().get(a);
            agentIds[a] = agent.id();
            agentEndpoints[a] = agent.endpoint();
            List<String> staffed = new ArrayList<>();
            for (QueueSpec queue : config.queues()) {
                if (agent.skills().keySet().containsAll(queue.requiredSkills())) {
                    staffed.add(queue.id());
                }
            }
            // An agent no queue can use still pauses somewhere a reader can see.
            staffedQueueIds[a] = staffed.isEmpty() ? new String[]{NONE} : staffed.toArray(String[]::new);
        }
        this.reasons = new ReasonCodes(config.notReadyReasons());
        this.lineHeads = new CallTrace[queues];
        this.lineTails = new CallTrace[queues];
        this.inLine = new int[queues];
        this.loggedInAtMs = new long[agents];
        this.paused = new boolean[agents];
        this.pauseReason = new int[agents];
    }

    // ------------------------------------------------------------------ from other threads

    /** QUEUESTART: written once as the server starts, before any call. */
    public void serverStarted(long timeMs) {
        QueueLogLine start = new QueueLogLine();
        start.begin(timeMs, NONE, NONE, NONE, "QUEUESTART").empty().end();
        file.append(start.bytes(), 0, start.length());
    }

    // ------------------------------------------------------------------ engine thread

    private CallTrace newTrace(long callId) {
        CallTrace trace = spareTraces.isEmpty() ? new CallTrace() : spareTraces.pop();
        trace.callId = callId;
        calls.put(callId, trace);
        return trace;
    }

    /**
     * The call's trace, logged under the caller channel's Uniqueid as Asterisk logs its calls, or
     * under the engine's call id for a call with no PBX channel.
     */
    private CallTrace traceOf(CallView call) {
        CallTrace trace = calls.get(call.callId());
        if (trace == null) {
            trace = newTrace(call.callId());
        }
        if (trace.callIdText == null) {
            CharSequence channel = call.callerChannel();
            trace.callIdText = channel != null ? channel.toString() : Long.toString(call.callId());
        }
        return trace;
    }

    private void forget(CallTrace trace) {
        leaveLine(trace);
        calls.remove(trace.callId);
        trace.reset();
        spareTraces.push(trace);
    }

    private int joinLine(CallTrace trace, int queue) {
        trace.queue = queue;
        trace.previous = lineTails[queue];
        trace.next = null;
        if (lineTails[queue] == null) {
            lineHeads[queue] = trace;
        } else {
            lineTails[queue].next = trace;
        }
        lineTails[queue] = trace;
        return ++inLine[queue];
    }

    private void leaveLine(CallTrace trace) {
        int queue = trace.queue;
        if (queue < 0) {
            return;
        }
        if (trace.previous == null) {
            lineHeads[queue] = trace.next;
        } else {
            trace.previous.next = trace.next;
        }
        if (trace.next == null) {
            lineTails[queue] = trace.previous;
        } else {
            trace.next.previous = trace.previous;
        }
        trace.previous = null;
        trace.next = null;
        trace.queue = -1;
        inLine[queue]--;
    }

    /** 1 + the callers still in the trace's queue who joined it before this one. */
    private int positionOf(CallTrace trace) {
        if (trace.queue < 0) {
            return 1;
        }
        int position = 1;
        for (CallTrace t = lineHeads[trace.queue]; t != null && t != trace; t = t.next) {
            position++;
        }
        return position;
    }

    private static long seconds(long timeMs) {
        return Math.floorDiv(timeMs, 1000);
    }

    /** Whole seconds between two event times, as the difference of their whole-second stamps. */
    private static long secondsBetween(long fromMs, long toMs) {
        return Math.max(0, seconds(toMs) - seconds(fromMs));
    }

    private void write() {
        file.append(line.bytes(), 0, line.length());
    }

    @Override
    public void callQueued(long timeMs, CallView call) {
        try {
            queued(timeMs, call);
        } catch (RuntimeException e) {
            failed("callQueued", e);
        }
    }

    private void queued(long timeMs, CallView call) {
        CallTrace trace = traceOf(call);
        leaveLine(trace);
        int position = joinLine(trace, call.queueIndex());
        trace.originalPosition = position;
        trace.offeredAgent = -1;
        line.begin(timeMs, trace.callIdText, queueIds[call.queueIndex()], NONE, "ENTERQUEUE")
                .empty().text(call.callerNumber()).number(position).end();
        write();
    }

    @Override
    public void offerCall(long timeMs, CallView call, int agentIndex, long ringTimeoutMs) {
        try {
            offered(timeMs, call, agentIndex);
        } catch (RuntimeException e) {
            failed("offerCall", e);
        }
    }

    private void offered(long timeMs, CallView call, int agentIndex) {
        CallTrace trace = calls.get(call.callId());
        if (trace != null) {
            trace.offeredAgent = agentIndex;
            trace.offeredAtMs = timeMs;
        }
    }

    @Override
    public void callConnected(long timeMs, CallView call, int agentIndex) {
        try {
            connected(timeMs, call, agentIndex);
        } catch (RuntimeException e) {
            failed("callConnected", e);
        }
    }

    private void connected(long timeMs, CallView call, int agentIndex) {
        CallTrace trace = traceOf(call);
        long holdSeconds = secondsBetween(call.queuedAtMs(), timeMs);
        long ringSeconds = trace.offeredAgent == agentIndex ? secondsBetween(trace.offeredAtMs, timeMs) : 0;
        leaveLine(trace);
        trace.offeredAgent = -1;
        trace.connectedAtMs = timeMs;
        trace.holdSeconds = holdSeconds;
        line.begin(timeMs, trace.callIdText, queueIds[call.queueIndex()], agentIds[agentIndex], "CONNECT")
                .number(holdSeconds).text(call.seatChannel()).number(ringSeconds).end();
        write();
    }

    @Override
    public void ringNoAnswer(long timeMs, CallView call, int agentIndex, long ringMs) {
        try {
            rangOut(timeMs, call, agentIndex, ringMs);
        } catch (RuntimeException e) {
            failed("ringNoAnswer", e);
        }
    }

    private void rangOut(long timeMs, CallView call, int agentIndex, long ringMs) {
        CallTrace trace = traceOf(call);
        trace.offeredAgent = -1;
        line.begin(timeMs, trace.callIdText, queueIds[call.queueIndex()], agentIds[agentIndex], "RINGNOANSWER")
                .number(ringMs).end();
        write();
    }

    @Override
    public void callAbandoned(long timeMs, CallView call, long waitMs) {
        try {
            abandoned(timeMs, call);
        } catch (RuntimeException e) {
            failed("callAbandoned", e);
        }
    }

    private void abandoned(long timeMs, CallView call) {
        CallTrace trace = traceOf(call);
        String queue = queueIds[call.queueIndex()];
        if (trace.offeredAgent >= 0) {
            // Asterisk writes the seat's cancelled ring first, then the caller's abandon.
            line.begin(timeMs, trace.callIdText, queue, agentIds[trace.offeredAgent], "RINGCANCELED")
                    .number(Math.max(0, timeMs - trace.offeredAtMs)).end();
            write();
        }
        line.begin(timeMs, trace.callIdText, queue, NONE, "ABANDON").number(positionOf(trace))
                .number(trace.originalPosition).number(secondsBetween(call.queuedAtMs(), timeMs)).end();
        write();
        forget(trace);
    }

    @Override
    public void callbackRequested(long timeMs, CallView call, long waitMs) {
        try {
            CallTrace trace = traceOf(call);
            // As app_queue writes a caller who leaves the line by a key: EXITWITHKEY|key|position|origposition|waittime.
            // The call goes on: a callback that reaches the customer is CONNECTed and COMPLETEd as any other.
            line.begin(timeMs, trace.callIdText, queueIds[call.queueIndex()], NONE, "EXITWITHKEY").text("1")
                    .number(positionOf(trace)).number(trace.originalPosition)
                    .number(secondsBetween(call.queuedAtMs(), timeMs)).end();
            write();
        } catch (RuntimeException e) {
            failed("callbackRequested", e);
        }
    }

    @Override
    public void callbackGivenUp(long timeMs, CallView call, int attempts) {
        // Its queue_log story ended with EXITWITHKEY; a reply task follows it up.
        forget(traceOf(call));
    }

    @Override
    public void callCompleted(long timeMs, CallView call, int agentIndex, long talkMs) {
        try {
            completed(timeMs, call, agentIndex);
        } catch (RuntimeException e) {
            failed("callCompleted", e);
        }
    }

    private void completed(long timeMs, CallView call, int agentIndex) {
        CallTrace trace = traceOf(call);
        if (trace.handedOver) {
            // As app_queue: nothing follows ATTENDEDTRANSFER, the colleague's part is not the queue's.
            forget(trace);
            return;
        }
        line.begin(timeMs, trace.callIdText, queueIds[call.queueIndex()], agentIds[agentIndex],
                        call.hungUpFirst() == HangupSide.SEAT ? "COMPLETEAGENT" : "COMPLETECALLER")
                .number(trace.holdSeconds).number(secondsBetween(trace.connectedAtMs, timeMs))
                .number(trace.originalPosition).end();
        write();
        forget(trace);
    }

    @Override
    public void callTransferred(long timeMs, CallView call, int fromAgent, long talkMs, int toQueue, int toAgent) {
        try {
            transferred(timeMs, call, fromAgent, toQueue, toAgent);
        } catch (RuntimeException e) {
            failed("callTransferred", e);
        }
    }

    /**
     * As Asterisk writes a blind transfer: {@code BLINDTRANSFER|extension|context|holdtime|
     * calltime|origposition} in the queue the call leaves. The extension is the queue the call
     * goes to, the context {@code acd}, or the colleague's agent id when one was named; the
     * call's {@code ENTERQUEUE} there follows.
     */
    private void transferred(long timeMs, CallView call, int fromAgent, int toQueue, int toAgent) {
        CallTrace trace = traceOf(call);
        line.begin(timeMs, trace.callIdText, queueIds[call.queueIndex()], agentIds[fromAgent], "BLINDTRANSFER")
                .text(queueIds[toQueue]).text(toAgent >= 0 ? agentIds[toAgent] : "acd")
                .number(trace.holdSeconds).number(secondsBetween(trace.connectedAtMs, timeMs))
                .number(trace.originalPosition).end();
        write();
    }

    @Override
    public void consultEnded(long timeMs, CallView call, int agentIndex, int colleague, boolean handedOver,
                             long talkMs) {
        if (!handedOver) {
            return;
        }
        try {
            handedOver(timeMs, call, agentIndex, colleague);
        } catch (RuntimeException e) {
            failed("consultEnded", e);
        }
    }

    /**
     * As Asterisk writes an attended transfer: {@code ATTENDEDTRANSFER|LINK|from|to|holdtime|
     * calltime|origposition}, here with the agent who hands the caller over and the colleague
     * who takes them (Asterisk names the two channels it linked). As app_queue, nothing more is
     * written for the call.
     */
    private void handedOver(long timeMs, CallView call, int agentIndex, int colleague) {
        CallTrace trace = traceOf(call);
        line.begin(timeMs, trace.callIdText, queueIds[call.queueIndex()], agentIds[agentIndex], "ATTENDEDTRANSFER")
                .text("LINK").text(agentIds[agentIndex]).text(agentIds[colleague])
                .number(trace.holdSeconds).number(secondsBetween(trace.connectedAtMs, timeMs))
                .number(trace.originalPosition).end();
        write();
        trace.handedOver = true;
    }

    @Override
    public void overflow(long timeMs, CallView call, int fromQueue, int toQueue) {
        try {
            overflowed(timeMs, call, fromQueue);
        } catch (RuntimeException e) {
            failed("overflow", e);
        }
    }

    private void overflowed(long timeMs, CallView call, int fromQueue) {
        CallTrace trace = traceOf(call);
        // The caller leaves the old queue as at its time limit; ENTERQUEUE in the new one follows.
        exitLine(timeMs, trace, call, queueIds[fromQueue], "EXITWITHTIMEOUT");
        leaveLine(trace);
    }

    @Override
    public void sendToVoicemail(long timeMs, CallView call, ExitReason reason) {
        try {
            released(timeMs, call, reason);
        } catch (RuntimeException e) {
            failed("sendToVoicemail", e);
        }
    }

    @Override
    public void disconnect(long timeMs, CallView call, ExitReason reason) {
        try {
            released(timeMs, call, reason);
        } catch (RuntimeException e) {
            failed("disconnect", e);
        }
    }

    private void released(long timeMs, CallView call, ExitReason reason) {
        if (reason == ExitReason.CLOSED) {
            // Never entered the closed queue: nothing to write, as Asterisk writes nothing for a
            // caller its dialplan turns away before Queue().
            CallTrace trace = calls.get(call.callId());
            if (trace != null) {
                forget(trace);
            }
            return;
        }
        CallTrace trace = traceOf(call);
        exitLine(timeMs, trace, call, queueIds[call.queueIndex()],
                reason == ExitReason.NO_AGENTS ? "EXITEMPTY" : "EXITWITHTIMEOUT");
        forget(trace);
    }

    private void exitLine(long timeMs, CallTrace trace, CallView call, String queue, String event) {
        line.begin(timeMs, trace.callIdText, queue, NONE, event).number(positionOf(trace))
                .number(trace.originalPosition).number(secondsBetween(call.queuedAtMs(), timeMs)).end();
        write();
    }

    @Override
    public void agentStateChanged(long timeMs, int agentIndex, AgentState from, AgentState to, int reasonCode) {
        try {
            agentChanged(timeMs, agentIndex, from, to, reasonCode);
        } catch (RuntimeException e) {
            failed("agentStateChanged", e);
        }
    }

    private void agentChanged(long timeMs, int agentIndex, AgentState from, AgentState to, int reasonCode) {
        if (from == AgentState.LOGGED_OUT && to != AgentState.LOGGED_OUT) {
            loggedInAtMs[agentIndex] = timeMs;
            paused[agentIndex] = false;
            line.begin(timeMs, NONE, NONE, agentIds[agentIndex], "AGENTLOGIN").text(agentEndpoints[agentIndex]).end();
            write();
        }
        if (to == AgentState.LOGGED_OUT) {
            if (from != AgentState.LOGGED_OUT) {
                line.begin(timeMs, NONE, NONE, agentIds[agentIndex], "AGENTLOGOFF").text(agentEndpoints[agentIndex])
                        .number(secondsBetween(loggedInAtMs[agentIndex], timeMs)).end();
                write();
            }
            paused[agentIndex] = false;
            return;
        }
        if (to == AgentState.NOT_READY) {
            if (!paused[agentIndex] || pauseReason[agentIndex] != reasonCode) {
                paused[agentIndex] = true;
                pauseReason[agentIndex] = reasonCode;
                pauseLines(timeMs, agentIndex, "PAUSE", reasons.name(reasonCode));
            }
        } else if (paused[agentIndex]) {
            paused[agentIndex] = false;
            pauseLines(timeMs, agentIndex, "UNPAUSE", null);
        }
    }

    /** One line per queue the agent staffs, as Asterisk writes for a member of several queues. */
    private void pauseLines(long timeMs, int agentIndex, String event, String reason) {
        for (String queue : staffedQueueIds[agentIndex]) {
            line.begin(timeMs, NONE, queue, agentIds[agentIndex], event).text(reason).end();
            write();
        }
    }

    /**
     * A fault in the journal must never cost a call its routing: it is counted and logged (the
     * first few, then every power of two) and the engine carries on.
     */
    private void failed(String where, RuntimeException e) {
        long n = failures.incrementAndGet();
        if (n <= 10 || Long.bitCount(n) == 1) {
            LOG.error("queue_log: {} failed (failures so far: {}); the line is missing", where, n, e);
        }
    }

    /** Engine notifications the journal failed on; each cost at most its lines. */
    public long failures() {
        return failures.get();
    }

    /** Calls the journal follows; for tests and health. */
    public int callsFollowed() {
        return calls.size();
    }

    /** What the queue_log needs of one call between ENTERQUEUE and its last line. */
    private static final class CallTrace {
        long callId;
        String callIdText;
        int queue = -1;
        CallTrace previous;
        CallTrace next;
        int originalPosition;
        int offeredAgent = -1;
        long offeredAtMs;
        long connectedAtMs;
        long holdSeconds;
        /** Handed over to a colleague consulted: the queue_log's story of the call is over. */
        boolean handedOver;

        void reset() {
            handedOver = false;
            callId = 0;
            callIdText = null;
            queue = -1;
            previous = null;
            next = null;
            originalPosition = 0;
            offeredAgent = -1;
            offeredAtMs = 0;
            connectedAtMs = 0;
            holdSeconds = 0;
        }
    }
}
