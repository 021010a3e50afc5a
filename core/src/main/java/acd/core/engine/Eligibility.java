package acd.core.engine;

/** Constants for who may take a call. */
final class Eligibility {
    /** A groups mask meaning "any seat group, or none". */
    static final long ANY_GROUP = -1L;

    private Eligibility() {
    }
}
