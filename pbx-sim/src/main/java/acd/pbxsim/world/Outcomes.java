package acd.pbxsim.world;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of every simulated call so far, with the counters tests read: placed, answered by
 * a seat (and how long they waited), abandoned (and how long), completed, failed, and those
 * still in progress.
 */
public record Outcomes(List<CallOutcome> calls, long nowMs) {

    public Outcomes {
        calls = List.copyOf(calls);
    }

    public int placed() {
        return calls.size();
    }

    /** Calls a seat answered (ended or still talking). */
    public int answered() {
        return (int) calls.stream().filter(CallOutcome::answered).count();
    }

    public int completed() {
        return count(Outcome.COMPLETED);
    }

    /** Abandons while in line (ACD_QUEUED=1 had been set). */
    public int abandoned() {
        return count(Outcome.ABANDONED);
    }

    /** Calls that joined a line: all but those whose caller hung up in the IVR, which the ACD never counts. */
    public int reachedTheLine() {
        return placed() - count(Outcome.IVR_ABANDONED);
    }

    public int failed() {
        return count(Outcome.FAILED);
    }

    public int inProgress() {
        return count(Outcome.IN_PROGRESS);
    }

    /** Calls still in progress that arrived more than {@code ms} simulated milliseconds ago. */
    public int stuck(long ms) {
        return (int) calls.stream()
                .filter(c -> c.outcome() == Outcome.IN_PROGRESS && nowMs - c.arrivedAtMs() > ms)
                .count();
    }

    public int count(Outcome outcome) {
        return (int) calls.stream().filter(c -> c.outcome() == outcome).count();
    }

    public Map<Outcome, Integer> byOutcome() {
        Map<Outcome, Integer> m = new EnumMap<>(Outcome.class);
        for (CallOutcome c : calls) {
            m.merge(c.outcome(), 1, Integer::sum);
        }
        return m;
    }

    public long[] answerWaitsMs() {
        return calls.stream().filter(CallOutcome::answered).mapToLong(CallOutcome::answerWaitMs).toArray();
    }

    public long[] abandonWaitsMs() {
        return calls.stream().filter(c -> c.outcome() == Outcome.ABANDONED).mapToLong(CallOutcome::abandonWaitMs)
                .toArray();
    }

    public CallOutcome byNumber(String number) {
        return calls.stream().filter(c -> c.number().equals(number)).reduce((a, b) -> b).orElse(null);
    }

    public boolean allEnded() {
        return calls.stream().allMatch(CallOutcome::ended);
    }

    @Override
    public String toString() {
        return "placed " + placed() + ", answered " + answered() + ", " + byOutcome();
    }
}
