package acd.ivr.order;

/**
 * One step of an order's record: what was done, by whom, when, and what they wrote.
 *
 * @param step  {@code opened}, {@code dispatched}, {@code started}, {@code noted}, {@code replied},
 *              {@code resolved}, {@code revisited}, {@code reopened}, {@code escalated} or {@code closed}
 * @param actor the agent or supervisor, or {@code ivr}, {@code survey}, {@code system}
 * @param note  what they wrote; null when nothing
 */
public record OrderStep(String step, String actor, String note, long atMs) {
}
