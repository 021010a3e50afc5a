package acd.cti.seat;

import acd.cti.report.ReportDesk;
import acd.cti.report.ReportRefusedException;
import acd.cti.seat.codec.SeatErrorCode;
import acd.cti.seat.codec.SeatNotice;
import acd.cti.seat.codec.SeatProtocolException;
import acd.cti.seat.codec.SeatRequest;
import acd.cti.seat.codec.SeatRequestDecoder;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The report requests of a supervisor's desk: the service-level report of a range of days as a
 * {@code report} notice, or as CSV in a {@code reportCsv} one; a {@code report_refused} error
 * says why a range cannot be reported.
 */
final class DeskReports {
    private DeskReports() {
    }

    static boolean isReportRequest(SeatRequest request) {
        return request instanceof SeatRequest.Report || request instanceof SeatRequest.ExportReport;
    }

    static void handle(ReportDesk desk, SeatRequest request, SeatRequest.Role role, Consumer<SeatNotice> reply)
            throws SeatProtocolException {
        if (role != SeatRequest.Role.SUPERVISOR) {
            throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED, "reports are for supervisors");
        }
        if (desk == null) {
            throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED, "this server keeps no reports");
        }
        if (request instanceof SeatRequest.Report r) {
            answer(desk.report(r.period(), r.from(), r.to()), report -> new SeatNotice.Report(ReportDesk.document(report)),
                    reply);
        } else {
            SeatRequest.ExportReport r = (SeatRequest.ExportReport) request;
            answer(desk.report(r.period(), r.from(), r.to()), report -> new SeatNotice.ReportCsv(
                    SeatRequestDecoder.wireName(report.period()), report.range().from().toString(),
                    report.range().to().toString(), ReportDesk.csv(report)), reply);
        }
    }

    private static <T> void answer(CompletionStage<T> step, Function<T, SeatNotice> notice,
                                   Consumer<SeatNotice> reply) {
        DeskAnswers.answer(step, notice, reply, "reports", cause -> cause instanceof ReportRefusedException
                ? new SeatNotice.Error(SeatErrorCode.REPORT_REFUSED, cause.getMessage()) : null);
    }
}
