package acd.cti.seat;

import acd.cti.seat.codec.SeatErrorCode;
import acd.cti.seat.codec.SeatNotice;
import acd.ivr.selfservice.SelfServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The answer to a desk request the store works on later: the notice the result makes, or one
 * error saying why nothing was done: a refusal the request's own rules name, a store that cannot
 * be reached, or a failure of the server's.
 */
final class DeskAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(DeskAnswers.class);

    private DeskAnswers() {
    }

    /**
     * @param what    what the store keeps, for messages ({@code reply tasks})
     * @param refusal the error a failure is, when it is a refusal by the request's rules; else null
     */
    static <T> void answer(CompletionStage<T> step, Function<T, SeatNotice> notice, Consumer<SeatNotice> reply,
                           String what, Function<Throwable, SeatNotice.Error> refusal) {
        step.whenComplete((result, failure) -> {
            if (failure == null) {
                reply.accept(notice.apply(result));
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            SeatNotice.Error refused = refusal.apply(cause);
            if (refused != null) {
                reply.accept(refused);
            } else if (cause instanceof SelfServiceUnavailableException) {
                LOG.warn("{}: {}", what, cause.getMessage());
                reply.accept(new SeatNotice.Error(SeatErrorCode.UNAVAILABLE,
                        "the store behind the " + what + " cannot be reached now; nothing was changed"));
            } else {
                LOG.error("{} request failed", what, cause);
                reply.accept(new SeatNotice.Error(SeatErrorCode.INTERNAL_ERROR, "the request failed; nothing was changed"));
            }
        });
    }
}
