package acd.ivr.order;

/**
 * The queue and brand of the call an order came from, as reports group orders; either is null
 * when the order names none.
 */
public record QueueAndBrand(String queue, String brand) {
}
