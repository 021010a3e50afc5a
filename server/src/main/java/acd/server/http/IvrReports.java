package acd.server.http;

import acd.ivr.menu.IvrFigures;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/ivr}: self-service containment, time in the menus and where callers hung up,
 * and the post-call survey's response rate and average score; overall, per tier and per queue.
 * Percentages 0..100 and seconds; null where there were no calls behind a figure.
 */
public final class IvrReports {
    private IvrReports() {
    }

    /** @param followUpsOpen dissatisfied callers not yet called back, or null when the store cannot say */
    public static Map<String, Object> of(IvrFigures.Snapshot s, Long followUpsOpen) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("calls", calls(s.calls()));
        out.put("byTier", each(s.byTier(), true));
        out.put("byQueue", each(s.byQueue(), true));
        out.put("dropOffsByNode", s.dropOffsByNode());
        Map<String, Object> survey = survey(s.surveys());
        survey.put("followUpsOpen", followUpsOpen);
        out.put("survey", survey);
        out.put("surveyByQueue", each(s.surveysByQueue(), false));
        out.put("surveyByTier", each(s.surveysByTier(), false));
        return out;
    }

    private static Map<String, Object> each(Map<String, ?> figures, boolean calls) {
        Map<String, Object> out = new LinkedHashMap<>();
        figures.forEach((key, f) -> out.put(key, calls ? calls((IvrFigures.CallFigures) f)
                : survey((IvrFigures.SurveyFigures) f)));
        return out;
    }

    private static Map<String, Object> calls(IvrFigures.CallFigures f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("calls", f.calls());
        out.put("contained", f.contained());
        out.put("handedOver", f.handedOver());
        out.put("callerHungUp", f.callerHungUp());
        out.put("containmentPercent", f.calls() == 0 ? null : f.containmentPercent());
        out.put("averageSecondsInIvr", f.calls() == 0 ? null : f.averageMsInIvr() / 1000.0);
        out.put("totalSecondsInIvr", f.totalMsInIvr() / 1000.0);
        return out;
    }

    /** A survey's figures: offered, answered, the response rate, the average and the share satisfied (4 or 5). */
    public static Map<String, Object> survey(IvrFigures.SurveyFigures f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("offered", f.offered());
        out.put("answered", f.answered());
        out.put("responsePercent", f.offered() == 0 ? null : f.responsePercent());
        out.put("averageScore", f.answered() == 0 ? null : f.averageScore());
        out.put("satisfied", f.satisfied());
        out.put("satisfiedPercent", f.answered() == 0 ? null : f.satisfiedPercent());
        return out;
    }
}
