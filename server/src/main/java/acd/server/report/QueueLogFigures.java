package acd.server.report;

import acd.core.metrics.TrafficField;
import acd.core.model.QueueSpec;
import acd.core.model.RoutingConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service-level counts of each day and queue recomputed from a queue_log alone, by the rules
 * the board counts by: a call counts in the day and queue it entered ({@code ENTERQUEUE}); its
 * hold time ({@code CONNECT}'s first field) against the queue's threshold in whole seconds; an
 * {@code ABANDON} shorter than the queue's short-abandon time is a short one; an
 * {@code EXITWITHTIMEOUT} followed by the call's {@code ENTERQUEUE} elsewhere is an overflow, else
 * a timeout; {@code EXITEMPTY} is a call refused for want of agents; {@code EXITWITHKEY} a
 * callback the caller took. A line that cannot be read is reported with its file and line and
 * left out.
 */
public final class QueueLogFigures {
    /** One day of one queue. */
    public record Key(LocalDate day, String queue) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : queue.compareTo(other.queue);
        }
    }

    private static final int TEN_SECONDS = 10;

    private final Map<String, QueueSpec> queues = new HashMap<>();
    private final ZoneId zone;
    private final Map<Key, long[]> counts = new TreeMap<>();
    /** The entry each call is counted against now, by call id. */
    private final Map<String, Key> entries = new HashMap<>();
    /** Calls whose last line was EXITWITHTIMEOUT: an overflow if they enter a queue next. */
    private final Map<String, Key> leftAtTimeLimit = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> unknownQueues = new ArrayList<>();

    /** @param zone the hotline's time zone, where its days start */
    public QueueLogFigures(RoutingConfig routing, ZoneId zone) {
        for (QueueSpec q : routing.queues()) {
            queues.put(q.id(), q);
        }
        this.zone = zone;
    }

    /** Reads a whole queue_log file. */
    public QueueLogFigures read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = in.readLine()) != null) {
                number++;
                line(text, file + ":" + number);
            }
        }
        finish();
        return this;
    }

    /** One line; {@code where} names it in a problem ({@code data/queue_log:17}). */
    public void line(String text, String where) {
        if (text.isBlank() || text.startsWith("#")) {
            return;
        }
        String[] f = text.split("\\|", -1);
        if (f.length < 5) {
            problems.add(where + ": not a queue_log line (time|callid|queue|agent|event|data...): " + shortened(text));
            return;
        }
        long second;
        try {
            second = Long.parseLong(f[0]);
        } catch (NumberFormatException e) {
            problems.add(where + ": the time '" + shortened(f[0]) + "' is not epoch seconds");
            return;
        }
        String call = f[1];
        String queue = f[2];
        String event = f[4];
        try {
            event(second, call, queue, event, f, where);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            problems.add(where + ": " + event + " without its numbers: " + shortened(text));
        }
    }

    private void event(long second, String call, String queue, String event, String[] f, String where) {
        switch (event) {
            case "ENTERQUEUE" -> {
                Key before = leftAtTimeLimit.remove(call);
                if (before != null) {
                    add(before, TrafficField.OVERFLOWED, 1);
                }
                Key key = new Key(Instant.ofEpochSecond(second).atZone(zone).toLocalDate(), queue);
                entries.put(call, key);
                add(key, TrafficField.OFFERED, 1);
                known(queue, where);
            }
            case "CONNECT" -> {
                Key key = entry(call, where, event);
                if (key == null) {
                    return;
                }
                long hold = Long.parseLong(f[5]);
                add(key, TrafficField.ANSWERED, 1);
                add(key, TrafficField.ANSWER_WAIT_SUM_MS, hold * 1000);
                QueueSpec spec = queues.get(key.queue());
                if (spec != null && hold <= spec.thresholdSeconds()) {
                    add(key, TrafficField.ANSWERED_WITHIN, 1);
                }
                if (hold <= TEN_SECONDS) {
                    add(key, TrafficField.ANSWERED_WITHIN_10S, 1);
                }
            }
            case "ABANDON" -> {
                Key key = entry(call, where, event);
                if (key == null) {
                    return;
                }
                long waited = Long.parseLong(f[7]);
                add(key, TrafficField.ABANDONED, 1);
                QueueSpec spec = queues.get(key.queue());
                if (spec != null && waited < spec.shortAbandonSeconds()) {
                    add(key, TrafficField.SHORT_ABANDONED, 1);
                }
                entries.remove(call);
            }
            case "EXITWITHTIMEOUT" -> {
                Key key = entry(call, where, event);
                if (key != null) {
                    leftAtTimeLimit.put(call, key);
                    entries.remove(call);
                }
            }
            case "EXITEMPTY" -> {
                Key key = entry(call, where, event);
                if (key != null) {
                    add(key, TrafficField.REFUSED, 1);
                    entries.remove(call);
                }
            }
            case "EXITWITHKEY" -> {
                Key key = entry(call, where, event);
                if (key != null) {
                    add(key, TrafficField.CALLBACKS_REQUESTED, 1);
                }
            }
            default -> {
                // The agents' lines, rings, completions and transfers change no count here.
                Key timedOut = leftAtTimeLimit.remove(call);
                if (timedOut != null) {
                    add(timedOut, TrafficField.TIMED_OUT, 1);
                }
            }
        }
    }

    /** Ends the log: a call last seen leaving at its time limit went nowhere else, so timed out. */
    public void finish() {
        leftAtTimeLimit.values().forEach(key -> add(key, TrafficField.TIMED_OUT, 1));
        leftAtTimeLimit.clear();
    }

    private Key entry(String call, String where, String event) {
        Key key = entries.get(call);
        if (key == null) {
            // A call that entered before the log begins (a rotated file): its entry is in the one before.
            problems.add(where + ": " + event + " of call " + call + " with no ENTERQUEUE before it in this log");
        }
        return key;
    }

    private void known(String queue, String where) {
        if (!queues.containsKey(queue) && !unknownQueues.contains(queue)) {
            unknownQueues.add(queue);
            problems.add(where + ": queue '" + queue + "' is not in the routing: its threshold and short-abandon"
                    + " time are unknown, so its calls are counted neither within the threshold nor as short abandons");
        }
    }

    private void add(Key key, TrafficField field, long delta) {
        counts.computeIfAbsent(key, k -> new long[TrafficField.count()])[field.ordinal()] += delta;
    }

    private static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** The counts by day and queue, by {@link TrafficField}; fields the queue_log does not tell are 0. */
    public Map<Key, long[]> counts() {
        return counts;
    }

    /** The lines left out, each with its file, line and reason. */
    public List<String> problems() {
        return problems;
    }
}
