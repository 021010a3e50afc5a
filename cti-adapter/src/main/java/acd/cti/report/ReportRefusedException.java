package acd.cti.report;

/** A report that cannot be made as asked, saying why (an impossible range of days). */
public final class ReportRefusedException extends RuntimeException {
    public ReportRefusedException(String message) {
        super(message, null, false, false);
    }
}
