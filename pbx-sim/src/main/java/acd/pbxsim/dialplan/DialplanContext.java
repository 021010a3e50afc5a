package acd.pbxsim.dialplan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code [context]}: its extensions in file order and the contexts it includes. */
public final class DialplanContext {

    private final String name;
    private final Map<String, Extension> extensions = new LinkedHashMap<>();
    private final List<String> includes = new ArrayList<>();

    public DialplanContext(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public List<String> includes() {
        return Collections.unmodifiableList(includes);
    }

    void include(String other) {
        includes.add(other);
    }

    Extension extension(String extenName) {
        return extensions.computeIfAbsent(extenName, Extension::new);
    }

    public Map<String, Extension> extensions() {
        return Collections.unmodifiableMap(extensions);
    }

    /** An exact extension wins over a pattern, as in Asterisk's match ordering. */
    Extension find(String exten) {
        Extension exact = extensions.get(exten);
        if (exact != null && !exact.isPattern()) {
            return exact;
        }
        for (Extension e : extensions.values()) {
            if (e.isPattern() && e.matches(exten)) {
                return e;
            }
        }
        return null;
    }
}
