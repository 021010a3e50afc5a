package acd.ivr.order;

import acd.core.config.ConfigError;
import acd.core.config.ConfigSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderDeadlinesLoaderTest {
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;

    @Test
    void theShippedFileIsTheStandard() throws Exception {
        Path shipped = Path.of("..", "config", OrderDeadlinesLoader.FILE_NAME);
        assertEquals(OrderDeadlines.STANDARD, OrderDeadlinesLoader.parse(
                new ConfigSource(shipped.toString(), Files.readString(shipped))));
    }

    @Test
    void aValueLeftOutKeepsTheStandardsAndOneGivenReplacesIt() {
        OrderDeadlines d = OrderDeadlinesLoader.parse(new ConfigSource("work-orders.yaml", """
                complaints:
                  major: {handOff: 10m}
                questions: {firstReply: 90m}
                escalation: none
                """));
        assertEquals(10 * MINUTE, d.complaints().get(ComplaintGrade.MAJOR).get(Milestone.HAND_OFF));
        assertEquals(30 * MINUTE, d.complaints().get(ComplaintGrade.MAJOR).get(Milestone.CHECK));
        assertEquals(Map.of(Milestone.FIRST_REPLY, 90 * MINUTE), d.question());
        assertEquals(OrderDeadlines.STANDARD.followUp(), d.followUp());
        assertEquals(OrderDeadlines.Escalation.NONE, d.escalation());
        assertEquals(HOUR, d.allowances(OrderKind.COMPLAINT, ComplaintGrade.ORDINARY).get(Milestone.HAND_OFF));
    }

    @Test
    void everyBadValueIsNamedWithItsLine() {
        ConfigError e = assertThrows(ConfigError.class, () -> OrderDeadlinesLoader.parse(new ConfigSource(
                "work-orders.yaml", """
                complaints:
                  ordinary: {handOff: 1 hour, check: 3d}
                  minor: {fix: 2d}
                questions: {firstReply: 30}
                followUps: {revisit: 3d, firstReply: 1d}
                escalation: twice
                """)));
        String all = e.getMessage();
        assertTrue(all.contains("work-orders.yaml:2") && all.contains("handOff must be a time such as 30m, 2h or 3d"),
                all);
        assertTrue(all.contains("minor"), all);
        assertTrue(all.contains("work-orders.yaml:4") && all.contains("firstReply must be a time"), all);
        assertTrue(all.contains("work-orders.yaml:5") && all.contains("firstReply"), all);
        assertTrue(all.contains("work-orders.yaml:2") && all.contains("fix is due before check"), all);
        assertTrue(all.contains("work-orders.yaml:6"), all);
    }
}
