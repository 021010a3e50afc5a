package acd.ivr.selfservice;

import java.util.List;
import java.util.Optional;

/**
 * The caller's own account as the hotline's self-service menus see it: balance and bill,
 * recharge with a prepaid card, fault reports and value-added services. The embedded default
 * keeps them in a database of its own; an operator puts its billing and order systems behind
 * the same methods.
 *
 * <p>Every method may throw {@link SelfServiceUnavailableException} when the store cannot be
 * reached; a change is then not made at all. {@code channel} says where the request came from
 * (e.g. {@code ivr}) and {@code nowMs} when, so every change is recorded with both.
 */
public interface SelfService {

    /** The caller's balance, or empty when the number has no account. */
    Optional<Account> account(String number);

    /** The caller's most recent bill, or empty when there is none. */
    Optional<Bill> latestBill(String number);

    /**
     * Credits a prepaid card to the caller's balance. The card is used and the balance credited
     * in one transaction; a card works once; wrong PINs count towards a lock-out from recharge.
     */
    RechargeOutcome recharge(String number, String cardNumber, String pin, String channel, long nowMs);

    /**
     * Checks the service PIN of the account {@code number}, for a caller who is not on the
     * account's own phone. Wrong PINs count per account, towards a lock-out of its self-service.
     */
    PinCheck checkServicePin(String number, String pin, long nowMs);

    /** Opens a work order for a fault; its due time follows the fault's kind. */
    WorkOrder reportFault(String number, FaultKind kind, String channel, long nowMs);

    /** The value-added services offered to the caller, each with whether it is subscribed. */
    List<ServiceOffer> services(String number);

    /** Subscribes to or unsubscribes from a value-added service and records the change. */
    ServiceChangeOutcome changeService(String number, String serviceCode, boolean subscribe,
                                       String channel, long nowMs);
}
