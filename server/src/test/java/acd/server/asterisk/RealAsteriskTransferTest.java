package acd.server.asterisk;

import acd.core.engine.AcdEngine;
import acd.core.engine.AgentState;
import acd.core.engine.CallState;
import acd.core.engine.EngineEvent;
import acd.pbxlab.Sipp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.nio.file.Path;
import java.util.List;

import static acd.server.asterisk.AsteriskFloor.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transfers on a real Asterisk: blind, and consultative with the caller on hold while the agents talk. */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(AsteriskFloor.ASTERISK)
class RealAsteriskTransferTest {
    @TempDir
    Path dir;

    @Test
    void anAgentsBlindTransferTakesTheCallerOutOfTheSeatsBridgeToTheColleague() throws Exception {
        try (AsteriskFloor floor = AsteriskFloor.open("transfer", dir)) {
            // Both seats would talk for a minute; the caller hangs up 12 s into the call.
            Sipp.Phone first = floor.staff("2001", Sipp.seatPort(0), 300, 60_000);
            Sipp.Phone colleague = floor.staff("2002", Sipp.seatPort(1), 300, 60_000);
            Sipp.Phone caller = floor.phones.caller("13800005555", "10086", List.of(new Sipp.Key(800, '0')), 12_000,
                    true);
            long callId = connected(floor, first, "13800005555", "2001");
            int from = floor.server.engine().agentIndex("2001");
            int to = floor.server.engine().agentIndex("2002");
            long now = System.currentTimeMillis();
            floor.server.ring().publish(e -> e.callTransferred(now, callId, from, EngineEvent.NONE, 0, to));

            floor.await("the colleague talking", 20_000, () -> events(colleague).contains("answered 13800005555"));
            assertTrue(events(first).contains("caller-hung-up 13800005555"),
                    "Asterisk ended the first seat's leg: " + events(first));
            assertTrue(caller.waitFor(30_000));
            floor.await("the colleague's call over", 20_000,
                    () -> events(colleague).contains("caller-hung-up 13800005555"));
            floor.awaitSettled();
            floor.server.close();

            Path queueLog = dir.resolve("queue_log");
            assertEquals(List.of("NONE ENTERQUEUE", "2001 CONNECT", "2001 BLINDTRANSFER general 2002", "NONE ENTERQUEUE",
                    "2002 CONNECT", "2002 COMPLETECALLER"),
                    QueueLogCalls.story(queueLog, QueueLogCalls.callerChannel(queueLog, "2001")));
        }
    }

    @Test
    void anAgentGoesBackToTheCallerFromAConsultationThenAsksAgainAndHandsTheCallerOver() throws Exception {
        try (AsteriskFloor floor = AsteriskFloor.open("consult", dir)) {
            Sipp.Phone first = floor.staff("2001", Sipp.seatPort(0), 300, 60_000);
            Sipp.Phone colleague = floor.staff("2002", Sipp.seatPort(1), 300, 60_000);
            // The caller hangs up 25 s into the call, talking with the colleague by then.
            Sipp.Phone caller = floor.phones.caller("13800007777", "10086", List.of(new Sipp.Key(800, '0')), 25_000,
                    true);
            long callId = connected(floor, first, "13800007777", "2001");
            AcdEngine engine = floor.server.engine();
            int from = engine.agentIndex("2001");
            int to = engine.agentIndex("2002");
            floor.server.ring().publish(e -> e.consultStarted(System.currentTimeMillis(), callId, from,
                    EngineEvent.NONE, 0, to));
            // The agent's own channel rings the colleague, and the caller waits on music.
            floor.await("the colleague talking with the agent", 10_000,
                    () -> engine.agentState(to) == AgentState.TALKING);
            assertTrue(floor.fullLog().contains("[s@acd-consult-hold:2] MusicOnHold"), "the caller on hold");
            assertTrue(floor.fullLog().contains("[s@acd-consult:1] Dial(\"PJSIP/2001-"),
                    "the agent's own channel rang the colleague");

            // Back to the caller: the colleague's leg ends and the agent is joined to the caller again.
            floor.server.ring().publish(e -> e.consultCancelled(System.currentTimeMillis(), callId, from));
            floor.await("the colleague free again", 20_000, () -> engine.agentState(to) == AgentState.READY);
            floor.await("the agent waiting to be joined back", 10_000,
                    () -> floor.fullLog().contains("[s@acd-consult:4] MusicOnHold"));
            assertEquals(from, engine.agentOfCall(callId));

            // Asked again, and this time handed over from the desk.
            floor.server.ring().publish(e -> e.consultStarted(System.currentTimeMillis(), callId, from,
                    EngineEvent.NONE, 0, to));
            floor.await("the colleague talking with the agent again", 10_000,
                    () -> engine.agentState(to) == AgentState.TALKING);
            floor.server.ring().publish(e -> e.consultCompleted(System.currentTimeMillis(), callId, from));
            floor.await("the first seat's phone hung up", 20_000,
                    () -> events(first).stream().anyMatch(s -> s.startsWith("caller-hung-up")));
            floor.await("the colleague the call's agent", 10_000, () -> engine.agentOfCall(callId) == to);
            // The caller hangs up: it is the colleague's phone that hears it, so the two were joined.
            assertTrue(caller.waitFor(40_000), "the caller's call ended");
            floor.await("the colleague's call over", 20_000,
                    () -> events(colleague).stream().filter(s -> s.startsWith("caller-hung-up")).count() == 2);
            floor.awaitSettled();
            floor.server.close();

            Path queueLog = dir.resolve("queue_log");
            assertEquals(List.of("NONE ENTERQUEUE", "2001 CONNECT", "2001 ATTENDEDTRANSFER LINK 2001 2002"),
                    QueueLogCalls.story(queueLog, QueueLogCalls.callerChannel(queueLog, "2001")));
        }
    }

    @Test
    void anAgentKeysAConsultationOnTheSeatPhoneAndHangsUpToHandTheCallerOver() throws Exception {
        try (AsteriskFloor floor = AsteriskFloor.open("consult-keys", dir)) {
            // *4 (features.conf), then the colleague's id and #; 8 s later the agent hangs up.
            Sipp.Phone first = floor.staff("2001", Sipp.seatPort(0), 300, 8_000,
                    List.of(new Sipp.Press(1_500, "*4"), new Sipp.Press(1_500, "2002#")));
            Sipp.Phone colleague = floor.staff("2002", Sipp.seatPort(1), 300, 60_000);
            Sipp.Phone caller = floor.phones.caller("13800008888", "10086", List.of(new Sipp.Key(800, '0')), 25_000,
                    true);
            long callId = connected(floor, first, "13800008888", "2001");
            AcdEngine engine = floor.server.engine();
            int to = engine.agentIndex("2002");
            floor.await("the colleague talking with the agent", 15_000,
                    () -> engine.agentState(to) == AgentState.TALKING);
            assertTrue(floor.fullLog().contains("AGI(\"PJSIP/2001-"), "the transfer script ran on the seat's channel");
            floor.await("the colleague the call's agent", 20_000, () -> engine.agentOfCall(callId) == to);
            assertTrue(floor.fullLog().contains("[1@acd-consult-taken:1] UserEvent"),
                    "the agent's hang-up sent the colleague's channel on (Dial's F)");
            assertTrue(caller.waitFor(40_000), "the caller's call ended");
            floor.await("the colleague's call over", 20_000,
                    () -> events(colleague).stream().anyMatch(s -> s.startsWith("caller-hung-up")));
            floor.awaitSettled();
            floor.server.close();

            Path queueLog = dir.resolve("queue_log");
            assertEquals(List.of("NONE ENTERQUEUE", "2001 CONNECT", "2001 ATTENDEDTRANSFER LINK 2001 2002"),
                    QueueLogCalls.story(queueLog, QueueLogCalls.callerChannel(queueLog, "2001")));
        }
    }

    /** Waits for the agent's phone to answer the caller and the engine to see the call connected; its id. */
    private static long connected(AsteriskFloor floor, Sipp.Phone seat, String callerNumber, String agent)
            throws InterruptedException {
        floor.await("the first seat talking", 20_000, () -> events(seat).contains("answered " + callerNumber));
        AcdEngine engine = floor.server.engine();
        int agentIndex = engine.agentIndex(agent);
        // the server's first call: the one the seat is talking on
        long callId = 1;
        floor.await("the engine's call connected", 10_000, () -> engine.agentOfCall(callId) == agentIndex
                && engine.callState(callId) == CallState.CONNECTED);
        return callId;
    }
}
