package acd.ivr.customer;

/** Looks a caller up by number. An operator puts its CRM behind this. */
@FunctionalInterface
public interface CustomerDirectory {
    /** Everyone is unknown: every caller gets the default tier. */
    CustomerDirectory NONE = number -> CustomerProfile.UNKNOWN;

    CustomerProfile find(String callerNumber);
}
