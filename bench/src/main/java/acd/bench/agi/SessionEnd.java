package acd.bench.agi;

/** How one played call ended, from the played Asterisk's side. */
public enum SessionEnd {
    /** The whole dialogue ran and the server ended the session. */
    COMPLETED("completed"),
    /** The server closed the connection before sending any command (a full pool or a session cap). */
    REFUSED("refused"),
    /** The server closed the connection in the middle of the dialogue. */
    DROPPED("dropped"),
    /** The server sent no command, or did not close after the hang-up, within the command timeout. */
    TIMED_OUT("timed out"),
    /** The TCP connection could not be made. */
    CONNECT_FAILED("connect failed"),
    /** The server sent a command the dialogue does not have at that point. */
    WRONG_SEQUENCE("wrong sequence"),
    /** Still open when the run ended and the generator gave up waiting. */
    UNFINISHED("unfinished");

    private final String label;

    SessionEnd(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
