package acd.core.model;

/** How a queue chooses among the free agents eligible for a call. */
public enum AgentSelection {
    /** The agent who has been ready the longest. */
    LONGEST_IDLE,
    /** The best proficiency in the call's weakest required skill, then longest idle. */
    BEST_PROFICIENCY,
    /** The agent who has answered the fewest calls since login, then longest idle. */
    FEWEST_CALLS,
    /** The agent offered a call least recently: each agent in turn. */
    ROUND_ROBIN
}
