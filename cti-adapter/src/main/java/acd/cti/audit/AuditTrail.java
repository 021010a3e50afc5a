package acd.cti.audit;

/**
 * Where security-relevant events go: the audit log, apart from the application log. Called on
 * network threads, so it must never block.
 */
@FunctionalInterface
public interface AuditTrail {
    /** Keeps nothing: for tests and tools that run without an audit log. */
    AuditTrail NONE = event -> { };

    void record(AuditEvent event);
}
