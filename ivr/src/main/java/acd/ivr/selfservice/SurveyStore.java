package acd.ivr.selfservice;

import java.util.List;

/** Keeps post-call survey answers and the follow-up list of dissatisfied callers. */
public interface SurveyStore {

    /**
     * Stores a caller's answer. A rating at or below the dissatisfied mark puts the call on the
     * follow-up list, due {@code followUpMs} after {@code atMs}.
     */
    void record(SurveyResponse response);

    /** Calls waiting for a follow-up, oldest due first. */
    List<SurveyResponse> followUps();
}
