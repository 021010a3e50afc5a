package acd.core.engine;

/** Where an agent stands. A RINGING agent is reserved for exactly one call. */
public enum AgentState {
    LOGGED_OUT,
    READY,
    NOT_READY,
    RINGING,
    TALKING,
    WRAP_UP;

    private static final AgentState[] VALUES = values();

    public static AgentState of(int ordinal) {
        return VALUES[ordinal];
    }
}
