package acd.ivr.menu;

import acd.core.config.ConfigSource;
import acd.core.config.RoutingConfigLoader;
import acd.core.model.RoutingConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Menus for tests: the shipped one against the shipped routing, and fixtures. */
final class Menus {
    static final Set<String> QUEUES = Set.of("general", "billing", "broadband", "vip", "english");
    static final Set<String> SKILLS = Set.of("general", "billing", "broadband", "vip", "english");

    private static IvrMenu shipped;

    private Menus() {
    }

    static ConfigSource shippedSource(String name) {
        try {
            return new ConfigSource("config/" + name, Files.readString(Path.of("..", "config", name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RoutingConfig shippedRouting() {
        return RoutingConfigLoader.parse(List.of(shippedSource("routing.yaml"), shippedSource("agents.yaml")));
    }

    static synchronized IvrMenu shipped() {
        if (shipped == null) {
            shipped = IvrMenuLoader.parse(shippedSource("ivr.yaml"), shippedRouting());
        }
        return shipped;
    }

    static ConfigSource fixture(String name) {
        try (InputStream in = Menus.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new ConfigSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IvrMenu load(String name) {
        return IvrMenuLoader.parse(fixture(name), QUEUES, SKILLS);
    }

    static IvrMenu text(String yaml) {
        return IvrMenuLoader.parse(new ConfigSource("ivr.yaml", yaml), QUEUES, SKILLS);
    }
}
