package acd.core.model;

/** What becomes of a call to a queue outside its opening hours, once the caller has heard them. */
public enum ClosedAction {
    /** The caller leaves a message in the queue's voicemail box, answered the next working day. */
    VOICEMAIL,
    /** The call goes on to another queue (one open longer, say). */
    OVERFLOW,
    /** The caller hears the hours and the call ends. */
    HANGUP
}
