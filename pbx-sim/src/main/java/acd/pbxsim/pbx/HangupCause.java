package acd.pbxsim.pbx;

import java.util.Map;

/** A Q.850 hang-up cause with the text Asterisk's ast_cause2str gives it (Cause / Cause-txt). */
public record HangupCause(int code, String text) {

    public static final HangupCause UNKNOWN = new HangupCause(0, "Unknown");
    public static final HangupCause NO_ROUTE_DESTINATION = new HangupCause(3, "No route to destination");
    public static final HangupCause NORMAL_CLEARING = new HangupCause(16, "Normal Clearing");
    public static final HangupCause USER_BUSY = new HangupCause(17, "User busy");
    public static final HangupCause NO_USER_RESPONSE = new HangupCause(18, "No user responding");
    public static final HangupCause NO_ANSWER = new HangupCause(19, "User alerting, no answer");
    public static final HangupCause SUBSCRIBER_ABSENT = new HangupCause(20, "Subscriber absent");
    public static final HangupCause CALL_REJECTED = new HangupCause(21, "Call Rejected");
    public static final HangupCause CONGESTION = new HangupCause(34, "Circuit/channel congestion");

    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(0, "Unknown"),
            Map.entry(1, "Unallocated (unassigned) number"),
            Map.entry(2, "No route to specified transmit network"),
            Map.entry(3, "No route to destination"),
            Map.entry(16, "Normal Clearing"),
            Map.entry(17, "User busy"),
            Map.entry(18, "No user responding"),
            Map.entry(19, "User alerting, no answer"),
            Map.entry(20, "Subscriber absent"),
            Map.entry(21, "Call Rejected"),
            Map.entry(22, "Number changed"),
            Map.entry(27, "Destination out of order"),
            Map.entry(28, "Invalid number format"),
            Map.entry(29, "Facility rejected"),
            Map.entry(31, "Normal, unspecified"),
            Map.entry(34, "Circuit/channel congestion"),
            Map.entry(38, "Network out of order"),
            Map.entry(41, "Temporary failure"),
            Map.entry(42, "Switching equipment congestion"),
            Map.entry(127, "Interworking, unspecified"));

    public static HangupCause of(int code) {
        return new HangupCause(code, TEXTS.getOrDefault(code, "Unknown"));
    }

    /** ast_hangup_cause_to_dial_status: the DIALSTATUS a peer's hang-up cause means. */
    public String dialStatus() {
        return switch (code) {
            case 17 -> "BUSY";
            case 34, 42 -> "CONGESTION";
            case 3, 20 -> "CHANUNAVAIL";
            default -> "NOANSWER";
        };
    }
}
