package acd.server;

import acd.core.engine.AcdEngine;
import acd.core.engine.AgentState;
import acd.core.metrics.TrafficFigures;
import acd.ivr.task.ReplyTask;
import acd.pbxsim.PbxSettings;
import acd.pbxsim.world.CallerScript;
import acd.pbxsim.world.CustomerCall;
import acd.pbxsim.world.CustomerSettings;
import acd.pbxsim.world.SeatPhone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Callbacks through the PBX simulator: two waiting callers press 1 and hang up; when their turn
 * comes the seat is rung first, then the customer. One customer answers and talks with the agent;
 * the other never answers, is tried again after the retry time, and becomes a reply task.
 */
class CallbackEndToEndTest {

    @Test
    void waitingCallersCalledBackInTheirTurnOneReachedAndOneLeftToTheDesk(@TempDir Path dir) throws Exception {
        ServerSettings settings = ShippedConfig.in(dir);
        Path routing = dir.resolve("routing.yaml");
        Files.writeString(routing, Files.readString(routing).replace(
                "callback: {offerAboveWaitSeconds: 60, strategy: seat-first, attempts: 3, retryAfterSeconds: 300}",
                "callback: {offerAboveWaitSeconds: 1, strategy: seat-first, attempts: 2, retryAfterSeconds: 30, "
                        + "customerRingSeconds: 10}"));
        PbxSettings pbx = PbxSettings.defaults().withSpeed(20)
                .withCustomers(CustomerSettings.defaults().withRingMs(2_000).withTalkMs(120_000)
                        .withNeverAnswering("13800000077"));
        try (AcdServer server = new AcdServer(dir, settings, null, pbx)) {
            await(() -> server.ami().isConnected());
            AcdEngine engine = server.engine();
            int general = engine.queueIndex("general");
            SeatPhone seat = server.pbxSimulator().seat("PJSIP/2001");
            // the agent stays on while the customer rings (10 s), and talks 15 s
            seat.update(seat.settings().withTalkTimeMs(15_000));
            seat.login().thenCompose(s -> seat.ready()).get(10, TimeUnit.SECONDS);

            // One call handled first, so the line's handle time, and so the expected wait, is known.
            server.pbxSimulator().placeCall(new CallerScript("13800000011", "", "10086", List.of("0"), 600_000, 0));
            await(() -> engine.agentState(engine.agentIndex("2001")) == AgentState.WRAP_UP);
            seat.wrapUpDone().thenCompose(s -> seat.notReady(1)).get(10, TimeUnit.SECONDS);

            // Two callers wait, hear the offer and press 1: the first's 1 is its answer to the next
            // prompt, the second answers the offer apart from its other answers.
            for (String number : List.of("13800000066", "13800000077")) {
                server.pbxSimulator().placeCall(number.endsWith("66")
                        ? new CallerScript(number, "", "10086", List.of("0", "1"), 600_000, 0)
                        : new CallerScript(number, "", "10086", List.of("0"), 600_000, 0).answeringCallbackOffers("1"));
                await(() -> board(engine, general).callbacksRequested() == (number.endsWith("66") ? 1 : 2),
                        () -> board(engine, general) + " channels " + server.pbxSimulator().channels());
            }
            seat.ready().get(10, TimeUnit.SECONDS);

            // The first in line: the seat rings, then the customer, who answers and talks with the agent.
            await(() -> board(engine, general).callbacksReached() == 1);
            // The second never answers: tried twice, 30 s apart, then given up to a reply task.
            await(() -> board(engine, general).callbacksNotReached() == 1, () -> board(engine, general)
                    + " agent " + engine.agentState(engine.agentIndex("2001")) + " customers "
                    + server.pbxSimulator().customerCalls() + " channels " + server.pbxSimulator().channels());
            ReplyTask task = awaitTask(server);
            assertEquals("13800000077", task.message().callerNumber());
            assertEquals("general", task.message().queue());
            assertEquals("", task.message().messageFile(), "no message: a callback not reached");

            List<CustomerCall> calls = server.pbxSimulator().customerCalls();
            assertEquals(List.of("13800000066", "13800000077", "13800000077"),
                    calls.stream().map(CustomerCall::number).toList());
            assertTrue(calls.get(0).answered());
            assertTrue(calls.stream().allMatch(c -> c.callerIdNum().equals("10086")), "the hotline's number shown");
            assertTrue(calls.get(2).placedAtMs() - calls.get(1).placedAtMs() >= 30_000, "the retry waited 30 s");
            TrafficFigures figures = board(engine, general);
            assertEquals(2, figures.callbacksOffered());
            assertEquals(3, figures.offered());
            assertEquals(2, figures.answered());
            assertEquals(0, figures.abandoned(), "a callback is no abandon");
            server.close();

            List<String> log = Files.readAllLines(dir.resolve("queue_log"));
            assertEquals(List.of("ENTERQUEUE", "EXITWITHKEY", "CONNECT", "COMPLETEAGENT"), storyOf(log, "13800000066"));
            assertEquals(List.of("ENTERQUEUE", "EXITWITHKEY"), storyOf(log, "13800000077"));
        }
    }

    private static TrafficFigures board(AcdEngine engine, int queue) {
        return engine.board().queue(queue);
    }

    /** The queue_log events of the call whose ENTERQUEUE names {@code number}. */
    private static List<String> storyOf(List<String> lines, String number) {
        String callId = lines.stream().map(l -> l.split("\\|")).filter(f -> f.length > 6 && f[4].equals("ENTERQUEUE")
                && f[6].equals(number)).map(f -> f[1]).findFirst().orElseThrow();
        return lines.stream().map(l -> l.split("\\|")).filter(f -> f.length > 4 && f[1].equals(callId))
                .map(f -> f[4]).toList();
    }

    private static ReplyTask awaitTask(AcdServer server) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            List<ReplyTask> open = server.store().replyTasks().open();
            if (!open.isEmpty()) {
                return open.get(0);
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no reply task for the callback given up");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        await(condition, () -> "");
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws InterruptedException {
        for (int i = 0; i < 1_200; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("timed out; " + state.get());
    }
}
