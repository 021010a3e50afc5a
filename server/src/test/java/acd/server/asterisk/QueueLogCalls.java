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

    /** The queue_log's call id (the caller's channel) of the call the agent answered. */
    static String callerChannel(java.nio.file.Path queueLog, String agent) throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(queueLog)) {
            String[] f = line.split("\\|");
            if (f.length > 4 && f[4].equals("CONNECT") && f[3].equals(agent)) {
                return f[1];
            }
        }
        throw new AssertionError("no CONNECT for agent " + agent);
    }

    /**
     * The call's lines, as {@code agent EVENT} with the data that names where a transfer went:
     * {@code 2001 BLINDTRANSFER general 2002}, {@code 2001 ATTENDEDTRANSFER LINK 2001 2002}.
     */
    static List<String> story(java.nio.file.Path queueLog, String callerChannel) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(queueLog).stream().filter(l -> l.contains("|" + callerChannel + "|"))
                .map(l -> {
                    String[] f = l.split("\\|");
                    return f[3] + " " + f[4] + switch (f[4]) {
                        case "BLINDTRANSFER" -> " " + f[5] + " " + f[6];
                        case "ATTENDEDTRANSFER" -> " " + f[5] + " " + f[6] + " " + f[7];
                        default -> "";
                    };
                }).toList();
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
