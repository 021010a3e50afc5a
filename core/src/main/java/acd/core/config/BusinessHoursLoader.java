package acd.core.config;

import acd.core.config.ConfigNode.ListNode;
import acd.core.config.ConfigNode.MapNode;
import acd.core.config.ConfigNode.ScalarNode;
import acd.core.model.BusinessHours;
import acd.core.model.ClosedAction;
import acd.core.model.OpeningCalendar;
import acd.core.model.OpeningCalendar.OpenPeriod;
import acd.core.model.RoutingConfig;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code config/hours.yaml}: the hotline's time zone, its calendars and which calendar
 * each queue keeps. Every problem is reported with file, line and column, as the routing files'
 * are; a queue named here must exist in the routing files.
 *
 * <pre>
 * timeZone: Asia/Shanghai
 * voicemailReplyBy: "08:00"           # messages are answered by then on the next working day
 * calendars:
 *   always: 24h
 *   office:
 *     monday-friday: 08:00-20:00
 *     saturday: 09:00-12:00, 13:00-17:00
 *     sunday: closed
 *     holidays: [2026-10-01, 2026-10-02]
 *     workdays: [2026-09-27]          # 调休: worked with a weekday's hours
 * queues:
 *   english: {calendar: office, whenClosed: voicemail}
 *   vip: {calendar: office, whenClosed: {overflow: general}}
 * </pre>
 */
public final class BusinessHoursLoader {
    /** The file's name beside the routing files. */
    public static final String FILE_NAME = "hours.yaml";
    private static final List<String> SECTIONS = List.of("timeZone", "voicemailReplyBy", "calendars", "queues");
    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final List<String> QUEUE_KEYS = List.of("calendar", "whenClosed");
    private static final String ALWAYS = "24h";
    private static final Pattern PERIOD = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");
    private static final List<String> DAY_NAMES = List.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");

    private BusinessHoursLoader() {
    }

    /** @throws ConfigError every problem found, the first as headline */
    public static BusinessHours parse(ConfigSource source, RoutingConfig routing) {
        ConfigProblems problems = new ConfigProblems(List.of(source.name()));
        ConfigNode root = ConfigNode.parse(source.name(), source.text(), problems);
        if (root == null) {
            problems.throwIfAny();
        }
        if (root instanceof ScalarNode s && s.isNull()) {
            return BusinessHours.ALWAYS_OPEN;
        }
        ConfigFields top = ConfigFields.of(root, "", problems);
        top.allowOnly(SECTIONS);
        ZoneId zone = zone(top);
        int replyBy = replyBy(top);
        Map<String, OpeningCalendar> calendars = calendars(top, problems);
        Map<String, BusinessHours.QueueHours> queues = queues(top, calendars, routing, problems);
        problems.throwIfAny();
        return new BusinessHours(zone, replyBy, calendars, queues);
    }

    private static int replyBy(ConfigFields top) {
        String text = top.text("voicemailReplyBy", null);
        if (text == null) {
            return BusinessHours.DEFAULT_REPLY_BY_MINUTE;
        }
        Matcher m = TIME_OF_DAY.matcher(text.strip());
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            if (hour < 24 && minute < 60) {
                return hour * 60 + minute;
            }
        }
        top.report(top.value("voicemailReplyBy"), "voicemailReplyBy '" + text + "' is not a time of day; write "
                + "hh:mm, quoted, such as \"08:00\"");
        return BusinessHours.DEFAULT_REPLY_BY_MINUTE;
    }

    private static ZoneId zone(ConfigFields top) {
        String text = top.text("timeZone", null);
        if (text == null) {
            return BusinessHours.DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            top.report(top.value("timeZone"), "timeZone '" + text + "' is not a time zone; write a region such as "
                    + "Asia/Shanghai");
            return BusinessHours.DEFAULT_ZONE;
        }
    }

    private static Map<String, OpeningCalendar> calendars(ConfigFields top, ConfigProblems problems) {
        Map<String, OpeningCalendar> out = new LinkedHashMap<>();
        MapNode map = top.map("calendars");
        if (map == null) {
            return out;
        }
        for (String id : map.keys()) {
            ConfigNode value = map.get(id);
            if (value instanceof ScalarNode s && ALWAYS.equalsIgnoreCase(s.text().strip())) {
                out.put(id, OpeningCalendar.always(id));
                continue;
            }
            ConfigFields f = ConfigFields.of(value, "calendar '" + id + "'", problems);
            if (!f.isMap()) {
                continue;
            }
            Map<DayOfWeek, List<OpenPeriod>> week = new EnumMap<>(DayOfWeek.class);
            Set<LocalDate> holidays = new LinkedHashSet<>();
            Set<LocalDate> workdays = new LinkedHashSet<>();
            MapNode days = value.asMap();
            for (String key : days.keys()) {
                ConfigNode v = days.get(key);
                switch (key) {
                    case "holidays" -> dates(f, v, "holidays", holidays);
                    case "workdays" -> dates(f, v, "workdays", workdays);
                    default -> {
                        List<DayOfWeek> named = days(key);
                        if (named == null) {
                            f.report(days.keyNode(key), f.what() + ": '" + key + "' is not a weekday, a range of them "
                                    + "(monday-friday), holidays or workdays");
                            continue;
                        }
                        List<OpenPeriod> periods = periods(f, v);
                        for (DayOfWeek day : named) {
                            if (week.containsKey(day)) {
                                f.report(days.keyNode(key), f.what() + ": " + day.name().toLowerCase(Locale.ROOT)
                                        + " is given twice");
                            }
                            week.put(day, periods);
                        }
                    }
                }
            }
            for (LocalDate day : workdays) {
                if (holidays.contains(day)) {
                    f.report(value, f.what() + ": " + day + " is both a holiday and a workday");
                }
            }
            out.put(id, new OpeningCalendar(id, week, holidays, workdays));
        }
        return out;
    }

    /** {@code monday}, or a range such as {@code monday-friday}; null when neither. */
    private static List<DayOfWeek> days(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        int dash = k.indexOf('-');
        int from = DAY_NAMES.indexOf(dash < 0 ? k : k.substring(0, dash).strip());
        int to = dash < 0 ? from : DAY_NAMES.indexOf(k.substring(dash + 1).strip());
        if (from < 0 || to < 0 || to < from) {
            return null;
        }
        List<DayOfWeek> out = new ArrayList<>();
        for (int d = from; d <= to; d++) {
            out.add(DayOfWeek.of(d + 1));
        }
        return out;
    }

    /** {@code closed}, {@code 24h}, or periods such as {@code 08:00-12:00, 13:00-20:00}. */
    private static List<OpenPeriod> periods(ConfigFields f, ConfigNode v) {
        if (!(v instanceof ScalarNode s) || s.isNull()) {
            f.report(v, f.what() + ": opening hours must be written as 08:00-20:00 (several separated by commas), "
                    + "24h or closed; found " + v.describe());
            return List.of();
        }
        String text = s.text().strip();
        if (text.equalsIgnoreCase("closed")) {
            return List.of();
        }
        if (text.equalsIgnoreCase(ALWAYS)) {
            return List.of(new OpenPeriod(0, 1440));
        }
        List<OpenPeriod> out = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher m = PERIOD.matcher(part.strip());
            if (!m.matches()) {
                f.report(v, f.what() + ": '" + part.strip() + "' is not a period such as 08:00-20:00");
                continue;
            }
            int from = minute(m.group(1), m.group(2));
            int to = minute(m.group(3), m.group(4));
            if (from < 0 || to < 0 || from >= to || from >= 1440) {
                f.report(v, f.what() + ": '" + part.strip() + "' must run forward within one day, 00:00 to 24:00");
                continue;
            }
            for (OpenPeriod other : out) {
                if (from < other.toMinute() && other.fromMinute() < to) {
                    f.report(v, f.what() + ": '" + part.strip() + "' overlaps another period of the same day");
                }
            }
            out.add(new OpenPeriod(from, to));
        }
        return out;
    }

    private static int minute(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (m > 59 || h > 24 || (h == 24 && m > 0)) {
            return -1;
        }
        return h * 60 + m;
    }

    private static void dates(ConfigFields f, ConfigNode v, String what, Set<LocalDate> into) {
        if (!(v instanceof ListNode list)) {
            f.report(v, f.what() + ": " + what + " must be a list of dates such as [2026-10-01], found " + v.describe());
            return;
        }
        for (ConfigNode item : list.items()) {
            String text = item instanceof ScalarNode s ? s.text().strip() : null;
            try {
                if (text == null) {
                    throw new DateTimeParseException("not a date", "", 0);
                }
                if (!into.add(LocalDate.parse(text))) {
                    f.report(item, f.what() + ": " + text + " is listed twice in " + what);
                }
            } catch (DateTimeParseException e) {
                f.report(item, f.what() + ": " + what + " must be dates written 2026-10-01, found "
                        + (text == null ? item.describe() : "'" + text + "'"));
            }
        }
    }

    private static Map<String, BusinessHours.QueueHours> queues(ConfigFields top,
                                                               Map<String, OpeningCalendar> calendars,
                                                               RoutingConfig routing, ConfigProblems problems) {
        Map<String, BusinessHours.QueueHours> out = new LinkedHashMap<>();
        MapNode map = top.map("queues");
        if (map == null) {
            return out;
        }
        for (String queue : map.keys()) {
            if (routing.queueIndex(queue) < 0) {
                top.report(map.keyNode(queue), "queue '" + queue + "' is not in the routing files"
                        + Names.suggestion(queue, routing.queues().stream().map(q -> q.id()).toList()));
                continue;
            }
            ConfigFields f = ConfigFields.of(map.get(queue), "queue '" + queue + "'", problems);
            if (!f.isMap()) {
                continue;
            }
            f.allowOnly(QUEUE_KEYS);
            String calendar = f.name("calendar");
            if (calendar != null && !calendars.containsKey(calendar)) {
                f.report(f.value("calendar"), f.what() + ": no calendar '" + calendar + "'"
                        + Names.suggestion(calendar, calendars.keySet()));
                continue;
            }
            ClosedAction action = ClosedAction.VOICEMAIL;
            String target = null;
            ConfigNode closed = f.value("whenClosed");
            if (closed instanceof ScalarNode s) {
                String word = s.text().strip().toLowerCase(Locale.ROOT);
                if (word.equals("voicemail")) {
                    action = ClosedAction.VOICEMAIL;
                } else if (word.equals("hangup")) {
                    action = ClosedAction.HANGUP;
                } else {
                    f.report(closed, f.what() + ": whenClosed must be voicemail, hangup or {overflow: QUEUE}, found '"
                            + s.text() + "'");
                }
            } else if (closed != null) {
                ConfigFields o = ConfigFields.of(closed, f.what() + " whenClosed", problems);
                o.allowOnly(List.of("overflow"));
                target = o.name("overflow");
                action = ClosedAction.OVERFLOW;
                if (target != null && routing.queueIndex(target) < 0) {
                    o.report(o.value("overflow"), f.what() + ": overflow queue '" + target + "' is not in the routing "
                            + "files" + Names.suggestion(target, routing.queues().stream().map(q -> q.id()).toList()));
                } else if (queue.equals(target)) {
                    o.report(o.value("overflow"), f.what() + " cannot overflow to itself when closed");
                }
            }
            if (calendar != null) {
                out.put(queue, new BusinessHours.QueueHours(calendar, action, target));
            }
        }
        return out;
    }
}
