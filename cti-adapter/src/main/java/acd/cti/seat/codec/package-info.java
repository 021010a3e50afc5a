/**
 * The seat desktop protocol on the wire: JSON text messages over a WebSocket, described in
 * {@code docs/cti-protocol.md}. Requests from desktops ({@link acd.cti.seat.codec.SeatRequest}),
 * notices to them ({@link acd.cti.seat.codec.SeatNotice}), a decoder that turns one text frame
 * into one request or one {@link acd.cti.seat.codec.SeatProtocolException}, and an encoder. No
 * sockets and no engine here: the gateway in {@code acd.cti.seat} holds the logic.
 */
package acd.cti.seat.codec;
