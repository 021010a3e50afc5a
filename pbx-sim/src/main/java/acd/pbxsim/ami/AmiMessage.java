package acd.pbxsim.ami;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One AMI block: an action from a client, or a response or event from the PBX. Headers keep the
 * order they were added in, because clients (and the transcripts) see them in that order; lookup
 * ignores case as Asterisk's {@code astman_get_header} does.
 */
public final class AmiMessage {

    /** One {@code Name: value} line. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final List<Header> headers;

    public AmiMessage() {
        this.headers = new ArrayList<>();
    }

    public AmiMessage(List<Header> headers) {
        this.headers = new ArrayList<>(headers);
    }

    public static AmiMessage event(String name) {
        return new AmiMessage().add("Event", name);
    }

    public static AmiMessage response(String response) {
        return new AmiMessage().add("Response", response);
    }

    public AmiMessage add(String name, String value) {
        headers.add(new Header(name, value == null ? "" : value));
        return this;
    }

    public AmiMessage add(String name, long value) {
        return add(name, Long.toString(value));
    }

    /** The first header of that name (any case), or null. */
    public String get(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** The header's value, or "" when absent: how Asterisk's actions read their arguments. */
    public String value(String name) {
        String v = get(name);
        return v == null ? "" : v;
    }

    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                values.add(h.value());
            }
        }
        return values;
    }

    public List<Header> headers() {
        return Collections.unmodifiableList(headers);
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(headers.size());
        for (Header h : headers) {
            names.add(h.name());
        }
        return names;
    }

    public boolean isEvent() {
        return !headers.isEmpty() && headers.get(0).name().equalsIgnoreCase("Event");
    }

    public String eventName() {
        return isEvent() ? headers.get(0).value() : null;
    }

    public String actionName() {
        return get("Action");
    }

    @Override
    public String toString() {
        return AmiWire.text(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AmiMessage m && m.headers.equals(headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }
}
