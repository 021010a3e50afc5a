package acd.pbxsim.dialplan;

import acd.pbxsim.pbx.Channel;

import java.util.List;
import java.util.function.Consumer;

/** Runs FastAGI scripts for the AGI() application. */
public interface AgiScripts {

    /**
     * Connects to {@code url} (agi://host[:port]/script[?query]) for the channel and serves the
     * script's commands; the channel's activity is the session until it ends. {@code done}
     * receives AGISTATUS (SUCCESS, FAILURE, HANGUP) on the PBX thread.
     */
    void run(Channel channel, String url, List<String> args, Consumer<String> done);
}
