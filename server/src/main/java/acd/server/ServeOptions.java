package acd.server;

import acd.cti.agi.FastAgiSettings;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code ./acd serve} is told on its command line and in its environment, laid over
 * {@code server.yaml}: a flag wins over its environment variable, which wins over the file.
 * The addresses a deployment changes most (where Asterisk is, where the server listens, who may
 * connect) can so be set per host without editing the shared configuration.
 */
final class ServeOptions {
    /** Settings by flag, with their environment variable. */
    private static final Map<String, String> ENVIRONMENT = new LinkedHashMap<>();

    static {
        ENVIRONMENT.put("--http-bind", "ACD_HTTP_BIND");
        ENVIRONMENT.put("--http-port", "ACD_HTTP_PORT");
        ENVIRONMENT.put("--agi-bind", "ACD_AGI_BIND");
        ENVIRONMENT.put("--agi-port", "ACD_AGI_PORT");
        ENVIRONMENT.put("--agi-allow", "ACD_AGI_ALLOW");
        ENVIRONMENT.put("--ami-host", "ACD_AMI_HOST");
        ENVIRONMENT.put("--ami-port", "ACD_AMI_PORT");
        ENVIRONMENT.put("--ami-user", "ACD_AMI_USER");
        ENVIRONMENT.put("--ami-secret-file", "ACD_AMI_SECRET_FILE");
    }

    Path configDir = Path.of("config");
    /** Callers a minute; 0 for a busy hour on the configured floor ({@link DemoTraffic}). */
    double simRate = 0;
    int simCalls = 100_000;
    double simSpeed = 1;
    long simSeed = 1;
    /** Where every engine input is recorded, or null. */
    Path recordTo;
    boolean help;
    /** Each given setting with where it came from, e.g. {@code --agi-port} or {@code ACD_AGI_PORT}. */
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();

    /** @throws IllegalArgumentException naming the flag or variable and what is wrong with it */
    static ServeOptions parse(String[] args, Map<String, String> environment) {
        ServeOptions o = new ServeOptions();
        for (Map.Entry<String, String> e : ENVIRONMENT.entrySet()) {
            String v = environment.get(e.getValue());
            if (v != null && !v.isBlank()) {
                o.values.put(e.getKey(), v.strip());
                o.sources.put(e.getKey(), e.getValue());
            }
        }
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (ENVIRONMENT.containsKey(flag)) {
                o.values.put(flag, value(args, ++i, flag));
                o.sources.put(flag, flag);
                continue;
            }
            switch (flag) {
                case "--config" -> o.configDir = Path.of(value(args, ++i, flag));
                case "--sim-rate" -> o.simRate = number(value(args, ++i, flag), flag);
                case "--sim-calls" -> o.simCalls = (int) whole(value(args, ++i, flag), flag, 0, Integer.MAX_VALUE);
                case "--sim-speed" -> o.simSpeed = number(value(args, ++i, flag), flag);
                case "--sim-seed" -> o.simSeed = whole(value(args, ++i, flag), flag, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--record" -> o.recordTo = Path.of(value(args, ++i, flag));
                case "-h", "--help" -> o.help = true;
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        return o;
    }

    /** {@code settings} with every given flag and variable laid over it. */
    ServerSettings applyTo(ServerSettings settings) {
        ServerSettings s = settings;
        if (values.containsKey("--http-bind")) {
            s = s.withHttpBind(values.get("--http-bind"));
        }
        if (values.containsKey("--http-port")) {
            s = s.withHttpPort(port("--http-port", 0));
        }
        FastAgiSettings agi = s.agi();
        if (values.containsKey("--agi-port")) {
            agi = agi.withPort(port("--agi-port", 0));
        }
        try {
            if (values.containsKey("--agi-bind")) {
                agi = agi.withBindAddress(values.get("--agi-bind"));
            }
            if (values.containsKey("--agi-allow")) {
                agi = agi.withAllowedClients(Arrays.stream(values.get("--agi-allow").split(","))
                        .map(String::strip).filter(a -> !a.isEmpty()).toList());
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(sourcesOf("--agi-bind", "--agi-allow") + ": "
                    + e.getMessage(), e);
        }
        s = s.withAgi(agi);
        ServerSettings.Ami ami = s.ami();
        if (values.containsKey("--ami-host") || values.containsKey("--ami-port") || values.containsKey("--ami-user")
                || values.containsKey("--ami-secret-file")) {
            s = s.withAmi(new ServerSettings.Ami(values.getOrDefault("--ami-host", ami.host()),
                    values.containsKey("--ami-port") ? port("--ami-port", 1) : ami.port(),
                    values.getOrDefault("--ami-user", ami.username()),
                    values.getOrDefault("--ami-secret-file", ami.secretFile())));
        }
        return s;
    }

    private String sourcesOf(String... flags) {
        return String.join(", ", Arrays.stream(flags).filter(sources::containsKey).map(sources::get).toList());
    }

    private int port(String flag, int lowest) {
        return (int) whole(values.get(flag), sources.get(flag), lowest, 65_535);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static long whole(String text, String where, long lowest, long highest) {
        try {
            long v = Long.parseLong(text.strip());
            if (v < lowest || v > highest) {
                throw new IllegalArgumentException(where + " must be " + lowest + ".." + highest + ", found " + text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " must be a whole number, found '" + text + "'");
        }
    }

    private static double number(String text, String where) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " must be a number, found '" + text + "'");
        }
    }
}
