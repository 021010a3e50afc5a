package acd.cti.task;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reply tasks at a glance, as the wallboard and /metrics show them.
 *
 * @param open      open tasks
 * @param overdue   open tasks past their due time
 * @param timeMs    when they were counted (0: never)
 * @param available whether the store answered the latest count; the figures are the last known
 */
public record TaskFigures(long open, long overdue, long timeMs, boolean available) {
    public static final TaskFigures NONE = new TaskFigures(0, 0, 0, false);

    /** The board document's {@code replyTasks} section. */
    public Map<String, Object> section() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("open", open);
        out.put("overdue", overdue);
        out.put("countedAt", timeMs);
        out.put("available", available);
        return out;
    }
}
