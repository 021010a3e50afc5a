package acd.cti.audit;

/**
 * One security-relevant event: who did what, from where, when, and how it ended. Never holds a
 * secret: a failed login names the id tried, not what was typed.
 *
 * @param timeMs  when, in epoch milliseconds
 * @param event   what kind of event, one of the constants below
 * @param who     the actor, e.g. {@code agent 1001}, {@code supervisor lead1}, {@code anonymous}
 * @param from    the peer's address and port
 * @param what    the action, e.g. {@code login}, {@code setNotReady agent 1002 reason break}
 * @param outcome {@code done} or {@code refused}
 * @param detail  why, in a few words (may be empty)
 */
public record AuditEvent(long timeMs, String event, String who, String from, String what, String outcome,
                         String detail) {
    /** A login with a wrong id or secret. */
    public static final String LOGIN_FAILED = "login_failed";
    /** A login that succeeded. */
    public static final String LOGIN = "login";
    /** A connection closed for too many failed logins. */
    public static final String LOCK_OUT = "lock_out";
    /** A request the sender may not make, or a connection closed for abusing the protocol. */
    public static final String REFUSED = "refused";
    /** A supervisor acting on an agent. */
    public static final String SUPERVISOR_ACTION = "supervisor_action";
    /** A desk asking to hear a call's recording, granted or refused, or the recording fetched. */
    public static final String RECORDING = "recording";

    public static final String DONE = "done";
    public static final String REFUSED_OUTCOME = "refused";
}
