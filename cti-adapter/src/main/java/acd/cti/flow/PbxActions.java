package acd.cti.flow;

import acd.cti.ami.ChannelSnapshot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The few things the call flow asks of the PBX. {@code AmiClient} does them over AMI. */
public interface PbxActions {
    CompletionStage<Boolean> redirect(String channel, String context, String exten, int priority);

    CompletionStage<Boolean> setVariable(String channel, String name, String value);

    /**
     * Places a call from the PBX: rings {@code channel} (a seat's endpoint, or a Local channel
     * into the dialplan) for at most {@code ringMs}; once answered it runs {@code context},s,1
     * with {@code variables} set. The new channel's Uniqueid is {@code uniqueId}, so its events
     * are known from the start. Completes with whether the PBX took the request, not the call's fate.
     */
    default CompletionStage<Boolean> originate(String channel, String uniqueId, String callerId, long ringMs,
                                               String context, Map<String, String> variables) {
        return CompletableFuture.completedFuture(false);
    }

    /**
     * Takes two bridged channels out of their bridge together, neither hanging the other up:
     * {@code channel} to {@code context},s,1 and {@code extraChannel} to {@code extraContext},s,1.
     */
    default CompletionStage<Boolean> redirectBoth(String channel, String context, String extraChannel,
                                                  String extraContext) {
        return CompletableFuture.completedFuture(false);
    }

    /**
     * Joins two channels, taken from wherever they are; when one leaves, the other goes on in
     * the dialplan after where it was (or hangs up with nowhere to go).
     */
    default CompletionStage<Boolean> bridge(String channel, String otherChannel) {
        return CompletableFuture.completedFuture(false);
    }

    /** Records the channel's conversation from now on, added to the end of {@code file}. */
    default CompletionStage<Boolean> record(String channel, String file) {
        return CompletableFuture.completedFuture(false);
    }

    /** Hangs up a channel, named or by its Uniqueid. */
    default CompletionStage<Boolean> hangup(String channel) {
        return CompletableFuture.completedFuture(false);
    }

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
