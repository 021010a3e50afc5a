package acd.ivr.qa;

import java.util.Objects;

/**
 * One ask to hear a call's recording, granted or not, or one hearing of it: the record of who
 * listened to what.
 *
 * @param callId  the call whose recording it was
 * @param role    the asker's role on the desk ({@code agent}, {@code supervisor}, {@code reviewer})
 * @param who     the asker's id
 * @param outcome {@code granted}, {@code refused} or {@code played}
 * @param detail  why it was refused, or where it was heard from; may be empty
 * @param atMs    when
 */
public record RecordingAccess(String callId, String role, String who, String outcome, String detail, long atMs) {
    public static final String GRANTED = "granted";
    public static final String REFUSED = "refused";
    public static final String PLAYED = "played";

    public RecordingAccess {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }
}
