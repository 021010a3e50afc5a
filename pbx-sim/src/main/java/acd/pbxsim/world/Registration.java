package acd.pbxsim.world;

/** Whether a seat phone can be reached. */
public enum Registration {
    /** Registered: calls ring it. */
    REGISTERED,
    /**
     * No contact: Dial fails at once with CHANUNAVAIL and, as with a real PJSIP endpoint, without
     * DialBegin or DialEnd; the device state is UNAVAILABLE.
     */
    UNREGISTERED,
    /**
     * A stale contact: the INVITE goes out (DialBegin) and fails (DialEnd CHANUNAVAIL, cause 20);
     * the device still looks NOT_INUSE, as after a phone lost its network.
     */
    UNREACHABLE
}
