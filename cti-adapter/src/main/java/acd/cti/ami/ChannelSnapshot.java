package acd.cti.ami;

/**
 * One live channel as Asterisk lists it (CoreShowChannels), for resynchronising after the AMI
 * connection was lost.
 *
 * @param bridgeId the bridge the channel is in, or empty; two channels in one bridge are talking
 */
public record ChannelSnapshot(String uniqueId, String linkedId, String channel, String context, String extension,
                              String application, String bridgeId) {
    public boolean bridged() {
        return bridgeId != null && !bridgeId.isEmpty();
    }
}
