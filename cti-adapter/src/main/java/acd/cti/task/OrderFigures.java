package acd.cti.task;

import acd.ivr.order.QueueAndBrand;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The work orders at a glance, as the wallboard, the supervisor desk and /metrics show them.
 *
 * @param open              open orders
 * @param overdue           open orders with a step past its deadline
 * @param complaintsOpen    open complaints
 * @param complaintsOverdue open complaints with a step past its deadline
 * @param followUpsToCall   open survey follow-ups whose call-back is still to make
 * @param complaintsToday   complaints opened since midnight in the hotline's time zone, by the queue
 *                          and brand of their call: the complaint rate's numerator over today's calls
 * @param timeMs            when they were counted (0: never)
 * @param available         whether the store answered the latest count; the figures are the last known
 */
public record OrderFigures(long open, long overdue, long complaintsOpen, long complaintsOverdue,
                           long followUpsToCall, Map<QueueAndBrand, Long> complaintsToday, long timeMs,
                           boolean available) {
    public static final OrderFigures NONE = new OrderFigures(0, 0, 0, 0, 0, Map.of(), 0, false);

    public OrderFigures {
        complaintsToday = Map.copyOf(complaintsToday);
    }

    /** Complaints today about calls of the queue, of the brand when not null. */
    public long complaints(String queue, String brand) {
        long n = 0;
        for (Map.Entry<QueueAndBrand, Long> e : complaintsToday.entrySet()) {
            if (queue.equals(e.getKey().queue()) && (brand == null || brand.equals(e.getKey().brand()))) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** The board document's {@code workOrders} section. */
    public Map<String, Object> section() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("open", open);
        out.put("overdue", overdue);
        out.put("complaintsOpen", complaintsOpen);
        out.put("complaintsOverdue", complaintsOverdue);
        out.put("countedAt", timeMs);
        out.put("available", available);
        return out;
    }
}
