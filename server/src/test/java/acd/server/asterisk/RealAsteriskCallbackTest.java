package acd.server.asterisk;

import acd.core.engine.AgentState;
import acd.core.metrics.TrafficFigures;
import acd.pbxlab.RealAsterisk;
import acd.pbxlab.Sipp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Callbacks that keep the caller's place, on a real Asterisk with SIPp phones: the waiting
 * caller presses 1 in the announcement and is hung up; when their place comes up the server
 * calls them, the seat first or the customer first as the queue says, over the carrier trunk.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(AsteriskFloor.ASTERISK)
class RealAsteriskCallbackTest {
    @TempDir
    Path dir;

    @Test
    void callersWhoTakeTheCallbackAreCalledBackSeatFirstOnTheHotlineAndCustomerFirstOnTheBillingLine()
            throws Exception {
        // Offered at any expected wait, so one call handled before is enough to offer it.
        Path config = AsteriskFloor.configWith(dir, "routing.yaml", routing -> routing
                .replace("callback: {offerAboveWaitSeconds: 60, strategy: seat-first,",
                        "callback: {offerAboveWaitSeconds: 1, strategy: seat-first,")
                .replace("callback: {offerAboveWaitSeconds: 60, strategy: customer-first,",
                        "callback: {offerAboveWaitSeconds: 1, strategy: customer-first,"));
        try (AsteriskFloor floor = AsteriskFloor.open("callback", dir.resolve("data"), config, etc -> { })) {
            // Two seats take one call each, the hotline's (key 0 for a person) and the billing
            // line's (1008612, straight in line), so each line's handle time is known; then both
            // go not ready and the next callers wait.
            Sipp.Phone first = floor.staff("2001", Sipp.seatPort(0), 300, 5_000);
            Sipp.Phone second = floor.staff("2002", Sipp.seatPort(1), 300, 5_000);
            floor.phones.caller("13800001111", "10086", List.of(new Sipp.Key(800, '0')), 20_000);
            floor.phones.caller("13800002222", "1008612", List.of(), 20_000);
            floor.await("both first calls answered", 30_000,
                    () -> floor.server.engine().board().agents(AgentState.TALKING) == 2);
            floor.await("both wrap-ups", 30_000, () -> floor.server.engine().board().agents(AgentState.WRAP_UP) == 2);
            for (String seat : List.of("2001", "2002")) {
                floor.phones.featureCode(seat, "*25");
                floor.phones.featureCode(seat, "*241");
            }
            floor.await("both seats not ready", 10_000,
                    () -> floor.server.engine().board().agents(AgentState.NOT_READY) == 2);

            // Each waiting caller hears the offer, presses 1, hears their place is kept, and is let go.
            long afterTransferMs = RealAsterisk.soundMs("acd/zh/transferring") + 1_500;
            Sipp.Phone hotlineCaller = floor.phones.caller("13800008888", "10086",
                    List.of(new Sipp.Key(800, '0'), new Sipp.Key(afterTransferMs, '1')), 60_000);
            Sipp.Phone billingCaller = floor.phones.caller("13800009999", "1008612",
                    List.of(new Sipp.Key(afterTransferMs, '1')), 60_000);
            for (Sipp.Phone caller : List.of(hotlineCaller, billingCaller)) {
                if (!caller.waitFor(40_000)) {
                    throw new AssertionError("a caller was not let go after the confirmation; " + whatAsteriskRan(floor));
                }
            }
            floor.await("both callbacks asked for", 10_000, () -> line(floor, "general").callbacksRequested() == 1
                    && line(floor, "billing").callbacksRequested() == 1);

            // The seats are ready again; the carrier's customers answer and stay on the line
            // until the agents end the calls.
            Sipp.Phone customers = floor.phones.customers(300, 60_000);
            for (String seat : List.of("2001", "2002")) {
                floor.phones.featureCode(seat, "*23");
            }
            awaitShowing(floor, "both customers reached", 40_000, () -> line(floor, "general").callbacksReached() == 1
                    && line(floor, "billing").callbacksReached() == 1);
            floor.await("both calls over", 30_000, () -> events(customers).stream()
                    .filter(e -> e.equals("caller-hung-up 10086")).count() == 2);
            floor.awaitSettled();

            // Both customers saw the hotline's number; the seats saw the customers'.
            assertEquals(2, events(customers).stream().filter(e -> e.equals("answered 10086")).count());
            List<String> seatsSaw = new java.util.ArrayList<>(events(first));
            seatsSaw.addAll(events(second));
            assertTrue(seatsSaw.contains("answered 13800008888") && seatsSaw.contains("answered 13800009999"),
                    seatsSaw.toString());
            // Seat first on the hotline: a seat's own channel, once answered, dialled the customer.
            // Customer first on the billing line: the customer heard it is their callback, then rang the seat.
            List<String> log = Files.readAllLines(floor.asterisk.fullLog());
            assertTrue(indexOf(log, "[s@acd-callback:3] Dial(\"PJSIP/200") >= 0
                    && indexOf(log, "PJSIP/13800008888@hotline-trunk") >= 0, "a seat dialled the hotline's customer");
            int connecting = indexOf(log, "[s@acd-callback-answered:1] Playback(\"Local/13800009999");
            int seatDialled = indexOf(log, "[s@acd-deliver:2] Dial(\"Local/13800009999");
            assertTrue(connecting >= 0 && seatDialled > connecting, "the billing customer first, then the seat");
            assertEquals(2, line(floor, "general").answered());
            assertEquals(2, line(floor, "billing").answered());

            floor.server.close();
            Path queueLog = dir.resolve("data/queue_log");
            for (String number : List.of("13800008888", "13800009999")) {
                assertEquals(List.of("ENTERQUEUE", "EXITWITHKEY", "CONNECT", "COMPLETEAGENT"), storyOf(queueLog, number),
                        number);
            }
            floor.assertNoPromptMissing();
        }
    }

    /** Waits as {@link AsteriskFloor#await}, failing with what Asterisk ran of the callbacks. */
    private static void awaitShowing(AsteriskFloor floor, String what, long timeoutMs,
                                     java.util.function.BooleanSupplier condition) throws Exception {
        try {
            floor.await(what, timeoutMs, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; " + whatAsteriskRan(floor), e);
        }
    }

    private static String whatAsteriskRan(AsteriskFloor floor) throws java.io.IOException {
        return "Asterisk ran:\n" + String.join("\n", Files.readAllLines(floor.asterisk.fullLog()).stream()
                .filter(l -> l.contains("acd-announce") || l.contains("callback") || l.contains("Dial")
                        || l.contains("Originate") || l.contains("WARNING") || l.contains("ERROR")).toList());
    }

    private static TrafficFigures line(AsteriskFloor floor, String queue) {
        return floor.server.engine().board().queue(floor.server.engine().queueIndex(queue));
    }

    /** The queue_log events of the call whose ENTERQUEUE names {@code number}. */
    private static List<String> storyOf(Path queueLog, String number) throws Exception {
        List<String> lines = Files.readAllLines(queueLog);
        String callId = lines.stream().map(l -> l.split("\\|")).filter(f -> f.length > 6 && f[4].equals("ENTERQUEUE")
                && f[6].equals(number)).map(f -> f[1]).findFirst().orElseThrow(() -> new AssertionError(
                "no ENTERQUEUE for " + number + " in " + lines));
        return lines.stream().map(l -> l.split("\\|")).filter(f -> f.length > 4 && f[1].equals(callId))
                .map(f -> f[4]).toList();
    }

    private static List<String> events(Sipp.Phone phone) {
        try {
            return phone.logged().stream().map(Sipp.Logged::what).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOf(List<String> log, String what) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).contains(what)) {
                return i;
            }
        }
        return -1;
    }
}
