package acd.server.asterisk;

import acd.core.engine.AgentState;
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

/** Seat phones on a real Asterisk: feature codes, a seat that does not answer, one that is not registered. */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(AsteriskFloor.ASTERISK)
class RealAsteriskSeatTest {
    @TempDir
    Path dir;

    /**
     * An agent's queue_log lines as "EVENT first-field", the repeats of a line written once per
     * queue the agent staffs (PAUSE, UNPAUSE) counted once.
     */
    private static List<String> lines(Path queueLog, String agent) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        if (!Files.exists(queueLog)) {
            return out;
        }
        for (String l : Files.readAllLines(queueLog)) {
            String[] f = l.split("\\|", -1);
            if (f.length < 5 || !f[3].equals(agent)) {
                continue;
            }
            String line = f[4] + (f.length > 5 && !f[5].isEmpty() && !f[4].equals("CONNECT")
                    && !f[4].startsWith("COMPLETE") && !f[4].equals("RINGNOANSWER") ? " " + f[5] : "");
            if (out.isEmpty() || !out.get(out.size() - 1).equals(line)) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void featureCodesFromASeatPhoneLogInReadyEndWrapUpPauseWithAReasonAndLogOut() throws Exception {
        try (AsteriskFloor floor = AsteriskFloor.open("features", dir)) {
            Path log = dir.resolve("queue_log");
            floor.staff("2001", Sipp.seatPort(0), 300, 1_000);
            Sipp.Phone caller = floor.phones.caller("13800009999", "10086", List.of(new Sipp.Key(800, '0')), 60_000);
            floor.await("the agent in wrap-up after the call", 30_000,
                    () -> floor.server.engine().board().agents(AgentState.WRAP_UP) == 1);

            floor.phones.featureCode("2001", "*25");
            floor.await("ready again", 10_000, () -> floor.server.engine().board().agents(AgentState.READY) == 1);
            floor.phones.featureCode("2001", "*242");
            floor.await("not ready", 10_000, () -> floor.server.engine().board().agents(AgentState.NOT_READY) == 1);
            floor.phones.featureCode("2001", "*22");
            floor.await("logged out", 10_000, () -> floor.server.engine().board().agents(AgentState.NOT_READY) == 0
                    && floor.server.engine().board().agents(AgentState.READY) == 0);
            caller.stop();

            floor.await("the queue_log", 5_000, () -> {
                try {
                    return lines(log, "2001").contains("AGENTLOGOFF PJSIP/2001");
                } catch (Exception e) {
                    return false;
                }
            });
            // *21 logs in not ready, *23 readies, the call, *25, *242 (reason 2: lunch), *22.
            // Wrap-up is no pause in the queue_log, as Asterisk's wrapuptime is none: *25 writes nothing.
            assertEquals(List.of("AGENTLOGIN PJSIP/2001", "PAUSE logged in", "UNPAUSE", "CONNECT", "COMPLETEAGENT",
                    "PAUSE lunch", "AGENTLOGOFF PJSIP/2001"), lines(log, "2001"));
        }
    }

    @Test
    void anUnregisteredSeatIsSkippedAtOnceAndOneThatRingsOutSendsTheCallerOnToAColleague() throws Exception {
        try (AsteriskFloor floor = AsteriskFloor.open("unanswered", dir)) {
            Path log = dir.resolve("queue_log");
            // 2002 logs in and readies from its phone but its phone never registers: longest idle, so first.
            floor.phones.featureCode("2002", "*21");
            floor.phones.featureCode("2002", "*23");
            floor.await("2002 ready", 10_000, () -> floor.server.engine().board().agents(AgentState.READY) == 1);
            floor.staff("2001", Sipp.seatPort(0), 3_600_000, 1_000);
            floor.staff("2003", Sipp.seatPort(2), 300, 1_000);

            floor.phones.caller("13800009998", "10086", List.of(new Sipp.Key(800, '0')), 90_000);
            floor.await("2002 set not ready", 20_000,
                    () -> floor.server.engine().board().agents(AgentState.NOT_READY) == 1);
            floor.await("the call answered", 40_000, () -> floor.server.engine().board().queue(0).answered() == 1);

            floor.await("the queue_log", 5_000, () -> {
                try {
                    return lines(log, "2003").contains("CONNECT");
                } catch (Exception e) {
                    return false;
                }
            });
            assertTrue(lines(log, "2002").contains("PAUSE phone unreachable"), lines(log, "2002").toString());
            List<String> rang = Files.readAllLines(log).stream().filter(l -> l.contains("|RINGNOANSWER|"))
                    .map(l -> l.split("\\|")[3] + " " + l.split("\\|")[5]).toList();
            assertEquals(2, rang.size(), rang.toString());
            // The unregistered seat is given up as soon as Asterisk says so, not after a ring timeout.
            assertTrue(rang.get(0).startsWith("2002 ") && Long.parseLong(rang.get(0).split(" ")[1]) < 2_000, rang.toString());
            assertTrue(rang.get(1).startsWith("2001 ") && Long.parseLong(rang.get(1).split(" ")[1]) >= 14_000, rang.toString());
            assertTrue(lines(log, "2001").stream().noneMatch(l -> l.startsWith("PAUSE no answer")),
                    "one miss is not yet too many");
        }
    }
}
