package acd.cti.seat;

import acd.cti.qa.QualityDesk;
import acd.cti.qa.RecordingRefusedException;
import acd.cti.seat.codec.SeatErrorCode;
import acd.cti.seat.codec.SeatNotice;
import acd.cti.seat.codec.SeatProtocolException;
import acd.cti.seat.codec.SeatRequest;
import acd.ivr.qa.QaException;
import acd.ivr.qa.SampledCall;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The quality review requests of one desk: reviewers see a day's sample and score it;
 * supervisors see it too, and the redos, and close them; anyone may ask to hear a recording,
 * and gets a pass only for the calls their role allows. Answers come later (the store may block)
 * and go to {@code reply}, or an error naming why nothing was done.
 */
final class DeskQuality {
    /** Where a desk's asks to hear recordings, and their refusals, are written down. */
    @FunctionalInterface
    interface Audit {
        void record(String event, String what, String outcome, String detail);
    }

    private DeskQuality() {
    }

    static boolean isQualityRequest(SeatRequest request) {
        return request instanceof SeatRequest.QaSample || request instanceof SeatRequest.QaScore
                || request instanceof SeatRequest.QaRedos || request instanceof SeatRequest.CloseRedo
                || request instanceof SeatRequest.HearRecording;
    }

    /** @throws SeatProtocolException when the request is refused before it reaches the store */
    static void handle(QualityDesk desk, SeatRequest request, SeatRequest.Role role, String user,
                       Consumer<SeatNotice> reply, Audit audit) throws SeatProtocolException {
        if (desk == null) {
            throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED, "this server keeps no quality review");
        }
        if (request instanceof SeatRequest.HearRecording h) {
            answer(desk.hear(h.call(), role, user), pass -> {
                audit.record(acd.cti.audit.AuditEvent.RECORDING, "hearRecording call " + h.call(),
                        acd.cti.audit.AuditEvent.DONE, "");
                return new SeatNotice.RecordingPass(h.call(), pass.url(), pass.expiresMs());
            }, reply, refused -> audit.record(acd.cti.audit.AuditEvent.RECORDING, "hearRecording call " + h.call(),
                    acd.cti.audit.AuditEvent.REFUSED_OUTCOME, refused));
            return;
        }
        if (request instanceof SeatRequest.QaSample s) {
            if (role == SeatRequest.Role.AGENT) {
                throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED,
                        "the quality sample is for reviewers and supervisors");
            }
            answer(desk.sample(s.day()), day -> new SeatNotice.QaSampleList(day.day().toString(), day.drawn(),
                    rows(day.items())), reply, refused -> { });
        } else if (request instanceof SeatRequest.QaScore s) {
            if (role != SeatRequest.Role.REVIEWER) {
                throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED, "only a quality reviewer scores calls");
            }
            answer(desk.score(s.item(), user, s.score(), s.note()),
                    item -> new SeatNotice.QaItem(request.type(), row(item)), reply, refused -> { });
        } else {
            if (role != SeatRequest.Role.SUPERVISOR) {
                throw new SeatProtocolException(SeatErrorCode.NOT_PERMITTED, "redos are the team lead's");
            }
            if (request instanceof SeatRequest.CloseRedo c) {
                answer(desk.closeRedo(c.item(), user, c.note()),
                        item -> new SeatNotice.QaItem(request.type(), row(item)), reply, refused -> { });
            } else {
                answer(desk.openRedos(), items -> new SeatNotice.QaRedos(rows(items)), reply, refused -> { });
            }
        }
    }

    private static <T> void answer(CompletionStage<T> step, Function<T, SeatNotice> notice,
                                   Consumer<SeatNotice> reply, Consumer<String> refused) {
        DeskAnswers.answer(step, notice, reply, "quality review", cause -> {
            if (cause instanceof RecordingRefusedException) {
                refused.accept(cause.getMessage());
                return new SeatNotice.Error(SeatErrorCode.NOT_PERMITTED, cause.getMessage());
            }
            return cause instanceof QaException ? new SeatNotice.Error(SeatErrorCode.QA_REFUSED, cause.getMessage()) : null;
        });
    }

    private static List<SeatNotice.QaRow> rows(List<SampledCall> items) {
        return items.stream().map(DeskQuality::row).toList();
    }

    static SeatNotice.QaRow row(SampledCall s) {
        return new SeatNotice.QaRow(s.id(), s.day().toString(), s.call().callId(), s.call().agent(), s.call().queue(),
                s.call().tier(), s.call().brand(), s.call().callerNumber(), s.call().connectedMs(),
                s.call().talkMs() / 1000, s.score(), s.note(), s.scoredBy(), s.scoredMs(), s.redo(), s.redoClosedBy(),
                s.redoNote());
    }
}
