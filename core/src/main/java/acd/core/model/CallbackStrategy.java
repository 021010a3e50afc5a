package acd.core.model;

/** Who is rung first when a waiting caller's callback reaches the head of the line. */
public enum CallbackStrategy {
    /**
     * The reserved seat is rung first; once the agent answers, the customer is dialled. No
     * customer ever waits for a person, and the agent hears the customer's phone ringing.
     */
    SEAT_FIRST,
    /**
     * The customer is dialled first; once they answer they ring the reserved seat as any caller
     * would. The agent's time is not spent on customers who do not answer.
     */
    CUSTOMER_FIRST
}
