package acd.core.config;

import java.util.Objects;

/**
 * The text of one configuration file and the name errors should call it by. Callers read the
 * file; the core does no I/O.
 *
 * @param name usually the path as the user would type it, e.g. {@code config/routing.yaml}
 * @param text the YAML text
 */
public record ConfigSource(String name, String text) {
    public ConfigSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
