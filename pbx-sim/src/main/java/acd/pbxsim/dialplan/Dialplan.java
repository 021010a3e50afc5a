package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Location;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The contexts of an extensions.conf. The simulator plays the shipped ACD dialplan
 * (a copy of config/asterisk/extensions.conf is built in), or any file in the same dialect.
 */
public final class Dialplan {

    /** The copy of config/asterisk/extensions.conf inside the jar. */
    public static final String BUILT_IN = "/acd/pbxsim/extensions.conf";

    private final Map<String, DialplanContext> contexts = new LinkedHashMap<>();
    private final Map<String, String> globals = new LinkedHashMap<>();

    public static Dialplan builtIn() {
        try (InputStream in = Dialplan.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in dialplan " + BUILT_IN + " missing from the classpath");
            }
            return DialplanParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "extensions.conf");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in dialplan", e);
        }
    }

    DialplanContext context(String name) {
        return contexts.computeIfAbsent(name, DialplanContext::new);
    }

    void global(String name, String value) {
        globals.put(name, value);
    }

    public Map<String, String> globals() {
        return Collections.unmodifiableMap(globals);
    }

    public Map<String, DialplanContext> contexts() {
        return Collections.unmodifiableMap(contexts);
    }

    public boolean hasContext(String name) {
        return contexts.containsKey(name);
    }

    /** The extension a call to {@code exten} in {@code context} runs, following includes; or null. */
    public Extension find(String context, String exten) {
        return find(context, exten, new HashSet<>());
    }

    private Extension find(String context, String exten, Set<String> seen) {
        DialplanContext ctx = contexts.get(context);
        if (ctx == null || !seen.add(context)) {
            return null;
        }
        Extension e = ctx.find(exten);
        if (e != null) {
            return e;
        }
        for (String inc : ctx.includes()) {
            Extension found = find(inc, exten, seen);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    public boolean exists(String context, String exten) {
        return find(context, exten) != null;
    }

    public Priority step(Location where) {
        Extension e = find(where.context(), where.exten());
        return e == null ? null : e.step(where.priority());
    }
}
