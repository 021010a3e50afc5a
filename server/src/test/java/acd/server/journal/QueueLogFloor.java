package acd.server.journal;

import acd.core.config.RoutingConfigLoader;
import acd.core.engine.AcdEngine;
import acd.core.engine.DirectiveFanOut;
import acd.core.engine.DirectiveSink;
import acd.core.engine.EngineEvent;
import acd.core.engine.EventType;
import acd.core.engine.HangupSide;
import acd.core.engine.ListenerFanOut;
import acd.core.engine.ReasonCodes;
import acd.core.model.RoutingConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small floor for queue_log tests: the real engine stepped by hand on a fake clock, the
 * journal behind it as the server wires it (after a stand-in for the call flow), and the PBX
 * side's facts (the caller's and seat's channels, who hung up first) carried in the engine's
 * events as the call flow sends them. Times are seconds after {@link #T0_MS}.
 */
final class QueueLogFloor {
    /** 1795443115.000: the second of the sample's calls, so lines read alike. */
    static final long T0_MS = 1_795_443_115_000L;
    static final String ROUTING = """
            skills: [general, billing, broadband]
            tiers:
              - {id: gold, weight: 3}
              - {id: standard, weight: 1}
            notReadyReasons: [break, lunch]
            noAnswerLimit: 3
            queues:
              - id: general
                requiredSkills: [general]
                maxWait: {seconds: 600, action: voicemail}
                announceEverySeconds: 0
              - id: billing
                requiredSkills: [billing]
                maxWait: {seconds: 60, action: overflow, target: general}
                announceEverySeconds: 0
              - id: broadband
                requiredSkills: [broadband]
                whenNoAgents: refuse
                announceEverySeconds: 0
            agents:
              - {id: 1001, skills: {general: 1, billing: 1}, wrapUpSeconds: 0}
              - {id: 1002, skills: {general: 1}, wrapUpSeconds: 0}
            """;

    final RoutingConfig config = RoutingConfigLoader.parse("routing.yaml", ROUTING);
    final QueueLogFile file;
    final QueueLogJournal journal;
    final AcdEngine engine;
    final List<String> flowDirectives = new ArrayList<>();
    private final EngineEvent event = new EngineEvent();
    private final Path path;
    private final Map<Long, String> callerChannels = new HashMap<>();
    private final Map<String, String> seatOfCaller = new HashMap<>();
    private long nowMs = T0_MS;

    QueueLogFloor(Path dir) throws Exception {
        this.path = dir.resolve("queue_log");
        this.file = QueueLogFile.openStepped(QueueLogSettings.DEFAULTS.withFile(path), System::nanoTime);
        this.journal = new QueueLogJournal(config, file);
        journal.serverStarted(T0_MS);
        DirectiveSink flow = new DirectiveSink() {
            @Override
            public void offerCall(long timeMs, acd.core.engine.CallView call, int agentIndex, long ringTimeoutMs) {
                flowDirectives.add("offer " + call.callId() + " to " + config.agents().get(agentIndex).id());
            }
        };
        this.engine = new AcdEngine(config, T0_MS, new DirectiveFanOut(flow, journal), new ListenerFanOut(journal));
    }

    /** Moves the clock to {@code seconds} after T0; the engine's timers fire on the way. */
    QueueLogFloor at(double seconds) {
        nowMs = T0_MS + Math.round(seconds * 1000);
        engine.onEvent(event.tick(nowMs));
        return this;
    }

    private int agent(String id) {
        return engine.agentIndex(id);
    }

    QueueLogFloor login(String agent) {
        engine.onEvent(event.agentEvent(EventType.AGENT_LOGGED_IN, nowMs, agent(agent), 0));
        return this;
    }

    QueueLogFloor ready(String agent) {
        engine.onEvent(event.agentEvent(EventType.AGENT_READY, nowMs, agent(agent), 0));
        return this;
    }

    /** Not ready with the Nth configured reason (1 = break). */
    QueueLogFloor notReady(String agent, int reason) {
        engine.onEvent(event.agentEvent(EventType.AGENT_NOT_READY, nowMs, agent(agent),
                ReasonCodes.FIRST_CONFIGURED + reason - 1));
        return this;
    }

    QueueLogFloor logout(String agent) {
        engine.onEvent(event.agentEvent(EventType.AGENT_LOGGED_OUT, nowMs, agent(agent), 0));
        return this;
    }

    /** The /acd script hands the call to the engine with its caller's channel. */
    QueueLogFloor arrive(long callId, String uniqueId, String queue, String callerNumber) {
        callerChannels.put(callId, uniqueId);
        engine.onEvent(event.callArrived(nowMs, callId, engine.queueIndex(queue), engine.tierIndex("standard"),
                -1, -1, 0, callerNumber, "1", uniqueId));
        return this;
    }

    /** The caller's channel dials the seat's (AMI DialBegin); the answer will name the seat's channel. */
    QueueLogFloor dial(String callerUniqueId, String seatUniqueId, String agent) {
        seatOfCaller.put(callerUniqueId, seatUniqueId);
        return this;
    }

    QueueLogFloor answer(long callId, String agent) {
        engine.onEvent(event.offerAnswered(nowMs, callId, agent(agent), seatOfCaller.get(callerChannels.get(callId))));
        return this;
    }

    QueueLogFloor noAnswer(long callId, String agent) {
        engine.onEvent(event.offerNotAnswered(nowMs, callId, agent(agent)));
        return this;
    }

    /** The first channel named hung up first; the call ends. */
    QueueLogFloor hangUp(long callId, String firstUniqueId, String secondUniqueId) {
        HangupSide first = firstUniqueId.equals(callerChannels.get(callId)) ? HangupSide.CALLER
                : firstUniqueId.equals(seatOfCaller.get(callerChannels.get(callId))) ? HangupSide.SEAT
                : HangupSide.UNKNOWN;
        engine.onEvent(event.callEnded(nowMs, callId, first));
        return this;
    }

    QueueLogFloor abandon(long callId) {
        engine.onEvent(event.callEvent(EventType.CALLER_ABANDONED, nowMs, callId));
        return this;
    }

    /** Closes the file (writing out everything) and reads it back. */
    List<String> lines() throws Exception {
        file.close();
        if (journal.failures() > 0 || file.linesLost() > 0) {
            throw new AssertionError("the journal failed " + journal.failures() + " times, lost " + file.linesLost());
        }
        return Files.readAllLines(path);
    }

    /** The lines of one call (its callid), or of the agents' events (callid NONE) when null. */
    static List<String> of(List<String> lines, String callId) {
        String key = "|" + (callId == null ? QueueLogJournal.NONE : callId) + "|";
        return lines.stream().filter(l -> l.indexOf(key) == l.indexOf('|')).toList();
    }
}
