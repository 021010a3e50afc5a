package acd.ivr.selfservice;

/**
 * A value-added service as offered to one caller.
 *
 * @param code           the service's id, e.g. {@code ringback}
 * @param prompt         the sound that names the service to the caller
 * @param monthlyFeeFen  the monthly fee, in fen
 * @param subscribed     whether the caller has it now
 */
public record ServiceOffer(String code, String prompt, long monthlyFeeFen, boolean subscribed) {
}
