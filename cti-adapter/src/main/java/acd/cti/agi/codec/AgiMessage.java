package acd.cti.agi.codec;

/**
 * What {@link AgiDecoder} emits: one request per connection, then replies and unasked hang-up
 * notices; a bad frame arrives as an {@link AgiDecodeError} in the same stream.
 */
public sealed interface AgiMessage permits AgiRequest, AgiReply, AgiHangup, AgiDecodeError {
}
