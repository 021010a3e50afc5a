package acd.server;

import acd.core.config.RoutingConfigLoader;
import acd.core.engine.EngineEvent;
import acd.core.engine.EventType;
import acd.core.model.BusinessHours;
import acd.core.model.RoutingConfig;
import acd.core.ring.EngineRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HoursWatchTest {
    private static final RoutingConfig ROUTING = RoutingConfigLoader.parse("routing.yaml", """
            skills: [general]
            tiers:
              - {id: standard, weight: 1}
            queues:
              - {id: general, requiredSkills: [general]}
            agents:
              - {id: "1001", skills: {general: 1}}
            """);
    private static final String OPEN = "calendars:\n  office: 24h\nqueues:\n  general: {calendar: office}\n";

    @TempDir
    Path dir;

    @Test
    void anEditThatReadsWellReachesTheEngineAsAnEventAndOneWithAMistakeIsHeldBack() throws Exception {
        Path file = dir.resolve("hours.yaml");
        Files.writeString(file, OPEN);
        List<String> events = new CopyOnWriteArrayList<>();
        List<BusinessHours> said = new CopyOnWriteArrayList<>();
        EngineRing ring = new EngineRing((EngineEvent e) -> events.add(e.type + " " + e.timeMs + " " + e.document), 64);
        try (HoursWatch watch = new HoursWatch(file, OPEN, ROUTING, ring, said::add, () -> 42L)) {
            watch.check();
            String closedSundays = OPEN.replace("office: 24h", "office: {monday-saturday: 08:00-20:00}");
            Files.writeString(file, closedSundays);
            watch.check();
            watch.check();
            Files.writeString(file, closedSundays.replace("08:00-20:00", "8-20"));
            watch.check();
            assertTrue(watch.problem().contains("hours.yaml:2:") && watch.problem().contains("'8-20'"), watch.problem());
            Files.writeString(file, OPEN);
            watch.check();
            assertNull(watch.problem(), "a good edit clears the problem");
        } finally {
            ring.close();
        }
        assertEquals(List.of(EventType.HOURS_CHANGED + " 42 " + OPEN.replace("office: 24h",
                        "office: {monday-saturday: 08:00-20:00}"), EventType.HOURS_CHANGED + " 42 " + OPEN), events);
        assertEquals(2, said.size());
    }
}
