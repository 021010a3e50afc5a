package acd.ivr.qa;

import java.time.LocalDate;

/**
 * A call drawn for quality review, and how far its review has come.
 *
 * @param id           the sample item's number
 * @param day          the day it was drawn from
 * @param call         the agent's part of the call
 * @param score        the latest score 0..100, or null before the first
 * @param note         the reviewer's note with it, or null
 * @param scoredBy     the reviewer who gave it, or null
 * @param scoredMs     when (0 before the first)
 * @param redo         the latest score sent the call back to be redone
 * @param redoClosedBy the team lead who closed the redo, or null while it is open (or none)
 * @param redoClosedMs when (0 while open)
 * @param redoNote     what the team lead did about it, or null
 */
public record SampledCall(long id, LocalDate day, AnsweredCall call, Integer score, String note, String scoredBy,
                          long scoredMs, boolean redo, String redoClosedBy, long redoClosedMs, String redoNote) {

    public boolean isScored() {
        return score != null;
    }

    /** A redo waiting for the team lead. */
    public boolean isOpenRedo() {
        return redo && redoClosedBy == null;
    }
}
