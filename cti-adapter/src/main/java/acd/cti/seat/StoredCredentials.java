package acd.cti.seat;

import acd.core.config.ConfigError;
import acd.core.config.ConfigNode;
import acd.core.config.ConfigSource;
import acd.cti.seat.codec.SeatRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Desktop credentials held as {@link SecretHash} hashes, one per agent and per supervisor. From a
 * map, or from a YAML file of this shape (checked whole at start, every problem with its line):
 *
 * <pre>
 * agents:
 *   1001: pbkdf2-sha256$310000$...$...
 * supervisors:
 *   lead1: pbkdf2-sha256$310000$...$...
 * reviewers:
 *   qa1: pbkdf2-sha256$310000$...$...
 * </pre>
 */
public final class StoredCredentials implements SeatCredentials {
    private final Map<String, String> agents;
    private final Map<String, String> supervisors;
    private final Map<String, String> reviewers;
    /** Checked against when the user is unknown, so a wrong id takes as long as a wrong secret. */
    private final String decoy;

    private StoredCredentials(Map<String, String> agents, Map<String, String> supervisors,
                              Map<String, String> reviewers) {
        this.agents = Map.copyOf(agents);
        this.supervisors = Map.copyOf(supervisors);
        this.reviewers = Map.copyOf(reviewers);
        int iterations = SecretHash.DEFAULT_ITERATIONS;
        for (String hash : agents.values()) {
            iterations = SecretHash.iterations(hash);
            break;
        }
        this.decoy = SecretHash.hash("decoy".toCharArray(), iterations);
    }

    /**
     * @param agentHashes      agent id to hash
     * @param supervisorHashes supervisor id to hash
     * @throws IllegalArgumentException naming the user whose hash is malformed
     */
    public static StoredCredentials of(Map<String, String> agentHashes, Map<String, String> supervisorHashes) {
        return of(agentHashes, supervisorHashes, Map.of());
    }

    /** @param reviewerHashes quality reviewer id to hash */
    public static StoredCredentials of(Map<String, String> agentHashes, Map<String, String> supervisorHashes,
                                       Map<String, String> reviewerHashes) {
        check(agentHashes, "agent");
        check(supervisorHashes, "supervisor");
        check(reviewerHashes, "reviewer");
        return new StoredCredentials(agentHashes, supervisorHashes, reviewerHashes);
    }

    private static void check(Map<String, String> hashes, String role) {
        for (Map.Entry<String, String> e : hashes.entrySet()) {
            try {
                SecretHash.check(e.getValue());
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(role + " " + e.getKey() + ": " + bad.getMessage());
            }
        }
    }

    public static StoredCredentials load(Path file) throws IOException {
        try {
            return parse(new ConfigSource(file.toString(), Files.readString(file)));
        } catch (NoSuchFileException e) {
            throw new ConfigError(file.toString(), 0, 0, "file not found");
        }
    }

    /** @throws ConfigError with every problem found, each with its line */
    public static StoredCredentials parse(ConfigSource source) {
        ConfigNode.MapNode root = ConfigNode.parse(source.name(), source.text()).asMap();
        List<ConfigError.Problem> problems = new ArrayList<>();
        for (String key : root.keys()) {
            if (!key.equals("agents") && !key.equals("supervisors") && !key.equals("reviewers")) {
                ConfigNode at = root.keyNode(key);
                problems.add(new ConfigError.Problem(at.source(), at.line(), at.column(),
                        "unknown key '" + key + "'; expected agents, supervisors and reviewers"));
            }
        }
        Map<String, String> agents = section(root, "agents", problems);
        Map<String, String> supervisors = section(root, "supervisors", problems);
        Map<String, String> reviewers = section(root, "reviewers", problems);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ConfigError.Problem::line).thenComparingInt(ConfigError.Problem::column));
            throw new ConfigError(problems);
        }
        return new StoredCredentials(agents, supervisors, reviewers);
    }

    private static Map<String, String> section(ConfigNode.MapNode root, String key, List<ConfigError.Problem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        ConfigNode node = root.get(key);
        if (node == null || node instanceof ConfigNode.ScalarNode s && s.isNull()) {
            return out;
        }
        if (!(node instanceof ConfigNode.MapNode map)) {
            problems.add(new ConfigError.Problem(node.source(), node.line(), node.column(),
                    key + ": expected a map of id: hash, found " + node.describe()));
            return out;
        }
        for (Map.Entry<String, ConfigNode> e : map.values().entrySet()) {
            ConfigNode value = e.getValue();
            // describe() is never used on the value: a secret pasted by mistake must not be echoed
            if (!(value instanceof ConfigNode.ScalarNode s) || s.kind() != ConfigNode.ScalarNode.Kind.STRING) {
                problems.add(new ConfigError.Problem(value.source(), value.line(), value.column(),
                        key + "." + e.getKey() + ": expected a hash made by acd.cti.seat.SecretHash"));
                continue;
            }
            try {
                SecretHash.check(s.text());
                out.put(e.getKey(), s.text());
            } catch (IllegalArgumentException bad) {
                problems.add(new ConfigError.Problem(value.source(), value.line(), value.column(),
                        key + "." + e.getKey() + ": " + bad.getMessage()));
            }
        }
        return out;
    }

    public boolean hasAgent(String id) {
        return agents.containsKey(id);
    }

    public boolean hasSupervisor(String id) {
        return supervisors.containsKey(id);
    }

    @Override
    public boolean verify(SeatRequest.Role role, String id, char[] secret) {
        String hash = (switch (role) {
            case AGENT -> agents;
            case SUPERVISOR -> supervisors;
            case REVIEWER -> reviewers;
        }).get(id);
        if (hash == null) {
            SecretHash.matches(decoy, secret);
            return false;
        }
        return SecretHash.matches(hash, secret);
    }
}
