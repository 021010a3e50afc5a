package acd.ivr.menu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.core.config.ConfigError;
import acd.core.config.ConfigSource;
import acd.ivr.ConfigErrorPositions;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * Whatever a user writes into ivr.yaml, the menu either loads or the start stops with a
 * {@link ConfigError} whose every problem names ivr.yaml, a line and column inside it and a
 * reason; never a raw SnakeYAML, Jackson, NullPointer, ClassCast or NumberFormat exception, and
 * never a hang. Queues and skills are the shipped routing's. Runs its stored inputs as a normal
 * test; set {@code JAZZER_FUZZ=1} to search for new ones.
 */
class IvrMenuLoaderFuzzTest {
    private static final String SOURCE = "config/ivr.yaml";
    private static final Set<String> QUEUES = Set.of("general", "billing", "broadband", "vip", "english");
    private static final Set<String> SKILLS = Set.of("general", "billing", "broadband", "vip", "english");

    // a hang is a finding: bounds every stored input, and every fuzzed one (docs/design.md, Fuzzing)
    @Timeout(10)
    @FuzzTest(maxDuration = "30s")
    void anyMenuTextLoadsOrFailsWithFileLineAndColumn(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        IvrMenu menu;
        try {
            menu = IvrMenuLoader.parse(new ConfigSource(SOURCE, text), QUEUES, SKILLS);
        } catch (ConfigError e) {
            ConfigErrorPositions.assertEveryProblemPointsInto(e, SOURCE, text);
            return;
        }
        assertNotNull(menu);
        assertFalse(menu.languages().isEmpty(), "a menu speaks at least one language");
        assertTrue(menu.start() != null && !menu.start().isBlank(), "a menu has a start node");
    }
}
