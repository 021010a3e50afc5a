package acd.cti.qa;

import acd.cti.seat.codec.SeatRequest;
import acd.ivr.qa.AnsweredCall;
import acd.ivr.qa.QaCounts;
import acd.ivr.qa.QaException;
import acd.ivr.qa.QaReviews;
import acd.ivr.qa.QaRules;
import acd.ivr.qa.RecordingAccess;
import acd.ivr.qa.SampledCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The desks' side of quality review: the day's sample, a reviewer's score, the team lead's redos,
 * and passes to hear recordings for those who may. Who may hear what:
 * <ul>
 *   <li>an agent, only calls they talked on;</li>
 *   <li>a reviewer, only calls drawn into a sample;</li>
 *   <li>a supervisor, any answered call.</li>
 * </ul>
 * Every ask is kept in the store with who asked and what came of it, refusals too, as is every
 * hearing. The store may block, so each step runs on {@code blocking} and answers later.
 */
public final class QualityDesk {
    private static final Logger LOG = LoggerFactory.getLogger(QualityDesk.class);

    /** A day's sample as a desk sees it: not drawn yet, or drawn with its items. */
    public record DaySample(LocalDate day, boolean drawn, List<SampledCall> items) {
    }

    private final QaReviews reviews;
    private final QaRules rules;
    private final Path recordings;
    private final RecordingPasses passes;
    private final Executor blocking;
    private final LongSupplier clockMs;
    private volatile Consumer<SampledCall> redoFlagged = item -> { };
    private volatile QualityFigures figures = QualityFigures.NONE;

    /**
     * @param recordings the {@code acd/} folder of Asterisk's monitor directory as the server sees
     *                   it, or null when it cannot: then nobody can be given a recording
     */
    public QualityDesk(QaReviews reviews, QaRules rules, Path recordings, RecordingPasses passes, Executor blocking,
                       LongSupplier clockMs) {
        this.reviews = Objects.requireNonNull(reviews, "reviews");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.recordings = recordings;
        this.passes = Objects.requireNonNull(passes, "passes");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
    }

    /** The latest count ({@link #countQuality()} keeps it fresh). */
    public QualityFigures figures() {
        return figures;
    }

    /**
     * Counts the latest drawn day's sample, scored and not, and the open redos; blocks on the
     * store, so run it off any event loop. A store that does not answer keeps the last count,
     * marked unavailable.
     */
    public QualityFigures countQuality() {
        long now = clockMs.getAsLong();
        try {
            QaCounts counts = reviews.counts();
            figures = new QualityFigures(counts.day() == null ? null : counts.day().toString(), counts.sampled(),
                    counts.scored(), counts.openRedos(), now, true);
        } catch (RuntimeException e) {
            QualityFigures last = figures;
            figures = new QualityFigures(last.day(), last.sampled(), last.scored(), last.openRedos(), last.timeMs(),
                    false);
            LOG.debug("quality review not counted: {}", e.getMessage());
        }
        return figures;
    }

    /** Told of each score that flags a redo, after it is stored: the team leads' desks. */
    public void onRedo(Consumer<SampledCall> flagged) {
        this.redoFlagged = Objects.requireNonNull(flagged, "flagged");
    }

    public CompletionStage<DaySample> sample(LocalDate day) {
        return CompletableFuture.supplyAsync(() -> reviews.drawn(day)
                ? new DaySample(day, true, reviews.sample(day)) : new DaySample(day, false, List.of()), blocking);
    }

    public CompletionStage<SampledCall> score(long item, String reviewer, int score, String note) {
        return CompletableFuture.supplyAsync(() -> {
            SampledCall scored = reviews.score(item, reviewer, score, note, rules, clockMs.getAsLong());
            LOG.info("reviewer {} scored item {} (call {}, agent {}) {}{}", reviewer, item, scored.call().callId(),
                    scored.call().agent(), score, scored.redo() ? ": a redo, flagged to the team lead" : "");
            if (scored.isOpenRedo()) {
                redoFlagged.accept(scored);
            }
            return scored;
        }, blocking);
    }

    public CompletionStage<List<SampledCall>> openRedos() {
        return CompletableFuture.supplyAsync(reviews::openRedos, blocking);
    }

    public CompletionStage<SampledCall> closeRedo(long item, String supervisor, String note) {
        return CompletableFuture.supplyAsync(() -> {
            SampledCall closed = reviews.closeRedo(item, supervisor, note, clockMs.getAsLong());
            LOG.info("supervisor {} closed the redo of item {} (call {}, agent {})", supervisor, item,
                    closed.call().callId(), closed.call().agent());
            return closed;
        }, blocking);
    }

    /**
     * A pass to hear {@code callId}'s recording for {@code who}, if their role lets them.
     * Fails with {@link RecordingRefusedException} when it does not, {@link QaException} for a
     * call nobody answered or a recording that is not there.
     */
    public CompletionStage<RecordingPasses.Pass> hear(String callId, SeatRequest.Role role, String who) {
        return CompletableFuture.supplyAsync(() -> {
            long now = clockMs.getAsLong();
            List<AnsweredCall> legs = reviews.call(callId);
            String refusal = refusal(callId, role, who, legs);
            if (refusal != null) {
                reviews.accessed(new RecordingAccess(callId, role.wireName(), who, RecordingAccess.REFUSED, refusal, now));
                LOG.warn("{} {} asked to hear call {}: refused, {}", role.wireName(), who, callId, refusal);
                throw new RecordingRefusedException(refusal);
            }
            if (recordings == null) {
                throw new QaException("this server does not see the recordings: set recordings.directory in"
                        + " server.yaml to Asterisk's monitor folder acd/");
            }
            Path file = fileOf(legs.get(0).recording());
            if (file == null || !Files.isReadable(file)) {
                throw new QaException("the recording of call " + callId + " is not there (past its retention, or"
                        + " never written)");
            }
            RecordingPasses.Pass pass = passes.issue(callId, file, role.wireName(), who, now);
            reviews.accessed(new RecordingAccess(callId, role.wireName(), who, RecordingAccess.GRANTED, "", now));
            LOG.info("{} {} may hear call {} until {}", role.wireName(), who, callId, pass.expiresMs());
            return pass;
        }, blocking);
    }

    /** Why {@code who} may not hear the call, or null when they may. */
    private String refusal(String callId, SeatRequest.Role role, String who, List<AnsweredCall> legs) {
        if (legs.isEmpty()) {
            return "no answered call " + callId;
        }
        return switch (role) {
            case SUPERVISOR -> null;
            case AGENT -> legs.stream().anyMatch(leg -> leg.agent().equals(who)) ? null
                    : "call " + callId + " is not one agent " + who + " talked on";
            case REVIEWER -> reviews.sampled(callId) ? null : "call " + callId + " is not in a quality sample";
        };
    }

    /** A fetch of a pass's recording: kept with who heard it, off the HTTP thread. */
    public void heard(RecordingPasses.Pass pass, String from) {
        long now = clockMs.getAsLong();
        blocking.execute(() -> {
            try {
                reviews.accessed(new RecordingAccess(pass.callId(), pass.role(), pass.who(), RecordingAccess.PLAYED,
                        from, now));
            } catch (RuntimeException e) {
                LOG.error("{} {} heard call {} from {}, and the store could not keep it: {}", pass.role(), pass.who(),
                        pass.callId(), from, e.getMessage());
            }
        });
    }

    /** The pass a request path holds, while it is valid. */
    public java.util.Optional<RecordingPasses.Pass> pass(String path) {
        return passes.redeem(path, clockMs.getAsLong());
    }

    /** The recording's file under the monitor folder, or null for a name that would leave it. */
    private Path fileOf(String recording) {
        String name = recording.startsWith("acd/") ? recording.substring("acd/".length()) : recording;
        Path file = recordings.resolve(name + ".wav").normalize();
        return file.startsWith(recordings.normalize()) ? file : null;
    }
}
