package acd.pbxsim.ami;

import acd.pbxsim.pbx.Channel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What the simulated Asterisk says about itself: version line, uptimes, the channel table. */
final class CoreFacts {

    static final String VERSION = "20.20.1";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private CoreFacts() {
    }

    /**
     * The line of {@code core show version}; Asterisk-Java reads the version from it
     * ({@code ^\s*Asterisk (GIT-)?20[-. ].*}).
     */
    static String versionLine() {
        return "Asterisk " + VERSION + " built by asterisk @ pbx-sim on a x86_64 running Linux on 2026-11-01 00:00:00 UTC";
    }

    /** HH:MM:SS, as CoreShowChannel's Duration. */
    static String hms(long seconds) {
        long s = Math.max(0, seconds);
        return String.format("%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }

    /** "1 hour, 2 minutes, 3 seconds", as core show uptime prints it. */
    static String uptime(long seconds) {
        long s = Math.max(0, seconds);
        List<String> parts = new ArrayList<>();
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        if (h > 0) {
            parts.add(h + (h == 1 ? " hour" : " hours"));
        }
        if (m > 0) {
            parts.add(m + (m == 1 ? " minute" : " minutes"));
        }
        parts.add(sec + (sec == 1 ? " second" : " seconds"));
        return String.join(", ", parts);
    }

    static String[] dateAndTime(long epochMs) {
        Instant t = Instant.ofEpochMilli(epochMs);
        return new String[] {DATE.format(t), TIME.format(t)};
    }

    static List<String> channelsTable(Collection<Channel> channels) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-20.20s %-20.20s %-7.7s %-30.30s", "Channel", "Location", "State",
                "Application(Data)"));
        for (Channel c : channels) {
            String location = c.exten() + "@" + c.context() + ":" + c.priority();
            String app = c.application().isEmpty() ? "(None)" : c.application() + "(" + c.applicationData() + ")";
            lines.add(String.format("%-20.20s %-20.20s %-7.7s %-30.30s", c.name(), location,
                    c.state().description(), app));
        }
        lines.add(channels.size() + (channels.size() == 1 ? " active channel" : " active channels"));
        return lines;
    }
}
