package acd.ivr.selfservice;

/**
 * One call's survey answer.
 *
 * @param callId  the engine's call id
 * @param rating  1 (worst) to 5 (best), or 0 when the caller gave no answer
 * @param atMs    when the survey ended
 */
public record SurveyResponse(String callId, String callerNumber, String queue, String tier,
                             int rating, long atMs) {
    public boolean answered() {
        return rating > 0;
    }
}
