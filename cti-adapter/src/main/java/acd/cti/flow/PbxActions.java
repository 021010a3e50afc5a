package acd.cti.flow;

import acd.cti.ami.ChannelSnapshot;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The few things the call flow asks of the PBX. {@code AmiClient} does them over AMI. */
public interface PbxActions {
    CompletionStage<Boolean> redirect(String channel, String context, String exten, int priority);

    CompletionStage<Boolean> setVariable(String channel, String name, String value);

    /**
     * Whether actions can reach the PBX now; a refusal while they cannot is no word from it,
     * and the resync after the reconnect sets things right.
     */
    default boolean reachable() {
        return true;
    }

    /** The PBX's live channels; may block: never called on the engine thread. */
    List<ChannelSnapshot> liveChannels() throws Exception;
}
