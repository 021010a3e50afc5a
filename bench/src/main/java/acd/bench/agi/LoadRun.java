package acd.bench.agi;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;

/**
 * What one run of the load generator saw. Counts of outcomes cover every call of the run,
 * warm-up and drain included; rates and latencies cover the measured window only.
 *
 * @param started            calls started
 * @param outcomes           how they ended
 * @param windowNanos        length of the measured window
 * @param completedInWindow  calls that completed inside the window
 * @param commandsInWindow   commands received inside the window
 * @param turnaround         reply sent to next command received, corrected for coordinated omission
 * @param turnaroundRaw      the same, as measured
 * @param setup              connect started to the first command received
 * @param commandsByVerb     commands received in the dialogue, per verb, over the whole run
 * @param afterHangup        commands the server sent after the hang-up (answered as a dead channel)
 * @param openPeak           most calls open at once during the window
 * @param openAtWindowEnd    calls open when the window closed
 * @param unexpectedLines    a few commands that broke the dialogue, for diagnosis
 */
public record LoadRun(long started, Map<SessionEnd, Long> outcomes, long windowNanos, long completedInWindow,
                      long commandsInWindow, Histogram turnaround, Histogram turnaroundRaw, Histogram setup,
                      Map<String, Long> commandsByVerb, long afterHangup, int openPeak, int openAtWindowEnd,
                      List<String> unexpectedLines) {

    public long count(SessionEnd outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    public long failed() {
        return started - count(SessionEnd.COMPLETED);
    }

    public double windowSeconds() {
        return windowNanos / 1e9;
    }

    public double sessionsPerSecond() {
        return windowNanos == 0 ? 0 : completedInWindow / windowSeconds();
    }

    public double commandsPerSecond() {
        return windowNanos == 0 ? 0 : commandsInWindow / windowSeconds();
    }
}
