package acd.server.asterisk;

import acd.pbxlab.RealAsterisk;

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

/** A deployment with mistakes in it, on a real Asterisk: each is named for what it is. */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(AsteriskFloor.ASTERISK)
class RealAsteriskSetupTest {
    @TempDir
    Path dir;

    @Test
    void anAmiUserWithoutTheCallClassAndASeatAsteriskDoesNotKnowAreNamed() throws Exception {
        // A seat added to agents.yaml and never to pjsip.conf.
        Path config = AsteriskFloor.configWith(dir, "agents.yaml",
                agents -> agents + "  - id: 9101\n    skills: {general: 3}\n    groups: [general]\n");
        // A team lead's phone that is not in pjsip.conf either.
        Files.writeString(config.resolve("server.yaml"), Files.readString(config.resolve("server.yaml"))
                .replace("lead1: PJSIP/9001", "lead1: PJSIP/9002"));
        // An AMI user given too little: no 'call' class, so no Redirect and no Setvar.
        RealAsterisk.ConfigChange withoutCall = etc -> Files.writeString(etc.resolve("manager.conf"),
                Files.readString(etc.resolve("manager.conf")).replace("write = system,call,command", "write = system,command"));

        try (AsteriskFloor floor = AsteriskFloor.open("setup", dir.resolve("data"), config, withoutCall)) {
            floor.await("the check of Asterisk", 10_000, () -> !floor.server.asteriskProblems().isEmpty());
            List<String> problems = floor.server.asteriskProblems();

            assertEquals(List.of(
                    "the AMI user 'acd' may not send Redirect: give it the write permission class 'call' in manager.conf",
                    "the AMI user 'acd' may not send Setvar: give it the write permission class 'call' in manager.conf",
                    "the AMI user 'acd' may not send Bridge: give it the write permission class 'call' in manager.conf",
                    "agent 9101's endpoint PJSIP/9101 is not a PJSIP endpoint Asterisk knows (pjsip.conf): calls "
                            + "offered to it cannot ring",
                    "supervisor lead1's phone PJSIP/9002 is not a PJSIP endpoint Asterisk knows (pjsip.conf): "
                            + "listening in cannot ring it"), problems);
        }
    }

    @Test
    void theShippedConfigurationHasNothingToComplainAbout() throws Exception {
        try (AsteriskFloor floor = AsteriskFloor.open("setup-shipped", dir)) {
            Thread.sleep(1_000);
            assertTrue(floor.server.asteriskProblems().isEmpty(), floor.server.asteriskProblems().toString());
        }
    }
}
