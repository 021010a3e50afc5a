package acd.cti.seat;

import acd.cti.seat.codec.SeatRequest;

/**
 * Whether a desktop's secret is that of the agent or supervisor it names. The gateway calls it
 * off the network threads: an implementation may take its time (key stretching is slow on
 * purpose) but must be thread-safe.
 */
@FunctionalInterface
public interface SeatCredentials {
    boolean verify(SeatRequest.Role role, String id, char[] secret);
}
