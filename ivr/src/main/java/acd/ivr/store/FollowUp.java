package acd.ivr.store;

import acd.ivr.selfservice.SurveyResponse;

/**
 * A dissatisfied caller waiting to be called back.
 *
 * @param response the survey answer that put the call on the list
 * @param dueMs    when the call-back is due
 */
public record FollowUp(SurveyResponse response, long dueMs) {
}
