package acd.server;

import acd.core.config.RoutingConfigLoader;
import acd.core.model.AgentSpec;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped Asterisk files and the shipped agents and queues describe the same hotline. */
class ShippedAsteriskConfigTest {
    private static final Path CONFIG = Path.of("..", "config");
    private static final Pattern SEAT = Pattern.compile("(?m)^\\[([^\\]]+)\\]\\(seat\\)$");
    private static final Pattern BOX = Pattern.compile("(?m)^([a-z0-9_-]+) => ");

    private static RoutingConfig routing() throws Exception {
        return RoutingConfigLoader.parse(List.of(AcdServer.read(CONFIG, "routing.yaml"),
                AcdServer.read(CONFIG, "agents.yaml")));
    }

    @Test
    void everyPjsipSeatOfAgentsYamlHasAnEndpointAndNoEndpointIsLeftOver() throws Exception {
        Set<String> seats = new TreeSet<>();
        for (AgentSpec agent : routing().agents()) {
            if (agent.endpoint().startsWith("PJSIP/")) {
                seats.add(agent.endpoint().substring("PJSIP/".length()));
            }
        }
        Set<String> endpoints = new TreeSet<>();
        Matcher m = SEAT.matcher(Files.readString(CONFIG.resolve("asterisk/pjsip.conf")));
        while (m.find()) {
            endpoints.add(m.group(1));
        }
        assertEquals(seats, endpoints, "config/asterisk/pjsip.conf against config/agents.yaml");
    }

    @Test
    void everyQueueHasAVoicemailBoxNamedByItsId() throws Exception {
        Set<String> boxes = new TreeSet<>();
        String voicemail = Files.readString(CONFIG.resolve("asterisk/voicemail.conf"));
        Matcher m = BOX.matcher(voicemail.substring(voicemail.indexOf("[acd]")));
        while (m.find()) {
            boxes.add(m.group(1));
        }
        for (QueueSpec queue : routing().queues()) {
            assertTrue(boxes.contains(queue.id()), "no box " + queue.id() + " in [acd] of voicemail.conf: " + boxes);
        }
    }

    @Test
    void everyPeakAnnouncementHasItsPromptInEveryLanguage() throws Exception {
        int announced = 0;
        for (QueueSpec queue : routing().queues()) {
            String sound = queue.peak().announcement();
            if (sound == null) {
                continue;
            }
            announced++;
            for (String language : List.of("zh", "en")) {
                String prompts = Files.readString(CONFIG.resolve("prompts/" + language + ".txt"));
                String line = "acd/" + language + "/queue/" + sound + "|";
                assertTrue(prompts.contains("\n" + line), "queue " + queue.id() + ": no " + line + " in prompts/"
                        + language + ".txt");
            }
        }
        assertTrue(announced > 0, "the shipped routing has a peak mode");
    }
}
