package acd.ivr.order;

import acd.core.config.ConfigError;
import acd.core.config.ConfigFields;
import acd.core.config.ConfigNode;
import acd.core.config.ConfigProblems;
import acd.core.config.ConfigSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code config/work-orders.yaml}: each deadline as a number and a unit ({@code 30m},
 * {@code 2h}, {@code 3d}), counted from the order's opening. A section left out keeps the
 * standard's values; a bad value is reported with file, line and reason, every problem at once.
 */
public final class OrderDeadlinesLoader {
    public static final String FILE_NAME = "work-orders.yaml";

    private static final List<String> SECTIONS = List.of("complaints", "questions", "followUps", "escalation");
    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,5})\\s*([mhd])");
    private static final Map<String, Milestone> KEYS = Map.of("handOff", Milestone.HAND_OFF, "check", Milestone.CHECK,
            "firstReply", Milestone.FIRST_REPLY, "fix", Milestone.FIX, "revisit", Milestone.REVISIT);
    private static final List<String> COMPLAINT_KEYS = List.of("handOff", "check", "firstReply", "fix", "revisit");
    private static final List<String> QUESTION_KEYS = List.of("firstReply");
    private static final List<String> FOLLOW_UP_KEYS = List.of("revisit");

    private OrderDeadlinesLoader() {
    }

    /** @throws ConfigError every problem found */
    public static OrderDeadlines parse(ConfigSource source) {
        ConfigProblems problems = new ConfigProblems(List.of(source.name()));
        ConfigNode root = ConfigNode.parse(source.name(), source.text(), problems);
        if (root == null) {
            problems.throwIfAny();
        }
        OrderDeadlines standard = OrderDeadlines.STANDARD;
        ConfigFields top = ConfigFields.of(root, "", problems);
        top.allowOnly(SECTIONS);
        Map<ComplaintGrade, Map<Milestone, Long>> complaints = new EnumMap<>(ComplaintGrade.class);
        ConfigFields grades = top.fields("complaints", "complaints");
        if (grades != null) {
            grades.allowOnly(List.of("ordinary", "escalated", "major"));
        }
        for (ComplaintGrade grade : ComplaintGrade.values()) {
            String key = grade.name().toLowerCase(Locale.ROOT);
            ConfigFields f = grades == null ? null : grades.fields(key, key + " complaints");
            complaints.put(grade, steps(f, COMPLAINT_KEYS, standard.complaints().get(grade)));
        }
        Map<Milestone, Long> question = steps(top.fields("questions", "questions"), QUESTION_KEYS, standard.question());
        Map<Milestone, Long> followUp = steps(top.fields("followUps", "followUps"), FOLLOW_UP_KEYS,
                standard.followUp());
        OrderDeadlines.Escalation escalation = top.choice("escalation", OrderDeadlines.Escalation.class,
                standard.escalation());
        problems.throwIfAny();
        return new OrderDeadlines(complaints, question, followUp, escalation);
    }

    /** One kind's milestones: the standard's, with those the file names replaced, in order. */
    private static Map<Milestone, Long> steps(ConfigFields f, List<String> keys, Map<Milestone, Long> standard) {
        Map<Milestone, Long> steps = new EnumMap<>(standard);
        if (f == null) {
            return steps;
        }
        f.allowOnly(keys);
        for (String key : keys) {
            ConfigNode v = f.value(key);
            if (v == null) {
                continue;
            }
            Long ms = duration(f, key);
            if (ms != null) {
                steps.put(KEYS.get(key), ms);
            }
        }
        order(f, steps, Milestone.HAND_OFF, Milestone.CHECK);
        order(f, steps, Milestone.CHECK, Milestone.FIX);
        order(f, steps, Milestone.FIRST_REPLY, Milestone.REVISIT);
        order(f, steps, Milestone.FIX, Milestone.REVISIT);
        return steps;
    }

    private static void order(ConfigFields f, Map<Milestone, Long> steps, Milestone first, Milestone then) {
        Long a = steps.get(first);
        Long b = steps.get(then);
        if (a != null && b != null && a > b) {
            f.report(f.node(), f.what() + ": " + key(then) + " is due before " + key(first) + "; a step cannot be due"
                    + " before the one it follows");
        }
    }

    private static String key(Milestone m) {
        return KEYS.entrySet().stream().filter(e -> e.getValue() == m).findFirst().orElseThrow().getKey();
    }

    private static Long duration(ConfigFields f, String key) {
        String text = f.text(key, null);
        Matcher m = text == null ? null : DURATION.matcher(text.strip());
        if (m == null || !m.matches()) {
            f.report(f.value(key), f.what() + "." + key + " must be a time such as 30m, 2h or 3d, found "
                    + f.value(key).describe());
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> n * 60_000L;
            case "h" -> n * 3_600_000L;
            default -> n * 86_400_000L;
        };
    }
}
