package acd.core.model;

/**
 * A queue's peak mode, the standards' contingency for a traffic peak: a supervisor switches the
 * queue into it from the desk, and back. While it lasts, waiting callers hear the peak
 * announcement before their place in line, and the queue's longest wait is shorter, ending in
 * an overflow to a backup queue (or voicemail, or a disconnect).
 *
 * @param announcement   the sound waiting callers hear first, or null for none
 * @param maxWaitSeconds the longest a call waits in peak mode (> 0), counted from its joining
 * @param maxWaitAction  what happens then
 * @param overflowQueue  the backup queue, for {@link MaxWaitAction#OVERFLOW}; null otherwise
 */
public record PeakRules(String announcement, int maxWaitSeconds, MaxWaitAction maxWaitAction, String overflowQueue) {

    /** No peak mode: the queue cannot be switched into one. */
    public static final PeakRules NONE = new PeakRules(null, 0, MaxWaitAction.DISCONNECT, null);

    public PeakRules {
        if (maxWaitAction == null) {
            throw new IllegalArgumentException("peak maxWait action missing");
        }
        if (maxWaitSeconds < 0) {
            throw new IllegalArgumentException("peak maxWait must not be negative, was " + maxWaitSeconds);
        }
    }

    public boolean configured() {
        return maxWaitSeconds > 0;
    }
}
