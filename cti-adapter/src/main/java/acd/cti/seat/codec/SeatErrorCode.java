package acd.cti.seat.codec;

/** What was wrong, as the {@code code} of an {@code error} message. */
public enum SeatErrorCode {
    /** The text is not JSON, or not one JSON object. */
    MALFORMED_JSON("malformed_json"),
    /** {@code type} is missing or names no message this side knows. */
    UNKNOWN_TYPE("unknown_type"),
    /** A field is missing, of the wrong kind or too long. */
    BAD_FIELD("bad_field"),
    /** Anything but {@code login} before a successful login. */
    NOT_LOGGED_IN("not_logged_in"),
    /** Wrong id or secret; the reply never says which. */
    AUTH_FAILED("auth_failed"),
    /** Too many failed logins on one connection: it is closed. */
    TOO_MANY_FAILURES("too_many_failures"),
    /** No login within the time allowed after connecting: the connection is closed. */
    LOGIN_TIMEOUT("login_timeout"),
    /** An agent desktop named an agent other than its own. */
    NOT_YOUR_AGENT("not_your_agent"),
    /** The message is for the other role (an agent asking a supervisor action, or the reverse). */
    NOT_PERMITTED("not_permitted"),
    /** A supervisor named an agent the configuration does not have. */
    UNKNOWN_AGENT("unknown_agent"),
    /** A not-ready reason that is not one of the configured ones. */
    UNKNOWN_REASON("unknown_reason"),
    /** A skill or seat group the routing configuration does not have. */
    UNKNOWN_NAME("unknown_name"),
    /** More messages than the per-connection limit: this one was dropped. */
    RATE_LIMITED("rate_limited"),
    /** The limit was exceeded on and on: the connection is closed. */
    FLOOD("flood"),
    /** A binary frame: only text frames carry messages. */
    UNSUPPORTED_FRAME("unsupported_frame"),
    /** The same user logged in from another desktop: this connection is closed. */
    SESSION_REPLACED("session_replaced"),
    /** Logins are queuing up faster than they can be checked; try again shortly. */
    BUSY("busy"),
    /** A transfer that cannot be made: no call to transfer, or a colleague not logged in. */
    TRANSFER_REFUSED("transfer_refused"),
    /** A reply task step that cannot be taken: unknown, closed, or another agent's task. */
    TASK_REFUSED("task_refused"),
    /**
     * A work order step that cannot be taken: an unknown or closed order, a step out of order, a
     * missing note, an unknown queue, tier or brand, a promised time already past.
     */
    ORDER_REFUSED("order_refused"),
    /** A report that cannot be made: an impossible range of days, or a store that does not answer. */
    REPORT_REFUSED("report_refused"),
    /** A listen-in that cannot be made: the agent is on no call, or the team lead has no phone configured. */
    LISTEN_REFUSED("listen_refused"),
    /** A quality review step that cannot be taken: an unknown item or call, a redo already closed. */
    QA_REFUSED("qa_refused"),
    /** The store behind the reply tasks cannot be reached now; nothing was changed. */
    UNAVAILABLE("unavailable"),
    /** Something failed on the server side; the message had no effect. */
    INTERNAL_ERROR("internal_error");

    private final String wireName;

    SeatErrorCode(String wireName) {
        this.wireName = wireName;
    }

    /** The code as written on the wire, e.g. {@code malformed_json}. */
    public String wireName() {
        return wireName;
    }
}
