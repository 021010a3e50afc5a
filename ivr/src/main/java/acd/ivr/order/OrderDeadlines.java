package acd.ivr.order;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long each step of a work order may take, counted from its opening, by kind and a
 * complaint's grade; and what an overdue step does to a complaint. Faults are due by their fault
 * kind's time, and a follow-up's call-back by the follow-up time, both kept in the store's
 * settings ({@code server.yaml}).
 *
 * @param complaints per grade, the time each milestone is due after opening
 * @param question   a question's milestones: its reply
 * @param followUp   a dissatisfied survey answer's milestones besides its call-back: the revisit
 * @param escalation what an overdue complaint step does
 */
public record OrderDeadlines(Map<ComplaintGrade, Map<Milestone, Long>> complaints, Map<Milestone, Long> question,
                             Map<Milestone, Long> followUp, Escalation escalation) {

    private static final long MINUTE_MS = 60_000L;
    private static final long HOUR_MS = 60 * MINUTE_MS;
    private static final long DAY_MS = 24 * HOUR_MS;

    /** What an overdue complaint step does. */
    public enum Escalation {
        /** Raises the complaint one grade, once for each step that is late. */
        ONE_GRADE,
        /** Flags it and nothing more. */
        NONE
    }

    /**
     * The operators' standard for an ordinary complaint (hand-off 1 h, check 2 h, first reply 24 h,
     * fixed 48 h, revisit 3 days), tighter for the graver grades; a question's reply in 2 h; a
     * follow-up's revisit in 3 days.
     */
    public static final OrderDeadlines STANDARD = new OrderDeadlines(Map.of(
            ComplaintGrade.ORDINARY, steps(HOUR_MS, 2 * HOUR_MS, DAY_MS, 2 * DAY_MS, 3 * DAY_MS),
            ComplaintGrade.ESCALATED, steps(30 * MINUTE_MS, HOUR_MS, 12 * HOUR_MS, DAY_MS, 2 * DAY_MS),
            ComplaintGrade.MAJOR, steps(15 * MINUTE_MS, 30 * MINUTE_MS, 4 * HOUR_MS, 12 * HOUR_MS, DAY_MS)),
            Map.of(Milestone.FIRST_REPLY, 2 * HOUR_MS),
            Map.of(Milestone.REVISIT, 3 * DAY_MS),
            Escalation.ONE_GRADE);

    public OrderDeadlines {
        Objects.requireNonNull(escalation, "escalation");
        EnumMap<ComplaintGrade, Map<Milestone, Long>> byGrade = new EnumMap<>(ComplaintGrade.class);
        for (ComplaintGrade grade : ComplaintGrade.values()) {
            Map<Milestone, Long> steps = complaints.get(grade);
            if (steps == null) {
                throw new IllegalArgumentException("no deadlines for " + grade.name().toLowerCase() + " complaints");
            }
            byGrade.put(grade, checked(steps));
        }
        complaints = Map.copyOf(byGrade);
        question = checked(question);
        followUp = checked(followUp);
    }

    /** Each milestone's time after opening, for an order of this kind (and grade, for a complaint). */
    public Map<Milestone, Long> allowances(OrderKind kind, ComplaintGrade grade) {
        return switch (kind) {
            case COMPLAINT -> complaints.get(Objects.requireNonNull(grade, "a complaint's grade"));
            case QUESTION -> question;
            case FOLLOW_UP -> followUp;
            case FAULT -> Map.of();
        };
    }

    private static Map<Milestone, Long> steps(long handOff, long check, long firstReply, long fix, long revisit) {
        return Map.of(Milestone.HAND_OFF, handOff, Milestone.CHECK, check, Milestone.FIRST_REPLY, firstReply,
                Milestone.FIX, fix, Milestone.REVISIT, revisit);
    }

    private static Map<Milestone, Long> checked(Map<Milestone, Long> steps) {
        for (Map.Entry<Milestone, Long> e : steps.entrySet()) {
            if (e.getValue() == null || e.getValue() <= 0) {
                throw new IllegalArgumentException(e.getKey() + " must be due some time after opening");
            }
        }
        return Map.copyOf(steps);
    }
}
