/**
 * The FastAGI protocol as Asterisk speaks it on the wire, and nothing else: the messages
 * ({@link acd.cti.agi.codec.AgiRequest}, {@link acd.cti.agi.codec.AgiReply},
 * {@link acd.cti.agi.codec.AgiHangup}, {@link acd.cti.agi.codec.AgiDecodeError} inbound;
 * {@link acd.cti.agi.codec.AgiCommand} outbound), a line decoder that is an explicit state
 * machine with bounded lines and header blocks, and an encoder. What a session does with the
 * messages lives in {@code acd.cti.agi}.
 */
package acd.cti.agi.codec;
