package acd.pbxsim.pbx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A basic two-party bridge, as Dial makes when the seat answers. */
public final class Bridge {

    private final String uniqueid;
    private final List<Channel> channels = new ArrayList<>(2);

    Bridge(String uniqueid) {
        this.uniqueid = uniqueid;
    }

    public String uniqueid() {
        return uniqueid;
    }

    public String type() {
        return "basic";
    }

    public String technology() {
        return "simple_bridge";
    }

    public int size() {
        return channels.size();
    }

    public List<Channel> channels() {
        return Collections.unmodifiableList(channels);
    }

    void add(Channel c) {
        channels.add(c);
    }

    void remove(Channel c) {
        channels.remove(c);
    }
}
