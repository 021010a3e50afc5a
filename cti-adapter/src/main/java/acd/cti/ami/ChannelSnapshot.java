package acd.cti.ami;

/**
 * One live channel as Asterisk lists it (CoreShowChannels), for resynchronising after the AMI
 * connection was lost.
 */
public record ChannelSnapshot(String uniqueId, String linkedId, String channel, String context, String extension,
                              String application, String bridgedUniqueId) {
}
