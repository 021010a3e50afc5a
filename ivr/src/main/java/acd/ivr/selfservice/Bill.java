package acd.ivr.selfservice;

/**
 * A monthly bill.
 *
 * @param period    the billing month as yyyymm, e.g. 202610
 * @param amountFen the amount billed, in fen
 */
public record Bill(String number, int period, long amountFen) {
}
