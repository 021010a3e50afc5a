package acd.core.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import acd.core.model.RoutingConfig;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Whatever a user writes into routing.yaml and agents.yaml, the loader either builds a routing
 * configuration or stops the start with a {@link ConfigError} whose every problem names one of
 * the two files, a line and column inside it, and a reason; never a raw SnakeYAML, Jackson,
 * NullPointer, ClassCast or NumberFormat exception, and never a hang. Runs its stored inputs as a
 * normal test; set {@code JAZZER_FUZZ=1} to search for new ones.
 *
 * <p>An input is routing.yaml, then optionally a line {@value #AGENTS_FILE_MARKER} and agents.yaml,
 * so the stored inputs are the shipped files as a user would edit them.
 */
class RoutingConfigLoaderFuzzTest {
    static final String AGENTS_FILE_MARKER = "#> agents.yaml";

    // a hang is a finding: bounds every stored input, and every fuzzed one (docs/design.md, Fuzzing)
    @Timeout(10)
    @FuzzTest(maxDuration = "30s")
    void anyRoutingTextLoadsOrFailsWithFileLineAndColumn(byte[] input) {
        List<ConfigSource> sources = sources(new String(input, StandardCharsets.UTF_8));
        RoutingConfig config;
        try {
            config = RoutingConfigLoader.parse(sources);
        } catch (ConfigError e) {
            ConfigErrorPositions.assertEveryProblemPointsIntoItsFile(e, sources);
            return;
        }
        assertNotNull(config);
    }

    private static List<ConfigSource> sources(String text) {
        int marker = text.indexOf("\n" + AGENTS_FILE_MARKER + "\n");
        if (marker < 0) {
            return List.of(new ConfigSource("config/routing.yaml", text));
        }
        return List.of(new ConfigSource("config/routing.yaml", text.substring(0, marker + 1)),
                new ConfigSource("config/agents.yaml", text.substring(marker + AGENTS_FILE_MARKER.length() + 2)));
    }
}
