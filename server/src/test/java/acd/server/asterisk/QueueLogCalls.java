package acd.server.asterisk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A queue_log read back per caller: the events of each call, keyed by the caller id ENTERQUEUE wrote. */
final class QueueLogCalls {
    private QueueLogCalls() {
    }

    static Map<String, List<String>> byCaller(List<String> lines) {
        Map<String, List<String>> events = new LinkedHashMap<>();
        linesByCaller(lines).forEach((caller, own) -> events.put(caller, own.stream().map(f -> f[4]).toList()));
        return events;
    }

    /** Each caller's lines, split into their fields (time, callid, queue, agent, event, data...). */
    static Map<String, List<String[]>> linesByCaller(List<String> lines) {
        Map<String, String> callerOfCall = new HashMap<>();
        Map<String, List<String[]>> out = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split("\\|", -1);
            if (f.length < 5 || f[1].equals("NONE")) {
                continue;
            }
            if (f[4].equals("ENTERQUEUE") && f.length > 6) {
                callerOfCall.putIfAbsent(f[1], f[6]);
            }
            String caller = callerOfCall.get(f[1]);
            if (caller != null) {
                out.computeIfAbsent(caller, c -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }
}
