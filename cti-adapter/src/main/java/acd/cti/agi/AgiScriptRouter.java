package acd.cti.agi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Chooses the script for a session by the path of its {@code agi://} URL. Paths are compared
 * without leading or trailing slashes, so {@code acd} and {@code /acd} name the same script;
 * the query ({@code ?lang=en}) plays no part.
 */
public final class AgiScriptRouter {

    private final Map<String, Supplier<? extends AgiScript>> scripts = new ConcurrentHashMap<>();

    /**
     * @param path    e.g. {@code /acd}
     * @param scripts makes the script for one call; return a shared instance if it keeps no
     *                per-call state
     * @throws IllegalArgumentException if the path is empty, malformed or already taken
     */
    public AgiScriptRouter register(String path, Supplier<? extends AgiScript> scripts) {
        Objects.requireNonNull(scripts, "scripts");
        String key = normalize(Objects.requireNonNull(path, "path"));
        if (key.isEmpty() || key.indexOf('?') >= 0 || key.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not a script path: '" + path + "'");
        }
        if (this.scripts.putIfAbsent(key, scripts) != null) {
            throw new IllegalArgumentException("script path " + "/" + key + " is registered twice");
        }
        return this;
    }

    /** A new script for the path, or empty if none is registered. */
    public Optional<AgiScript> scriptFor(String path) {
        Supplier<? extends AgiScript> factory = scripts.get(normalize(path));
        return factory == null ? Optional.empty() : Optional.of(factory.get());
    }

    /** The registered paths, each with one leading slash. */
    public Set<String> paths() {
        Set<String> paths = new TreeSet<>();
        scripts.keySet().forEach(key -> paths.add("/" + key));
        return paths;
    }

    private static String normalize(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
