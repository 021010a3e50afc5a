package acd.ivr.selfservice;

/** A subscriber's account. Money is in fen (0.01 yuan) so it never rounds. */
public record Account(String number, long balanceFen) {
}
