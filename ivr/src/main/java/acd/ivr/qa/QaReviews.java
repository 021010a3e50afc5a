package acd.ivr.qa;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Answered calls, the daily quality sample drawn from them, its scores and redos, and who heard
 * which recording. Each method may throw {@link acd.ivr.selfservice.SelfServiceUnavailableException}
 * when the store cannot be reached, and then changes nothing.
 */
public interface QaReviews {

    /** Keeps an agent's answered call; the same call, agent and answer time again changes nothing. */
    void answered(AnsweredCall call);

    /** Every agent's part of a call, oldest first; empty for a call nobody answered. */
    List<AnsweredCall> call(String callId);

    /**
     * Draws the sample of {@code day}, the calls answered from {@code fromMs} up to (not
     * including) {@code toMs}, once: a day already drawn keeps its sample, whatever the rules
     * are now.
     *
     * @return the day's sample
     */
    List<SampledCall> draw(LocalDate day, long fromMs, long toMs, QaRules rules, long nowMs);

    /** Whether {@code day}'s sample has been drawn. */
    boolean drawn(LocalDate day);

    /** The latest drawn day's sample, scored and not, and the open redos, counted without reading them. */
    QaCounts counts();

    /** {@code day}'s sample (empty before it is drawn), by agent, then by time answered. */
    List<SampledCall> sample(LocalDate day);

    Optional<SampledCall> item(long id);

    /** Whether any part of the call was drawn for review. */
    boolean sampled(String callId);

    /**
     * A reviewer's score of a sample item, 0..100, with a note. A later score replaces it (each
     * is kept); a score below the rules' {@code redoBelow} flags the call to be redone.
     *
     * @throws QaException for an unknown item or a score outside 0..100
     */
    SampledCall score(long id, String reviewer, int score, String note, QaRules rules, long nowMs);

    /** Redos no team lead has closed, oldest score first. */
    List<SampledCall> openRedos();

    /**
     * A team lead closes a redo, saying what was done.
     *
     * @throws QaException for an unknown item or one with no open redo
     */
    SampledCall closeRedo(long id, String supervisor, String note, long nowMs);

    /**
     * Forgets the answered calls from before {@code beforeMs} that were not drawn into a sample:
     * once their recordings are gone there is nothing left to review. Sampled calls, their scores
     * and who heard them stay.
     *
     * @return how many were forgotten
     */
    int forgetUnsampled(long beforeMs);

    /** Keeps one ask for, or hearing of, a recording. */
    void accessed(RecordingAccess access);

    /** Who asked for and heard the call's recording, oldest first. */
    List<RecordingAccess> accesses(String callId);
}
