package acd.server.asterisk;

import acd.pbxlab.Sipp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults on a real Asterisk while callers come and go: the server's AMI connection is cut three
 * times (its socket destroyed, as a network fault would) and Asterisk itself restarts once.
 * Every caller ends with a record that says how, no seat is left ringing or talking, and the
 * queue_log says who hung up first as the caller's phone lived it, for every call that did not
 * end while the server could not see.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(AsteriskFloor.ASTERISK)
class RealAsteriskFaultTest {
    private static final int SEATS = 6;
    private static final int CALLERS = 40;
    private static final Set<String> ENDINGS = Set.of("ABANDON", "COMPLETEAGENT", "COMPLETECALLER", "EXITEMPTY",
            "EXITWITHTIMEOUT");

    @TempDir
    Path dir;

    private static void cutAmi(int amiPort) throws Exception {
        Process ss = new ProcessBuilder("ss", "-K", "dst", "127.0.0.1", "dport", "=", ":" + amiPort)
                .redirectErrorStream(true).start();
        ss.getInputStream().readAllBytes();
        ss.waitFor();
    }

    /**
     * Calls whose COMPLETEAGENT or COMPLETECALLER disagrees with the seat's phone, which logs
     * whether it hung up or heard the caller go. A call that ended while the server was blind (a
     * cut, with slack each side for the log's whole seconds) may be written COMPLETECALLER:
     * nobody saw who went first. A call Asterisk itself ended as it restarted had no side that
     * hung up first, whatever is written.
     */
    private static List<String> wrongHangupSides(List<Sipp.Phone> seats, Path queueLog, List<long[]> blind)
            throws Exception {
        Map<String, String> atSeat = new LinkedHashMap<>();
        for (Sipp.Phone seat : seats) {
            for (Sipp.Logged l : seat.logged()) {
                String[] what = l.what().split(" ");
                if (what.length > 1 && (what[0].equals("seat-hung-up") || what[0].equals("caller-hung-up"))) {
                    atSeat.put(what[1], what[0]);
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        int judged = 0;
        for (Map.Entry<String, List<String[]>> call : QueueLogCalls.linesByCaller(Files.readAllLines(queueLog))
                .entrySet()) {
            List<String[]> own = call.getValue();
            String[] last = own.get(own.size() - 1);
            String lived = atSeat.get(call.getKey());
            if (!last[4].startsWith("COMPLETE") || lived == null) {
                continue;
            }
            long endedMs = Long.parseLong(last[0]) * 1000;
            boolean unseen = blind.stream().anyMatch(w -> endedMs >= w[0] - 2_000 && endedMs <= w[1] + 2_000
                    && (w[2] == 1 || last[4].equals("COMPLETECALLER")));
            if (unseen) {
                continue;
            }
            judged++;
            String expected = lived.equals("seat-hung-up") ? "COMPLETEAGENT" : "COMPLETECALLER";
            if (!last[4].equals(expected)) {
                wrong.add(call.getKey() + ": the seat logged " + lived + " but the queue_log says " + last[4]);
            }
        }
        assertTrue(judged >= 5, "calls whose hang-up side was judged: " + judged);
        return wrong;
    }

    @Test
    void amiCutThreeTimesAndAnAsteriskRestartLoseNoCallerAndLeaveNoSeatStuck() throws Exception {
        try (AsteriskFloor floor = AsteriskFloor.open("faults", dir)) {
            Random random = new Random(11);
            List<AsteriskFloor.Seat> staffing = new ArrayList<>();
            for (int s = 0; s < SEATS; s++) {
                staffing.add(new AsteriskFloor.Seat(Integer.toString(2001 + s), Sipp.seatPort(s),
                        300 + random.nextInt(500), 3_000 + random.nextInt(3_000)));
            }
            List<Sipp.Phone> seats = floor.staffTogether(staffing);
            Map<String, Sipp.Phone> callers = new LinkedHashMap<>();
            List<long[]> blind = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                Thread.sleep((long) (-Math.log(1 - random.nextDouble()) * 900));
                long patience = random.nextInt(10) < 3 ? 5_000 + random.nextInt(10_000) : 120_000;
                String number = "1770000" + String.format("%04d", c);
                callers.put(number, floor.phones.caller(number, "10086", List.of(new Sipp.Key(800, '0')), patience));
                if (c == 8 || c == 16 || c == 24) {
                    long before = floor.server.ami().reconnects();
                    long cutAt = System.currentTimeMillis();
                    cutAmi(floor.asterisk.amiPort());
                    floor.await("the AMI connection back", 20_000, () -> floor.server.ami().reconnects() > before);
                    blind.add(new long[]{cutAt, System.currentTimeMillis(), 0});
                } else if (c == 30) {
                    long restartAt = System.currentTimeMillis();
                    floor.asterisk.restart();
                    floor.await("the AMI connection back", 20_000, () -> floor.server.ami().isConnected());
                    // Asterisk itself hangs up both sides as it stops: neither side hung up first.
                    blind.add(new long[]{restartAt, System.currentTimeMillis(), 1});
                }
            }
            for (Map.Entry<String, Sipp.Phone> caller : callers.entrySet()) {
                assertTrue(caller.getValue().waitFor(180_000), "caller " + caller.getKey() + " still on the line");
            }
            floor.awaitSettled();
            assertTrue(floor.server.ami().reconnects() >= 4, "three cuts and a restart: " + floor.server.ami().reconnects());
            floor.server.close();

            Map<String, List<String>> logged = QueueLogCalls.byCaller(Files.readAllLines(dir.resolve("queue_log")));
            List<String> unaccounted = new ArrayList<>();
            for (Map.Entry<String, Sipp.Phone> caller : callers.entrySet()) {
                List<String> events = logged.get(caller.getKey());
                List<String> lived = caller.getValue().events();
                if (events != null) {
                    if (!ENDINGS.contains(events.get(events.size() - 1))) {
                        unaccounted.add(caller.getKey() + " entered the line and never left it: " + events);
                    }
                } else if (lived.contains("connected") && !lived.get(lived.size() - 1).equals("released")) {
                    // Only a caller Asterisk never answered, or dropped in its restart while in the
                    // menus, may be missing from the line.
                    unaccounted.add(caller.getKey() + " lived " + lived + " and is not in the queue_log");
                }
            }
            assertEquals(List.of(), unaccounted);
            assertTrue(logged.size() >= CALLERS / 2, "callers in the line: " + logged.size());
            assertEquals(List.of(), wrongHangupSides(seats, dir.resolve("queue_log"), blind));
        }
    }
}
