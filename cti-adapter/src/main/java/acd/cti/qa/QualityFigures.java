package acd.cti.qa;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Quality review at a glance, as {@code /api/queues} and {@code /metrics} show it: the latest
 * drawn day's sample (yesterday's, once the server has drawn it) and the redos waiting for a
 * team lead.
 *
 * @param day       the sample's day (yyyy-MM-dd), or null before any day was drawn
 * @param sampled   calls drawn that day
 * @param scored    of them, scored so far
 * @param openRedos redos no team lead has closed, of any day
 * @param timeMs    when they were counted (0: never)
 * @param available whether the store answered the latest count; the figures are the last known
 */
public record QualityFigures(String day, long sampled, long scored, long openRedos, long timeMs, boolean available) {
    public static final QualityFigures NONE = new QualityFigures(null, 0, 0, 0, 0, false);

    /** The board document's {@code quality} section. */
    public Map<String, Object> section() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("day", day);
        out.put("sampled", sampled);
        out.put("scored", scored);
        out.put("openRedos", openRedos);
        out.put("countedAt", timeMs);
        out.put("available", available);
        return out;
    }
}
