package acd.pbxsim.ami;

import java.util.Locale;

/**
 * Asterisk's manager permission classes (EVENT_FLAG_*), used both as a user's read/write rights
 * and as an event's category. Bit values match manager.h so masks mean the same as there.
 */
public enum Privilege {
    SYSTEM("system", 1),
    CALL("call", 1 << 1),
    LOG("log", 1 << 2),
    VERBOSE("verbose", 1 << 3),
    COMMAND("command", 1 << 4),
    AGENT("agent", 1 << 5),
    USER("user", 1 << 6),
    CONFIG("config", 1 << 7),
    DTMF("dtmf", 1 << 8),
    REPORTING("reporting", 1 << 9),
    CDR("cdr", 1 << 10),
    DIALPLAN("dialplan", 1 << 11),
    ORIGINATE("originate", 1 << 12),
    AGI("agi", 1 << 13),
    CC("cc", 1 << 15),
    AOC("aoc", 1 << 16),
    TEST("test", 1 << 17),
    SECURITY("security", 1 << 18),
    MESSAGE("message", 1 << 19);

    public static final int ALL = allBits();

    private final String label;
    private final int bit;

    Privilege(String label, int bit) {
        this.label = label;
        this.bit = bit;
    }

    public String label() {
        return label;
    }

    public int bit() {
        return bit;
    }

    /** The {@code Privilege:} header of an event of this category, e.g. {@code call,all}. */
    public String header() {
        return label + ",all";
    }

    /**
     * A manager.conf style list ({@code system,call}) or an Events value: "on", "yes", "true",
     * "all" mean everything; "off", "no", "false", "none" nothing; digits a raw mask.
     * Returns -1 for an empty string, which leaves a mask unchanged, as in Asterisk.
     */
    public static int mask(String list) {
        if (list == null || list.isBlank()) {
            return -1;
        }
        String text = list.strip().toLowerCase(Locale.ROOT);
        if (text.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(text);
        }
        switch (text) {
            case "on", "yes", "true", "y", "t", "all" -> {
                return ALL;
            }
            case "off", "no", "false", "n", "f", "none" -> {
                return 0;
            }
            default -> {
            }
        }
        int mask = 0;
        for (String part : text.split(",")) {
            String label = part.strip();
            if (label.equals("all")) {
                return ALL;
            }
            for (Privilege p : values()) {
                if (p.label.equals(label)) {
                    mask |= p.bit;
                }
            }
        }
        return mask;
    }

    private static int allBits() {
        int all = 0;
        for (Privilege p : values()) {
            all |= p.bit;
        }
        return all;
    }
}
