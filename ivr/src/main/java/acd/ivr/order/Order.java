package acd.ivr.order;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A work order as it stands.
 *
 * @param id            its number, the one read back to the caller
 * @param kind          what it is about
 * @param grade         a complaint's grade; null for the other kinds
 * @param state         where it stands
 * @param customer      the customer's number
 * @param about         who and what it concerns: the call, queue, brand and tier it came from
 * @param summary       what the customer said, in the words of whoever opened it
 * @param assignee      the team or agent it is dispatched to, or null before dispatch
 * @param openedBy      who opened it (an agent, {@code ivr} or {@code survey})
 * @param openedMs      when
 * @param due           each milestone's due time; the milestones its kind has
 * @param met           when each milestone was met, for those that are
 * @param escalatedFor  the milestones that have already raised its grade once
 * @param closedMs      when it was closed (0 while open)
 */
public record Order(long id, OrderKind kind, ComplaintGrade grade, OrderState state, String customer,
                    OrderSource about, String summary, String assignee, String openedBy, long openedMs,
                    Map<Milestone, Long> due, Map<Milestone, Long> met, Set<Milestone> escalatedFor, long closedMs) {

    public Order {
        due = due.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(due));
        met = met.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(met));
        escalatedFor = escalatedFor.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(escalatedFor));
    }

    public boolean isOpen() {
        return state != OrderState.CLOSED;
    }

    /** The milestones due and not met by {@code nowMs}, earliest due first. */
    public java.util.List<Milestone> overdueAt(long nowMs) {
        if (!isOpen()) {
            return java.util.List.of();
        }
        return due.entrySet().stream()
                .filter(e -> !met.containsKey(e.getKey()) && nowMs > e.getValue())
                .sorted(Map.Entry.<Milestone, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** The next milestone not yet met and its due time, or empty when every one is met. */
    public Optional<Map.Entry<Milestone, Long>> nextDue() {
        return due.entrySet().stream().filter(e -> !met.containsKey(e.getKey()))
                .min(Map.Entry.<Milestone, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    }
}
